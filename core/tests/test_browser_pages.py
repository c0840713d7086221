from django.test import override_settings

from accounts.models import Role, User
from core.tests.browser import BrowserTestCase


@override_settings(CATALOGUE_DATE="2026-12-01")
class EveryPageTypeInBrowserTests(BrowserTestCase):
    """axe-core (WCAG 2.1 A/AA) on each page type, public and staff, at 360 px and desktop."""

    def test_public_page_types(self):
        for path in ["/pl/procedures/", "/uk/procedures/residence-card/", "/en/eu-citizens/", "/de/unknown/", "/ru/staff/login/"]:
            for width in (360, 1280):
                with self.subTest(path=path, width=width):
                    page = self.new_page(width=width)
                    page.goto(self.url(path))
                    self.assertNoAxeViolations(page)
                    self.assertNoHorizontalScroll(page)

    def test_staff_page_types(self):
        User.objects.create_user("kierownik", password="pw-for-tests-only", role=Role.MANAGER)
        page = self.new_page(width=1280)
        self.log_in(page, "kierownik")
        self.assertTrue(page.url.endswith("/pl/staff/"))
        for path in ["/pl/staff/", "/en/staff/catalogue/", "/uk/staff/team/"]:
            with self.subTest(path=path):
                page.goto(self.url(path))
                self.assertNoAxeViolations(page)
