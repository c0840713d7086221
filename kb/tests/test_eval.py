"""Ranking quality on the evaluation set, through the real database path. The
exact figures come from bench/kb_search.py; this test keeps a floor."""

import tomllib
from io import StringIO
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase

from kb.search import search

FLOOR_RECALL_AT_3 = 0.9


class EvaluationSetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        call_command("load_kb", stdout=StringIO())

    def test_recall_at_3_stays_above_the_floor(self):
        questions = tomllib.loads(Path(settings.BASE_DIR, "kb", "eval", "questions.toml").read_text())["q"]
        self.assertGreaterEqual(len(questions), 100)
        found = sum(
            any(hit.slug in q["expected"] for hit in search(q["text"], q["lang"], include_internal=True, limit=3))
            for q in questions
        )
        self.assertGreaterEqual(found / len(questions), FLOOR_RECALL_AT_3)

    def test_questions_cover_four_languages_and_existing_answers(self):
        from kb.models import Answer

        questions = tomllib.loads(Path(settings.BASE_DIR, "kb", "eval", "questions.toml").read_text())["q"]
        self.assertEqual({q["lang"] for q in questions}, {"pl", "en", "ru", "uk"})
        slugs = set(Answer.objects.values_list("slug", flat=True))
        for q in questions:
            self.assertLessEqual(set(q["expected"]), slugs, q["text"])
