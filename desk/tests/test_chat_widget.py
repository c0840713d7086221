"""The chat widget on public pages and the chat's embed mode (its iframe)."""

import re
from unittest import mock

from django.test import override_settings

from desk.models import Conversation, State

from .base import DeskTestCase
from .test_chat import START

LAUNCHER = 'class="chat-launcher"'


def h1_count(response) -> int:
    return len(re.findall(r"<h1[\s>]", response.content.decode()))


class LauncherTests(DeskTestCase):
    def test_public_pages_have_the_launcher_linking_to_the_chat(self):
        for url in ["/en/", "/en/kb/", "/ru/procedures/"]:
            response = self.client.get(url)
            self.assertContains(response, f'<a {LAUNCHER} href="/{url[1:3]}/chat/"', msg_prefix=url)
            self.assertContains(response, "js/chat-widget.js", msg_prefix=url)
            # The footer keeps its plain link: it works without JavaScript too.
            footer = response.content.decode().split("<footer", 1)[1].split("</footer>", 1)[0]
            self.assertIn(f'href="/{url[1:3]}/chat/"', footer, url)

    def test_staff_pages_have_no_launcher(self):
        self.client.force_login(self.consultant)
        for url in ["/en/", "/en/staff/", "/en/staff/desk/"]:
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200, url)
            self.assertNotContains(response, LAUNCHER, msg_prefix=url)
            self.assertNotContains(response, "chat-widget.js", msg_prefix=url)

    @override_settings(CHAT_ALWAYS_OPEN=True)
    def test_the_chat_pages_have_no_launcher(self):
        self.assertNotContains(self.client.get("/en/chat/"), LAUNCHER)
        self.client.post("/en/chat/", START)
        c = Conversation.objects.get()
        self.assertNotContains(self.client.get(f"/en/chat/{c.public_id}/"), LAUNCHER)
        with mock.patch("desk.chat_views._open", return_value=False):
            self.assertNotContains(self.client.post("/en/chat/", START), LAUNCHER)


@override_settings(CHAT_ALWAYS_OPEN=True)
class EmbedModeTests(DeskTestCase):
    def assertEmbedded(self, response):
        self.assertEqual(response.status_code, 200)
        html = response.content.decode()
        self.assertIn('<body class="embedded">', html)
        for chrome in ["site-header", "<footer", "main-nav", "skip-link", LAUNCHER]:
            self.assertNotIn(chrome, html)
        self.assertEqual(h1_count(response), 1)

    def test_embed_is_kept_from_start_to_room_to_send_to_rate(self):
        start = self.client.get("/en/chat/?embed=1")
        self.assertEmbedded(start)
        self.assertContains(start, 'action="/en/chat/?embed=1"')

        response = self.client.post("/en/chat/?embed=1", START)
        c = Conversation.objects.get()
        room = f"/en/chat/{c.public_id}/"
        self.assertRedirects(response, f"{room}?embed=1")
        page = self.client.get(f"{room}?embed=1")
        self.assertEmbedded(page)
        self.assertContains(page, f'action="{room}send/?embed=1"')
        self.assertContains(page, f'href="{room}?embed=1"')  # "Refresh the conversation"

        self.assertRedirects(self.client.post(f"{room}send/?embed=1", {"body": "Hello?"}), f"{room}?embed=1")
        refused = self.client.post(f"{room}send/?embed=1", {"body": ""})
        self.assertEmbedded(refused)
        self.assertContains(refused, "There is a problem")

        Conversation.objects.filter(pk=c.pk).update(state=State.CLOSED)
        page = self.client.get(f"{room}?embed=1")
        self.assertContains(page, f'action="{room}rate/?embed=1"')
        self.assertEmbedded(self.client.post(f"{room}rate/?embed=1", {}))
        response = self.client.post(f"{room}rate/?embed=1", {"rating": "4"})
        self.assertRedirects(response, f"{room}?rated=1&embed=1")
        self.assertContains(self.client.get(response["Location"]), "Thank you for your rating.")

    def test_without_embed_the_chat_keeps_the_whole_site_layout(self):
        start = self.client.get("/en/chat/")
        self.assertContains(start, "site-header")
        self.assertContains(start, 'action="/en/chat/"')
        response = self.client.post("/en/chat/", START)
        c = Conversation.objects.get()
        self.assertRedirects(response, f"/en/chat/{c.public_id}/")
        Conversation.objects.filter(pk=c.pk).update(state=State.CLOSED)
        self.assertRedirects(self.client.post(f"/en/chat/{c.public_id}/rate/", {"rating": "5"}), f"/en/chat/{c.public_id}/?rated=1")

    def test_links_that_leave_the_chat_open_in_the_top_window(self):
        eu = self.client.post("/en/chat/?embed=1", {**START, "citizenship": "DE"})
        self.assertEmbedded(eu)
        self.assertContains(eu, 'href="/en/" target="_top"')
        with mock.patch("desk.chat_views._open", return_value=False):
            sent = self.client.post("/en/chat/?embed=1", START)
        self.assertEmbedded(sent)
        self.assertContains(sent, 'href="/en/kb/" target="_top"')
        # Outside the widget the same pages keep ordinary links.
        self.assertNotContains(self.client.post("/en/chat/", {**START, "citizenship": "DE"}), "_top")
        self.assertNotContains(self.client.get("/en/eu-citizens/"), "_top")


@override_settings(CHAT_ALWAYS_OPEN=True)
class FramingTests(DeskTestCase):
    def assertFramableBySelf(self, response):
        self.assertEqual(response["X-Frame-Options"], "SAMEORIGIN")
        csp = response["Content-Security-Policy"]
        self.assertIn("frame-ancestors 'self'", csp)
        self.assertNotIn("'none'", csp)
        self.assertIn("default-src 'self'", csp)  # the rest of the policy is unchanged
        self.assertIn("script-src 'self'", csp)

    def assertNotFramable(self, response):
        self.assertEqual(response["X-Frame-Options"], "DENY")
        self.assertIn("frame-ancestors 'none'", response["Content-Security-Policy"])

    def test_only_the_chat_pages_may_be_framed_and_only_by_this_site(self):
        self.assertFramableBySelf(self.client.get("/en/chat/?embed=1"))
        self.assertFramableBySelf(self.client.get("/en/chat/"))
        response = self.client.post("/en/chat/?embed=1", START)
        self.assertFramableBySelf(response)  # the redirect too
        room = f"/en/chat/{Conversation.objects.get().public_id}/"
        self.assertFramableBySelf(self.client.get(f"{room}?embed=1"))
        self.assertFramableBySelf(self.client.post(f"{room}send/?embed=1", {"body": "Hi"}))
        self.assertFramableBySelf(self.client.post(f"{room}rate/?embed=1", {"rating": "5"}))
        for url in ["/en/", "/en/kb/", "/en/eu-citizens/", "/en/staff/login/"]:
            self.assertNotFramable(self.client.get(url))
        self.client.force_login(self.consultant)
        self.assertNotFramable(self.client.get("/en/staff/desk/"))
