from django.test import TestCase


class HomeTests(TestCase):
    def test_it_links_to_the_questionnaire_and_the_procedures(self):
        response = self.client.get("/uk/")
        self.assertContains(response, 'href="/uk/which-procedure/"')
        self.assertContains(response, 'href="/uk/procedures/"')

    def test_the_language_switcher_links_carry_lang_and_hreflang(self):
        response = self.client.get("/en/procedures/")
        for code in ("pl", "en", "ru", "uk"):
            self.assertContains(response, f'href="/{code}/procedures/" lang="{code}" hreflang="{code}"')

    def test_it_has_a_skip_link_and_landmarks(self):
        response = self.client.get("/pl/")
        self.assertContains(response, 'href="#main-content"')
        self.assertContains(response, '<main id="main-content"')
        self.assertContains(response, "<header")
        self.assertContains(response, "<footer")
