from django.test import SimpleTestCase

from kb.analysis import document_terms, fold, query_words


def matches(query: str, qlang: str, text: str, tlang: str) -> bool:
    doc = set(document_terms(text, tlang))
    return all(set(alternatives) & doc for alternatives in query_words(query, qlang))


class AnalysisTests(SimpleTestCase):
    def test_polish_inflected_forms_meet(self):
        self.assertTrue(matches("zezwolenia na pobyt", "pl", "Zezwolenie na pobyt czasowy", "pl"))
        self.assertTrue(matches("opłatach skarbowych", "pl", "Opłata skarbowa", "pl"))

    def test_russian_and_ukrainian_forms_meet(self):
        self.assertTrue(matches("разрешения работодателя", "ru", "Разрешение и работодатель", "ru"))
        self.assertTrue(matches("дозволу роботодавця", "uk", "Дозвіл від роботодавця", "uk"))

    def test_english_plurals_meet(self):
        self.assertTrue(matches("permits employers", "en", "The permit and the employer", "en"))

    def test_diacritics_do_not_matter(self):
        self.assertEqual(fold("zł"), "zl")
        self.assertTrue(matches("oplata zl", "pl", "Opłata 200 zł", "pl"))

    def test_cyrillic_and_latin_spellings_meet(self):
        self.assertEqual(fold("карта"), "karta")
        self.assertTrue(matches("karta pobytu", "ru", "Потеря карты побыту", "ru"))
        self.assertTrue(matches("карта побыту", "ru", "Utrata karty pobytu", "pl"))

    def test_stop_words_and_symbols_are_ignored(self):
        self.assertEqual(query_words('"a" AND * : - ( )', "en"), [])
        self.assertEqual(query_words("🙂🙂", "ru"), [])
