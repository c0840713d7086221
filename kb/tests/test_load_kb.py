from io import StringIO

from django.core.management import call_command
from django.test import TestCase

from applications.definition import get_definitions
from applications.tests.factory import TODAY
from catalogue.registry import current
from kb.content import DATA_DIR, load_all
from kb.models import LANGS, Answer, Revision


class SeedContentTests(TestCase):
    def test_at_least_sixty_answers_complete_in_four_languages(self):
        seeds = load_all()
        self.assertGreaterEqual(len(seeds), 60)
        for seed in seeds:
            for lang in LANGS:
                self.assertTrue(seed.title.get(lang) and len(seed.body.get(lang)) > 100, f"{seed.slug} {lang}")

    def test_procedure_links_exist(self):
        procedures = set(current().procedures)
        for seed in load_all():
            self.assertLessEqual(set(seed.procedures), procedures, seed.slug)

    def test_generator_hints_link_to_existing_answers(self):
        slugs = {p.stem for p in DATA_DIR.glob("*.toml")}
        targets = {f.learn_more[3:] for f in get_definitions().at("trc", TODAY).all_fields().values() if f.learn_more.startswith("kb:")}
        self.assertTrue(targets)
        self.assertLessEqual(targets, slugs)

    def test_the_command_loads_everything_and_keeps_edited_answers(self):
        call_command("load_kb", stdout=StringIO())
        self.assertEqual(Answer.objects.count(), len(load_all()))
        edited = Answer.objects.get(slug="residence-card-lost")
        variant = edited.variant("pl")
        variant.title = "Zmieniony tytuł"
        variant.save()
        Revision.objects.create(answer=edited, changes={"title": ["a", "b"]})
        out = StringIO()
        call_command("load_kb", stdout=out)
        self.assertEqual(Answer.objects.get(slug="residence-card-lost").variant("pl").title, "Zmieniony tytuł")
        self.assertIn("1 kept", out.getvalue())
