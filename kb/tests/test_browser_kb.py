from core.tests.browser import BrowserTestCase
from kb.models import Feedback
from accounts.models import Role, User

from .base import make_answer


class KbInBrowserTests(BrowserTestCase):
    def setUp(self):
        make_answer()

    def test_search_in_russian_with_a_typo_open_and_rate(self):
        page = self.new_page()
        page.goto(self.url("/ru/kb/"))
        self.assertNoAxeViolations(page)
        page.fill("#kb-q", "потеря карты побиту")  # "побыту" mistyped
        with page.expect_navigation():
            page.press("#kb-q", "Enter")
        self.assertNoAxeViolations(page)
        self.assertNoHorizontalScroll(page)
        with page.expect_navigation():
            page.click("ol.hits a")
        self.assertEqual(page.locator("h1").inner_text(), "Потеря карты побыту")
        self.assertNoAxeViolations(page)
        with page.expect_navigation():
            page.click("#feedback button[value=yes]")
        self.assertIn("Спасибо", page.locator("#feedback").inner_text())
        self.assertTrue(Feedback.objects.get().helpful)

    def test_editor_pages_pass_axe(self):
        User.objects.create_user("lider", password="pw-for-tests-only", role=Role.LEADER)
        page = self.new_page(width=1280)
        self.log_in(page, "lider")
        for path in ["/pl/staff/kb/", "/pl/staff/kb/card-lost/", "/uk/staff/kb/card-lost/en/", "/pl/staff/kb/new/", "/pl/staff/kb/gaps/", "/pl/kb/card-lost/"]:
            with self.subTest(path=path):
                page.goto(self.url(path))
                self.assertNoAxeViolations(page)
