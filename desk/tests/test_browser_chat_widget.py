from django.test import override_settings

from core.tests.browser import ChannelsBrowserTestCase
from desk.models import Conversation

ACTIVE_ID = "document.activeElement && (document.activeElement.id || document.activeElement.className)"


@override_settings(CHAT_ALWAYS_OPEN=True)
class ChatWidgetTests(ChannelsBrowserTestCase):
    """The widget on a phone: start a chat in it, keep it across pages, close it."""

    def test_a_visitor_chats_in_the_widget_and_keeps_the_chat_across_pages(self):
        page = self.new_page()  # 360 px wide
        page.goto(self.url("/en/"))
        launcher = page.locator("button.chat-launcher")
        self.assertEqual(launcher.get_attribute("aria-expanded"), "false")
        self.assertEqual(launcher.get_attribute("aria-controls"), "chat-panel")
        panel = page.locator("#chat-panel")
        self.assertTrue(panel.is_hidden())

        launcher.click()
        self.assertTrue(panel.is_visible())
        self.assertEqual(launcher.get_attribute("aria-expanded"), "true")
        self.assertEqual(page.evaluate(ACTIVE_ID), "chat-panel")  # focus moved into the panel
        self.assertEqual(page.get_attribute("#chat-panel iframe", "src"), "/en/chat/?embed=1")
        # Full width, most of the height, and "Close" on screen.
        box = panel.bounding_box()
        self.assertEqual(box["width"], 360)
        self.assertGreater(box["height"], 780 * 0.8)
        close = page.get_by_role("button", name="Close")
        close_box = close.bounding_box()
        self.assertGreaterEqual(close_box["y"], 0)
        self.assertLessEqual(close_box["x"] + close_box["width"], 360)
        self.assertNoHorizontalScroll(page)

        chat = page.frame_locator("#chat-panel iframe")
        chat.locator("#id_topic_0").check()
        chat.locator("#id_citizenship").select_option("UA")
        chat.locator("#id_question").fill("How do I extend my residence card?")
        chat.locator("form button[type=submit]").click()
        chat.locator("#chat-log").get_by_text("How do I extend my residence card?").wait_for()
        self.assertEqual(chat.locator("header, footer").count(), 0)  # the embedded layout
        c = Conversation.objects.get()
        self.assertNoAxeViolations(page)
        self.assertNoAxeViolations(page.locator("#chat-panel iframe").element_handle().content_frame())  # the chat itself

        # Another page of the site: the widget comes back open, with the room.
        page.goto(self.url("/en/kb/"))
        panel.wait_for()
        self.assertEqual(page.locator("button.chat-launcher").get_attribute("aria-expanded"), "true")
        self.assertIn(f"/en/chat/{c.public_id}/?embed=1", page.get_attribute("#chat-panel iframe", "src"))
        chat.locator("#chat-log").get_by_text("How do I extend my residence card?").wait_for()
        self.assertNotEqual(page.evaluate(ACTIVE_ID), "chat-panel")  # a restored panel does not take the focus

        # Escape inside the chat closes the panel and gives the focus back to the launcher.
        chat.locator("#id_body").focus()
        page.keyboard.press("Escape")
        self.assertTrue(panel.is_hidden())
        self.assertEqual(page.evaluate(ACTIVE_ID), "chat-launcher")
        self.assertEqual(launcher.get_attribute("aria-expanded"), "false")

        # Closed stays closed on the next page; reopened, it is the same room.
        page.goto(self.url("/en/"))
        self.assertTrue(panel.is_hidden())
        launcher.click()
        chat.locator("#chat-log").get_by_text("How do I extend my residence card?").wait_for()
        close.click()
        self.assertTrue(panel.is_hidden())
        self.assertEqual(page.evaluate(ACTIVE_ID), "chat-launcher")

    def test_without_javascript_the_launcher_is_a_link_to_the_chat_page(self):
        context = self.browser.new_context(viewport={"width": 360, "height": 780}, java_script_enabled=False)
        self.addCleanup(context.close)
        page = context.new_page()
        page.goto(self.url("/en/kb/"))
        launcher = page.locator("a.chat-launcher")
        box = launcher.bounding_box()
        self.assertGreater(box["x"] + box["width"], 300)  # fixed at the bottom right
        self.assertGreater(box["y"] + box["height"], 700)
        with page.expect_navigation():
            launcher.click()
        self.assertTrue(page.url.endswith("/en/chat/"))
