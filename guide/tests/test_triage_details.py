from django.test import TestCase, override_settings

URL = "/en/which-procedure/details/"
VALID = {"citizenship": "UA", "basis": "visa_national", "stay_end": "2027-01-15", "purpose": "work"}


@override_settings(CATALOGUE_DATE="2026-12-01")
class TriageDetailsTests(TestCase):
    def test_it_asks_the_detail_question_for_the_purpose(self):
        response = self.client.get(URL, VALID)
        self.assertContains(response, "A foreign employer posts me to work in Poland")
        self.assertNotContains(response, "My spouse is a Polish citizen")
        self.assertContains(response, '<input type="hidden" name="citizenship" value="UA">')

    def test_missing_answers_get_messages_and_keep_what_was_typed(self):
        response = self.client.get(URL, {"citizenship": "UA", "basis": "visa_national", "stay_end": ""})
        self.assertContains(response, "There is a problem")
        self.assertContains(response, "Enter the last day of your current right to stay")
        self.assertContains(response, 'href="#id_purpose_0"')
        self.assertContains(response, '<option value="UA" selected>')
        self.assertRegex(response.content.decode(), r'value="visa_national"[^>]* checked')
        self.assertContains(response, "<title>Error:")

    def test_contradictory_answers_get_a_message_next_to_the_question(self):
        response = self.client.get(URL, {**VALID, "basis": "visa_free", "stay_end": "2027-11-30"})
        self.assertContains(response, "A visa-free stay lasts at most 90 days")
        self.assertContains(response, 'id="id_stay_end_error"')

    def test_a_malformed_date_is_explained_not_a_500(self):
        response = self.client.get(URL, {**VALID, "stay_end": "31/02/2027"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "Enter a valid date")
        self.assertContains(response, 'value="31/02/2027"')

    def test_an_unknown_country_code_is_an_error(self):
        response = self.client.get(URL, {**VALID, "citizenship": "XX"})
        self.assertContains(response, "Select a valid choice")

    def test_eu_citizens_are_told_politely_where_to_go(self):
        response = self.client.get(URL, {**VALID, "citizenship": "DE"})
        self.assertContains(response, "This service is for citizens of countries outside the European Union")
        self.assertContains(response, "register your stay")

    def test_swiss_and_norwegian_citizens_too(self):
        for code in ("CH", "NO", "IS", "LI"):
            response = self.client.get(URL, {**VALID, "citizenship": code})
            self.assertContains(response, "registration of an EU citizen")

    def test_british_citizens_are_third_country_nationals(self):
        response = self.client.get(URL, {**VALID, "citizenship": "GB"})
        self.assertContains(response, "Which describes you best?")

    def test_polish_citizens_need_no_permit(self):
        response = self.client.get(URL, {**VALID, "citizenship": "PL"})
        self.assertContains(response, "Polish citizens do not need a residence permit")
