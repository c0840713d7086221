from django.test import TestCase

from kb.models import Status
from kb.search import search

from .base import make_answer


class SearchTests(TestCase):
    def setUp(self):
        self.card = make_answer()
        make_answer(
            "fees",
            texts={
                "pl": ("Opłata skarbowa", "Opłatę skarbową płacisz przed złożeniem wniosku."),
                "en": ("Stamp duty", "You pay stamp duty before filing."),
                "ru": ("Гербовый сбор", "Гербовый сбор оплачивается до подачи заявления."),
                "uk": ("Гербовий збір", "Гербовий збір сплачується до подання заяви."),
            },
        )

    def test_it_finds_in_the_readers_language_and_returns_that_variant(self):
        hits = search("потеря карты", "ru")
        self.assertEqual(hits[0].slug, "card-lost")
        self.assertEqual((hits[0].language, hits[0].fallback), ("ru", False))
        self.assertIn("3", hits[0].snippet)

    def test_a_query_in_another_language_still_returns_the_readers_variant(self):
        hits = search("karta pobytu", "uk")
        self.assertEqual((hits[0].slug, hits[0].language), ("card-lost", "uk"))

    def test_typos_are_tolerated(self):
        self.assertEqual(search("utarta karty", "pl")[0].slug, "card-lost")
        self.assertEqual(search("гербовый сбр", "ru")[0].slug, "fees")

    def test_a_missing_translation_falls_back_with_a_label(self):
        make_answer("only-polish", langs=("pl",), texts={"pl": ("Odciski palców", "Odciski palców pobiera urząd.")})
        hit = search("odciski palców", "en")[0]
        self.assertEqual((hit.slug, hit.language, hit.fallback), ("only-polish", "pl", True))

    def test_internal_answers_only_for_staff(self):
        make_answer("internal-note", audience="internal", texts={k: ("Eskalacja", "Eskalacja do kierownika.") for k in ("pl", "en", "ru", "uk")})
        self.assertEqual(search("eskalacja", "pl"), [])
        self.assertEqual(search("eskalacja", "pl", include_internal=True)[0].slug, "internal-note")

    def test_drafts_are_not_found(self):
        make_answer("draft", status=Status.DRAFT, texts={k: ("Wiza krajowa", "Wiza krajowa typu D.") for k in ("pl", "en", "ru", "uk")})
        self.assertEqual(search("wiza krajowa", "pl"), [])

    def test_bad_input_gives_an_empty_result_not_an_error(self):
        for query in ["", " ", "🙂🙂🙂", "x" * 1000, '"karta" AND * : - pobytu', "''''", "%", "\x00"]:
            with self.subTest(query=query[:20]):
                self.assertIsInstance(search(query, "pl"), list)
        self.assertEqual(search('"karta" AND * : - pobytu', "pl")[0].slug, "card-lost")
