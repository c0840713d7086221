from django.test import override_settings

from core.tests.browser import BrowserTestCase

HEADINGS = {
    "pl": ("Która procedura jest dla mnie?", "Procedury dla Ciebie"),
    "en": ("Which procedure fits me?", "Procedures that fit you"),
    "ru": ("Какая процедура мне подходит?", "Подходящие вам процедуры"),
    "uk": ("Яка процедура мені підходить?", "Процедури, що вам підходять"),
}


@override_settings(CATALOGUE_DATE="2026-12-01")
class TriageInBrowserTests(BrowserTestCase):
    def test_the_questionnaire_end_to_end_in_each_language(self):
        for lang, (start_h1, result_h1) in HEADINGS.items():
            with self.subTest(lang=lang):
                page = self.new_page()
                page.goto(self.url(f"/{lang}/"))
                self.assertNoAxeViolations(page)
                page.click(f'main a[href="/{lang}/which-procedure/"]')
                self.assertEqual(page.locator("h1").inner_text(), start_h1)
                self.assertNoAxeViolations(page)
                self.assertNoHorizontalScroll(page)
                page.select_option("#id_citizenship", "UA")
                page.check("#id_basis_2")  # national visa
                page.fill("#id_stay_end", "2027-01-15")
                page.check("#id_purpose_0")  # work
                page.click("form button[type=submit]")
                page.wait_for_url("**/which-procedure/details/**")
                self.assertNoAxeViolations(page)
                page.check("#id_detail_0")  # employee of a Polish employer
                page.click("form button[type=submit]")
                page.wait_for_url("**/which-procedure/result/**")
                self.assertEqual(page.locator("h1").inner_text(), result_h1)
                self.assertIn("540 zł", page.locator("main").inner_text())
                self.assertNoAxeViolations(page)
                self.assertNoHorizontalScroll(page)
                page.click(f'a[href="/{lang}/procedures/trc-work/"]')
                self.assertNoAxeViolations(page)
                self.assertNoHorizontalScroll(page)

    def test_errors_are_summarised_focused_and_nothing_typed_is_lost(self):
        page = self.new_page()
        page.goto(self.url("/en/which-procedure/"))
        page.select_option("#id_citizenship", "VN")
        page.check("#id_basis_0")  # visa-free, but no end date given
        page.click("form button[type=submit]")
        summary = page.locator(".error-summary")
        self.assertIn("There is a problem", summary.inner_text())
        self.assertTrue(page.evaluate("document.activeElement.classList.contains('error-summary')"))
        self.assertEqual(page.locator("#id_citizenship").input_value(), "VN")
        self.assertTrue(page.locator("#id_basis_0").is_checked())
        self.assertNoAxeViolations(page)
        # The summary links move to the field.
        page.click(".error-summary a[href='#id_stay_end']")
        self.assertEqual(page.evaluate("document.activeElement.id"), "id_stay_end")

    def test_eu_citizens_get_the_polite_page(self):
        page = self.new_page()
        page.goto(self.url("/ru/which-procedure/"))
        page.select_option("#id_citizenship", "FR")
        page.check("#id_basis_7")  # abroad
        page.check("#id_purpose_0")
        page.click("form button[type=submit]")
        self.assertIn("/ru/which-procedure/details/", page.url)
        self.assertIn("Швейцарии", page.locator("h1").inner_text())
        self.assertNoAxeViolations(page)
