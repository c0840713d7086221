"""Site-wide checks: every page in every language, one <h1>, migrations, catalogues."""

import re
import subprocess
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase, override_settings

from catalogue.registry import current
from core.tests.base import CastTestCase

LANGS = [code for code, _ in settings.LANGUAGES]
TRIAGE = "citizenship=UA&basis=visa_national&stay_end=2027-01-15&purpose=work"


def public_paths() -> list[str]:
    paths = ["", "procedures/", "which-procedure/", "apply/", "apply/import/", "apply/resume/",
             "kb/", "kb/search/?q=karta", "kb/search/?q=zzzz", "kb/card-lost/", "kb/card-lost/?thanks=1", f"which-procedure/details/?{TRIAGE}",
             f"which-procedure/result/?{TRIAGE}&detail=employee", "eu-citizens/", "staff/login/"]  # fmt: skip
    paths += [f"procedures/{slug}/" for slug in current().procedures]
    return paths


STAFF_PATHS = ["staff/", "staff/catalogue/", "staff/team/", "staff/applications/", "staff/applications/quality/",
               "staff/kb/", "staff/kb/?due=1", "staff/kb/new/", "staff/kb/gaps/", "staff/kb/card-lost/", "staff/kb/card-lost/uk/",
               "staff/desk/", "staff/desk/call/", "staff/desk/reports/"]  # fmt: skip


@override_settings(CATALOGUE_DATE="2026-12-01")
class EveryPageTests(CastTestCase):
    def setUp(self):
        from kb.tests.base import make_answer

        make_answer()

    def assertOnePage(self, url: str, lang: str):
        response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        html = response.content.decode()
        self.assertEqual(len(re.findall(r"<h1[\s>]", html)), 1, f"{url}: exactly one <h1>")
        self.assertIn(f'<html lang="{lang}">', html, url)

    def test_every_public_page_renders_in_every_language_with_one_h1(self):
        for lang in LANGS:
            for path in public_paths():
                self.assertOnePage(f"/{lang}/{path}", lang)

    def test_every_staff_page_renders_in_every_language_with_one_h1(self):
        self.client.force_login(self.admin)
        for lang in LANGS:
            for path in STAFF_PATHS:
                self.assertOnePage(f"/{lang}/{path}", lang)

    def test_every_application_page_renders_in_every_language_with_one_h1(self):
        import datetime as dt

        from applications.definition import get_definitions
        from applications.models import Draft
        from applications.tests.factory import clean_work

        draft, _code = Draft.start("trc", dt.date(2026, 4, 27), "pl")
        draft.answers = {**clean_work(), "previous_stays_in_poland": "yes"}
        draft.save()
        definition = get_definitions().at("trc", dt.date(2026, 4, 27))
        pages = [f"{p.key}/" for p in definition.pages] + ["created/", "saved/", "check/", "report/", "pack/"]
        for lang in LANGS:
            for page in pages:
                self.assertOnePage(f"/{lang}/apply/{draft.token}/{page}", lang)

    def test_every_desk_conversation_page_renders_in_every_language_with_one_h1(self):
        from desk.models import Channel, Contact, Conversation

        contact = Contact.objects.create(name="Anna", language="ru")
        c = Conversation.objects.create(contact=contact, channel=Channel.CHAT, language="ru", state="active", assigned_to=self.admin)
        self.client.force_login(self.admin)
        for lang in LANGS:
            self.assertOnePage(f"/{lang}/staff/desk/c/{c.public_id}/", lang)

    def test_every_recommendation_links_to_a_guide_that_renders(self):
        snapshot = current()
        for purpose, rules in snapshot.triage.items():
            for rule in rules:
                self.assertIn(rule.recommend, snapshot.procedures)
            details = {key for key, _ in snapshot.details[purpose]}
            self.assertTrue({rule.detail for rule in rules} <= details | {"*"})
            for detail in details:
                self.assertTrue(any(r.detail == detail for r in rules), f"{purpose}/{detail} recommends nothing")


class MigrationTests(TestCase):
    def test_no_pending_migrations(self):
        out = StringIO()
        try:
            call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=StringIO())
        except SystemExit:
            self.fail(f"Pending migrations:\n{out.getvalue()}")


class TranslationCatalogueTests(TestCase):
    def test_no_untranslated_or_fuzzy_messages(self):
        catalogues = sorted(Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"))
        self.assertEqual({p.parts[-3] for p in catalogues}, set(LANGS))
        for po in catalogues:
            stats = subprocess.run(
                ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)], capture_output=True, text=True
            )
            self.assertEqual(stats.returncode, 0, f"{po}: {stats.stderr}")
            self.assertNotIn("untranslated", stats.stderr, f"{po}: {stats.stderr}")
            self.assertNotIn("fuzzy", stats.stderr, f"{po}: {stats.stderr}")

    def test_catalogues_are_up_to_date_with_the_source(self):
        # Every translatable string in the code is in the catalogue: makemessages
        # into a scratch copy must add nothing.
        po = Path(settings.BASE_DIR, "locale", "uk", "LC_MESSAGES", "django.po")
        before = _msgids(po.read_text())
        self.assertGreater(len(before), 50)
        missing = _source_msgids() - before
        self.assertEqual(missing, set(), "run scripts/i18n and translate")


def _msgids(text: str) -> set[str]:
    ids, current_id, mode = set(), None, None
    for line in text.splitlines():
        if line.startswith("msgid "):
            current_id, mode = _unquote(line[6:]), "id"
        elif line.startswith('"') and mode == "id":
            current_id += _unquote(line)
        else:
            if mode == "id" and current_id:
                ids.add(current_id)
            mode = None
    return ids


def _unquote(s: str) -> str:
    return s.strip()[1:-1].encode().decode("unicode_escape").encode("latin-1").decode("utf-8")


def _source_msgids() -> set[str]:
    # A cheap extraction of the simplest forms: {% translate "…" %} in templates.
    ids = set()
    for tpl in Path(settings.BASE_DIR, "templates").rglob("*.html"):
        if "admin" in tpl.parts:
            continue
        ids |= set(re.findall(r'{% translate "([^"]+)" %}', tpl.read_text()))
    return ids
