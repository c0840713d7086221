import subprocess
import tempfile
from pathlib import Path

from django.test import override_settings

from applications.definition import get_definitions
from applications.tests.factory import TODAY, clean_work
from core.tests.browser import BrowserTestCase

DEFINITION = get_definitions().at("trc", TODAY)


@override_settings(CATALOGUE_DATE="2026-12-01")
class ApplyWithKeyboardTests(BrowserTestCase):
    """A work-purpose application in Ukrainian, with the keyboard only."""

    def page_key(self, page) -> str:
        return page.url.split("#")[0].rstrip("/").split("/")[-1]

    def focused(self, page) -> dict:
        return page.evaluate(
            "() => { const e = document.activeElement; return {tag: e.tagName, name: e.name || '', type: e.type || '', id: e.id || ''}; }"
        )

    def tab_to(self, page, predicate, limit: int = 200) -> dict:
        for _ in range(limit):
            page.keyboard.press("Tab")
            element = self.focused(page)
            if predicate(element):
                return element
        self.fail(f"Tab never reached the element on {page.url}")

    def fill_page(self, page, answers: dict):
        """Tab through the page; type each answer, choose radios with arrows, selects by typing."""
        spec = DEFINITION.page(self.page_key(page))
        todo = {f.key: f for f in spec.visible_fields(answers) if answers.get(f.key) not in (None, "")}
        page.locator("h1").focus()
        while todo:
            element = self.tab_to(page, lambda e: e["name"] in todo)
            field = todo.pop(element["name"])
            value = answers[field.key]
            if element["type"] == "radio":
                values = [c.value for c in field.choices] if field.type == "choice" else ["yes", "no"]
                page.keyboard.press("Space")
                for _ in range(values.index(value)):
                    page.keyboard.press("ArrowDown")
            elif element["tag"] == "SELECT":
                # Arrow keys through the list (type-ahead with Cyrillic letters is not
                # something Playwright's keyboard can send to a <select>).
                index = page.evaluate("v => [...document.activeElement.options].findIndex(o => o.value === v)", value)
                page.keyboard.press("Home")
                for _ in range(index):
                    page.keyboard.press("ArrowDown")
            else:
                page.keyboard.press("Control+A")
                page.keyboard.type(value)

    def submit(self, page, name: str = "continue"):
        self.tab_to(page, lambda e: e["tag"] == "BUTTON" and e["name"] == name)
        with page.expect_navigation():
            page.keyboard.press("Enter")

    def test_a_work_application_in_ukrainian_by_keyboard(self):
        answers = clean_work()
        page = self.new_page(width=1024)
        page.goto(self.url("/uk/apply/"))
        self.assertNoAxeViolations(page)
        self.tab_to(page, lambda e: e["tag"] == "BUTTON")
        with page.expect_navigation():
            page.keyboard.press("Enter")
        self.assertIn("/created/", page.url)
        self.assertNoAxeViolations(page)
        self.tab_to(page, lambda e: e["tag"] == "A" and "/created/" not in page.evaluate("document.activeElement.href") and page.evaluate("document.activeElement.classList.contains('button')"))
        page.keyboard.press("Enter")
        page.wait_for_url("**/purpose/")
        pages_seen = []
        while "/purpose/" in page.url or "/check/" not in page.url:
            key = self.page_key(page)
            pages_seen.append(key)
            self.assertNoAxeViolations(page)
            if key == "personal" and "personal" not in pages_seen[:-1]:
                # An error made on the way: a surname in Cyrillic.
                self.fill_page(page, {**answers, "surname": "Коваленко"})
                self.submit(page)
                self.assertIn("/personal/", page.url)
                self.assertTrue(page.evaluate("document.activeElement.classList.contains('error-summary')"))
                self.assertIn("латиницею", page.locator(".error-summary").inner_text())
                self.assertNoAxeViolations(page)
                page.keyboard.press("Tab")  # the summary's first link
                page.keyboard.press("Enter")  # moves focus to the field
                self.assertEqual(self.focused(page)["name"], "surname")
                page.keyboard.press("Control+A")
                page.keyboard.type(answers["surname"])
                self.submit(page)
                continue
            spec = DEFINITION.page(key)
            self.assertIsNotNone(spec, f"{page.url} after {pages_seen}")
            if not spec.repeat:
                self.fill_page(page, answers)
            self.submit(page)
            self.assertEqual(page.locator(".error-summary").count(), 0, f"errors on {key}: {page.locator('main').inner_text()[:1500]}")
        self.assertIn("employer", pages_seen)
        self.assertNotIn("university", pages_seen)
        self.assertEqual(page.locator("h1").inner_text(), "Перевірте свої відповіді")
        self.assertNoAxeViolations(page)
        self.tab_to(page, lambda e: e["tag"] == "A" and page.evaluate("document.activeElement.href").endswith("/report/"))
        page.keyboard.press("Enter")
        page.wait_for_url("**/report/")
        self.assertEqual(page.locator("h1").inner_text(), "Звіт про готовність")
        self.assertNoAxeViolations(page)
        with page.expect_download() as download_info:
            self.tab_to(page, lambda e: e["tag"] == "A" and page.evaluate("document.activeElement.href").endswith("/pack.pdf"))
            page.keyboard.press("Enter")
        pdf = Path(tempfile.mkdtemp()) / "pack.pdf"
        download_info.value.save_as(pdf)
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
        for expected in ("KOVALENKO", "OLEKSANDR", "UKRAINA", "MAZOWIECKIE", "Прізвище", "440 zł", "5261044482"):
            self.assertIn(expected, text)
        page.goto(self.url(page.url.replace(self.live_server_url, "").replace("/report/", "/pack/")))
        self.assertEqual(page.locator("h1").inner_text(), "Пакет підготовки до MOS")
        self.assertNoAxeViolations(page)
