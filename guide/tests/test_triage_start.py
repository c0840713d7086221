from django.test import TestCase


class TriageStartTests(TestCase):
    def test_it_asks_the_questions_in_the_readers_language(self):
        response = self.client.get("/ru/which-procedure/")
        self.assertContains(response, 'action="/ru/which-procedure/details/"')
        self.assertContains(response, 'name="citizenship"')
        self.assertContains(response, 'name="purpose"')
        self.assertContains(response, "Украина")  # country names from pycountry, in Russian

    def test_change_link_prefills_earlier_answers(self):
        response = self.client.get("/en/which-procedure/?citizenship=UA&purpose=study&basis=trc&stay_end=2027-01-31")
        self.assertContains(response, '<option value="UA" selected>')
        self.assertContains(response, 'value="2027-01-31"')
        self.assertRegex(response.content.decode(), r'value="study"[^>]* checked')
