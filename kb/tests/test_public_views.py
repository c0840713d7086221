from django.test import TestCase

from core.tests.base import CastTestCase
from kb.models import Feedback, SearchGap, Status

from .base import make_answer


class PublicKbTests(CastTestCase):
    def setUp(self):
        make_answer()

    def test_browse_by_topic(self):
        response = self.client.get("/uk/kb/")
        self.assertContains(response, "Втрата карти побиту")
        self.assertContains(response, 'href="/uk/kb/card-lost/"')

    def test_search_page_lists_hits_and_an_empty_state(self):
        self.assertContains(self.client.get("/ru/kb/search/", {"q": "карта побыту"}), "Потеря карты побыту")
        response = self.client.get("/en/kb/search/", {"q": "zzzz qqqq"})
        self.assertContains(response, "We found no answer")
        self.assertEqual(SearchGap.objects.get().query, "zzzz qqqq")

    def test_gap_queries_lose_their_digits(self):
        self.client.get("/en/kb/search/", {"q": "passport AB1234567 xyzzy"})
        self.assertEqual(SearchGap.objects.get().query, "passport ab xyzzy")

    def test_bad_queries_never_fail(self):
        for q in ["", "🙂" * 50, "a" * 1000, "* AND : -"]:
            self.assertEqual(self.client.get("/pl/kb/search/", {"q": q}).status_code, 200)

    def test_the_answer_in_the_readers_language_with_legal_basis(self):
        response = self.client.get("/ru/kb/card-lost/")
        self.assertContains(response, "Потеря карты побыту")
        self.assertContains(response, "art. 230")
        self.assertNotContains(response, "not yet translated")

    def test_a_missing_translation_is_labelled(self):
        make_answer("pl-only", langs=("pl",))
        response = self.client.get("/en/kb/pl-only/")
        self.assertContains(response, "This answer is not yet translated into your language")
        self.assertContains(response, '<article lang="pl">')

    def test_feedback_is_recorded_anonymously(self):
        response = self.client.post("/uk/kb/card-lost/feedback/", {"helpful": "no"})
        self.assertRedirects(response, "/uk/kb/card-lost/?thanks=1#feedback", fetch_redirect_response=False)
        feedback = Feedback.objects.get()
        self.assertEqual((feedback.language, feedback.helpful), ("uk", False))

    def test_drafts_and_internal_answers_are_hidden_from_the_public(self):
        make_answer("draft", status=Status.DRAFT)
        make_answer("internal", audience="internal")
        self.assertEqual(self.client.get("/pl/kb/draft/").status_code, 404)
        self.assertEqual(self.client.get("/pl/kb/internal/").status_code, 404)
        self.client.force_login(self.consultant)
        self.assertEqual(self.client.get("/pl/kb/internal/").status_code, 200)
        self.assertEqual(self.client.get("/pl/kb/draft/").status_code, 404)

    def test_staff_get_a_copy_box(self):
        self.client.force_login(self.consultant)
        self.assertContains(self.client.get("/en/kb/card-lost/"), "data-copy")
        self.client.logout()
        self.assertNotContains(self.client.get("/en/kb/card-lost/"), "data-copy")


class ApiTests(TestCase):
    def setUp(self):
        make_answer()

    def test_search(self):
        data = self.client.get("/api/v1/kb/search", {"q": "karta pobytu", "lang": "uk"}).json()
        hit = data["results"][0]
        self.assertEqual((hit["id"], hit["language"], hit["url"]), ("card-lost", "uk", "/uk/kb/card-lost/"))
        self.assertIn("snippet", hit)

    def test_answer(self):
        data = self.client.get("/api/v1/kb/answers/card-lost", {"lang": "en"}).json()
        self.assertEqual((data["title"], data["translated"]), ("Losing your residence card", True))

    def test_errors(self):
        self.assertEqual(self.client.get("/api/v1/kb/search", {"q": "x", "lang": "de"}).status_code, 400)
        self.assertEqual(self.client.get("/api/v1/kb/answers/nope").status_code, 404)
        self.assertEqual(self.client.get("/api/v1/kb/search", {"q": "🙂"}).json()["results"], [])


class OpenApiTests(TestCase):
    def test_the_kb_endpoints_are_documented(self):
        paths = self.client.get("/api/v1/openapi.json").json()["paths"]
        self.assertIn("/api/v1/kb/search", paths)
        self.assertIn("/api/v1/kb/answers/{id}", paths)
