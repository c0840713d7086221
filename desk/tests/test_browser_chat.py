from django.test import override_settings

from accounts.models import Role, User
from core.tests.browser import ChannelsBrowserTestCase
from desk.models import ConsultantProfile, Conversation
from kb.tests.base import make_answer


@override_settings(CHAT_ALWAYS_OPEN=True)
class LiveChatTests(ChannelsBrowserTestCase):
    """A Russian-speaking visitor and a consultant with Russian, in two browsers."""

    def setUp(self):
        self.agent = User.objects.create_user("olena", password="pw-for-tests-only", role=Role.CONSULTANT)
        ConsultantProfile.objects.create(user=self.agent, languages={"ru": "native", "uk": "native"}, status="available")
        make_answer()

    def test_chat_from_start_to_rating(self):
        visitor = self.new_page()
        visitor.goto(self.url("/ru/"))
        with visitor.expect_navigation():
            visitor.click("footer a[href='/ru/chat/']")
        self.assertNoAxeViolations(visitor)
        visitor.check("#id_topic_0")
        visitor.select_option("#id_citizenship", "UA")
        visitor.fill("#id_question", "Я потеряла карту побыту, что делать?")
        with visitor.expect_navigation():
            visitor.click("form button[type=submit]")
        self.assertIn("/ru/chat/", visitor.url)
        self.assertNoAxeViolations(visitor)

        agent = self.new_page(width=1280)
        self.log_in(agent, "olena", "ru")
        agent.goto(self.url("/ru/staff/desk/"))
        self.assertNoAxeViolations(agent)
        # What the visitor is typing survives the page's own reload when the chat starts.
        visitor.fill("#id_body", "И ещё вопрос про визу")
        visitor.evaluate("window.beforeReload = true")
        with agent.expect_navigation():
            agent.click("form[action$='/accept/'] button")
        visitor.wait_for_function(
            "!window.beforeReload && document.querySelector('#id_body').value === 'И ещё вопрос про визу'", timeout=10_000
        )
        self.assertNoAxeViolations(agent)
        agent.fill("#kbq", "karta pobytu")
        with agent.expect_navigation():
            agent.press("#kbq", "Enter")
        with agent.expect_navigation():
            agent.click("a[href*='insert_kb=card-lost']")
        self.assertIn("Потеря карты побыту", agent.input_value("#id_body"))
        agent.wait_for_function("window.WebSocket !== undefined")
        agent.click("#chat-form button[type=submit]")
        # The visitor's page shows the answer live, without a reload.
        visitor.wait_for_selector("text=Сообщите о потере карты побыту", timeout=10_000)
        agent.goto(agent.url.split("?")[0])
        agent.select_option("#id_outcome", "answered")
        with agent.expect_navigation():
            agent.click("form[action$='/close/'] button")
        visitor.wait_for_selector("form[action$='/rate/']", timeout=10_000)
        self.assertNoAxeViolations(visitor)
        visitor.check("input[name=rating][value='5']")
        with visitor.expect_navigation():
            visitor.click("form[action$='/rate/'] button")
        self.assertIn("Спасибо за вашу оценку", visitor.locator("main").inner_text())
        self.assertEqual(Conversation.objects.get().satisfaction, 5)

    def test_a_message_the_socket_refuses_is_posted_normally_and_explained(self):
        from desk.models import Channel, Contact, Message, State

        contact = Contact.objects.create(name="Ivan", language="ru")
        c = Conversation.objects.create(contact=contact, channel=Channel.CHAT, language="ru")
        visitor = self.new_page()
        visitor.goto(self.url(f"/ru/chat/{c.public_id}/"))
        visitor.wait_for_timeout(500)  # the socket is open
        # Closed behind the page's back (no broadcast): the socket refuses the message.
        Conversation.objects.filter(pk=c.pk).update(state=State.CLOSED)
        visitor.fill("#id_body", "Ещё один вопрос")
        with visitor.expect_navigation():
            visitor.click("#chat-form button[type=submit]")
        # Not dropped in silence: the ordinary post got the server's answer, in Russian.
        self.assertIn("/send/", visitor.url)
        self.assertIn("Этот разговор завершён", visitor.locator(".error-summary").inner_text())
        self.assertFalse(Message.objects.filter(conversation=c).exists())
        self.assertNoAxeViolations(visitor)
