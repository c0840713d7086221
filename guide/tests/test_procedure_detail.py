from django.test import TestCase, override_settings


@override_settings(CATALOGUE_DATE="2026-12-01")
class ProcedureDetailTests(TestCase):
    def test_it_shows_the_guide_in_each_language(self):
        for lang, title in [
            ("pl", "Zezwolenie na pobyt czasowy i pracę"),
            ("en", "Temporary residence and work permit"),
            ("ru", "Разрешение на временное пребывание и работу"),
            ("uk", "Дозвіл на тимчасове перебування і роботу"),
        ]:
            response = self.client.get(f"/{lang}/procedures/trc-work/")
            self.assertContains(response, title)
            self.assertContains(response, f'<html lang="{lang}">')

    def test_it_shows_fees_filing_and_proof_of_stay_in_force(self):
        response = self.client.get("/en/procedures/trc-work/")
        self.assertContains(response, "440 zł")
        self.assertContains(response, "100 zł")
        self.assertContains(response, "Electronically in MOS")
        self.assertContains(response, "684×883")
        self.assertContains(response, "certificate confirming the filing")
        self.assertContains(response, "art. 114")

    @override_settings(CATALOGUE_DATE="2026-01-15")
    def test_before_mos_it_explains_paper_filing_and_the_stamp(self):
        response = self.client.get("/en/procedures/trc-work/")
        self.assertContains(response, "On paper, at the voivodeship office")
        self.assertContains(response, "stamp in your passport")
        self.assertNotContains(response, "Electronically in MOS")

    def test_unconfirmed_facts_are_not_presented_as_certain(self):
        response = self.client.get("/en/procedures/residence-card/")
        self.assertContains(response, "to be confirmed with the office")
        self.assertNotContains(response, "badge-unconfirmed")

    def test_an_unknown_procedure_is_404(self):
        response = self.client.get("/en/procedures/no-such-thing/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, "Page not found", status_code=404)
