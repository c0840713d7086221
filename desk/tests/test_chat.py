from django.core import mail
from django.test import override_settings

from desk import actions
from desk.models import Channel, Conversation, Direction, State

from .base import DeskTestCase

START = {"topic": "stay", "citizenship": "UA", "name": "Olga", "email": "olga@example.com", "question": "Как продлить карту побыту?"}


@override_settings(CHAT_ALWAYS_OPEN=True)
class ChatTests(DeskTestCase):
    def test_a_visitor_starts_a_chat_and_waits_in_the_queue(self):
        response = self.client.post("/ru/chat/", START)
        c = Conversation.objects.get()
        self.assertRedirects(response, f"/ru/chat/{c.public_id}/")
        self.assertEqual((c.channel, c.language, c.topic), (Channel.CHAT, "ru", "stay"))
        page = self.client.get(f"/ru/chat/{c.public_id}/")
        self.assertContains(page, "Как продлить карту побыту?")
        self.assertContains(page, 'data-ws="/ws/chat/')

    def test_eu_citizens_are_redirected_politely(self):
        response = self.client.post("/en/chat/", {**START, "citizenship": "DE"})
        self.assertContains(response, "This service is for citizens of countries outside the European Union")
        self.assertFalse(Conversation.objects.exists())

    def test_missing_answers_keep_what_was_typed(self):
        response = self.client.post("/en/chat/", {**START, "question": "", "topic": ""})
        self.assertContains(response, "There is a problem")
        self.assertContains(response, "olga@example.com")

    def test_the_visitor_writes_the_consultant_answers_closes_and_the_visitor_rates(self):
        self.profile(self.consultant, {"ru": "native"})
        self.client.post("/ru/chat/", {**START, "transcript": "on"})
        c = Conversation.objects.get()
        self.client.post(f"/ru/chat/{c.public_id}/send/", {"body": "Я жду."})
        actions.route()
        c.refresh_from_db()
        self.assertTrue(actions.accept(c, self.consultant))
        actions.add_message(c, Direction.OUT, "Здравствуйте, Ольга!", self.consultant)
        actions.add_message(c, Direction.NOTE, "внутреннее", self.consultant)
        page = self.client.get(f"/ru/chat/{c.public_id}/")
        self.assertContains(page, "Здравствуйте, Ольга!")
        self.assertNotContains(page, "внутреннее")
        with self.captureOnCommitCallbacks(execute=True):
            actions.close(c, self.consultant, "answered")
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("Здравствуйте, Ольга!", mail.outbox[0].body)
        self.assertNotIn("внутреннее", mail.outbox[0].body)
        self.client.post(f"/ru/chat/{c.public_id}/rate/", {"rating": "5"})
        c.refresh_from_db()
        self.assertEqual(c.satisfaction, 5)

    def test_a_closed_chat_takes_no_more_messages(self):
        self.client.post("/en/chat/", START)
        c = Conversation.objects.get()
        Conversation.objects.filter(pk=c.pk).update(state=State.CLOSED)
        response = self.client.post(f"/en/chat/{c.public_id}/send/", {"body": "hello?"})
        self.assertEqual(c.messages.count(), 1)
        # Told why, not dropped in silence.
        self.assertContains(response, "This conversation has ended. Start a new one if you have another question.")

    def test_huge_messages_are_refused_with_a_message(self):
        self.client.post("/en/chat/", START)
        c = Conversation.objects.get()
        response = self.client.post(f"/en/chat/{c.public_id}/send/", {"body": "x" * 3000})
        self.assertContains(response, "There is a problem")
        self.assertEqual(c.messages.count(), 1)


@override_settings(CHAT_ALWAYS_OPEN=False)
class OutOfHoursTests(DeskTestCase):
    def test_out_of_hours_the_chat_becomes_a_message_answered_by_email(self):
        from unittest import mock

        with mock.patch("desk.chat_views._open", return_value=False):
            page = self.client.get("/en/chat/")
            self.assertContains(page, "Leave your question now and we will answer by e-mail")
            self.assertContains(self.client.post("/en/chat/", {**START, "email": ""}), "There is a problem")
            response = self.client.post("/en/chat/", START)
        self.assertContains(response, "We will answer by e-mail to olga@example.com")
        self.assertEqual(Conversation.objects.get().channel, Channel.EMAIL)
