from django.test import TestCase


class RootAndLanguageTests(TestCase):
    def test_root_redirects_to_polish_by_default(self):
        self.assertRedirects(self.client.get("/"), "/pl/", fetch_redirect_response=False)

    def test_root_follows_the_browser_language(self):
        response = self.client.get("/", headers={"accept-language": "uk,ru;q=0.8"})
        self.assertRedirects(response, "/uk/", fetch_redirect_response=False)

    def test_the_last_language_read_is_remembered(self):
        self.client.get("/ru/procedures/")
        response = self.client.get("/", headers={"accept-language": "en"})
        self.assertRedirects(response, "/ru/", fetch_redirect_response=False)

    def test_an_unknown_language_prefix_is_a_polish_404_with_four_languages(self):
        response = self.client.get("/de/procedures/")
        self.assertEqual(response.status_code, 404)
        self.assertContains(response, '<html lang="pl">', status_code=404)
        self.assertContains(response, "Nie znaleziono strony", status_code=404)
        for code in ("pl", "en", "ru", "uk"):
            self.assertContains(response, f'href="/{code}/" lang="{code}" hreflang="{code}"', status_code=404)

    def test_a_missing_page_under_a_known_language_answers_in_that_language(self):
        response = self.client.get("/uk/nothing-here/")
        self.assertContains(response, '<html lang="uk">', status_code=404)

    def test_healthz(self):
        self.assertEqual(self.client.get("/healthz").content, b"ok")
