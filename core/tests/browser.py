"""Browser tests: Playwright for Python driving Debian's chromium, with axe-core.

scripts/test installs both (apt's chromium, npm's axe-core into .cache/); no
browser is ever downloaded.
"""

import json
import shutil
from pathlib import Path

from django.conf import settings
from channels.testing import ChannelsLiveServerTestCase
from django.contrib.staticfiles.testing import StaticLiveServerTestCase
from django.test import tag
from playwright.sync_api import sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = Path(settings.BASE_DIR, ".cache", "node", "node_modules", "axe-core", "axe.min.js")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


class BrowserMixin:
    """Starts one chromium per test class, next to the live server the class runs."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.playwright = sync_playwright().start()
        cls.browser = cls.playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        cls.axe_source = AXE_JS.read_text()

    @classmethod
    def tearDownClass(cls):
        cls.browser.close()
        cls.playwright.stop()
        super().tearDownClass()

    def new_page(self, width: int = 360, height: int = 780):
        # A phone-sized viewport: the pages must work at 360 px.
        # bypass_csp lets the test inject axe-core into pages whose CSP forbids it.
        context = self.browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
        self.addCleanup(context.close)
        return context.new_page()

    def url(self, path: str) -> str:
        return f"{self.live_server_url}{path}"

    def log_in(self, page, username: str, lang: str = "pl", password: str = "pw-for-tests-only"):
        """Sign a staff member in through the login form; the page lands in the staff area."""
        page.goto(self.url(f"/{lang}/staff/login/"))
        page.fill("#id_username", username)
        page.fill("#id_password", password)
        with page.expect_navigation():
            page.click("form button[type=submit]")

    def assertNoAxeViolations(self, page):
        page.evaluate(self.axe_source)
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_AA)
        violations = [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]
        ]
        self.assertEqual(violations, [], f"axe on {page.url}:\n{json.dumps(violations, indent=1, ensure_ascii=False)}")

    def assertNoHorizontalScroll(self, page):
        width = page.evaluate("document.documentElement.scrollWidth")
        self.assertLessEqual(width, page.viewport_size["width"], f"{page.url} scrolls sideways at 360 px")


@tag("browser")
class BrowserTestCase(BrowserMixin, StaticLiveServerTestCase):
    host = "127.0.0.1"


@tag("browser")
class ChannelsBrowserTestCase(BrowserMixin, ChannelsLiveServerTestCase):
    """Pages and WebSockets served by Daphne in a second process (the live chat)."""

    host = "127.0.0.1"
