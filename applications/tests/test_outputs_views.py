import json

from .base import DraftTestCase


class OutputViewTests(DraftTestCase):
    def test_check_your_answers_has_change_links(self):
        draft = self.make_draft()
        response = self.client.get(self.url(draft, "check/"))
        self.assertContains(response, "KOVALENKO")
        self.assertContains(response, f'href="/en/apply/{draft.token}/personal/"')

    def test_the_readiness_report_shows_score_fee_and_payee(self):
        draft = self.make_draft({**self.make_draft().answers, "fee_paid": "no"})
        response = self.client.get(self.url(draft, "report/"))
        self.assertContains(response, "Ready to file")
        self.assertContains(response, "440 zł")
        self.assertContains(response, "Warszawa")
        self.assertContains(response, "V15")

    def test_the_mos_pack_writes_values_as_they_must_be_typed(self):
        draft = self.make_draft()
        response = self.client.get(self.url(draft, "pack/", "uk"))
        html = response.content.decode()
        self.assertIn("KOVALENKO", html)
        self.assertIn("UKRAINA", html)  # countries in Polish, in capitals
        self.assertIn("MAZOWIECKIE", html)
        self.assertIn("BRAK", html)  # empty optional fields
        self.assertIn("Прізвище", html)  # the applicant's language under the Polish label

    def test_export_is_the_documented_format(self):
        draft = self.make_draft()
        data = json.loads(self.client.get(self.url(draft, "export.json")).content)
        self.assertEqual((data["format"], data["format_version"], data["form_version"]), ("konsultant/trc", 1, "2026-04-27"))
        self.assertEqual(data["parts"]["A"]["surname"], "KOVALENKO")
        self.assertEqual(data["parts"]["Do"]["authority"], "14")
        self.assertEqual(data["parts"]["C"]["trips"][0]["trip_country"], "UA")
