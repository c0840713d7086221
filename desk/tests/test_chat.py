from django.core import mail
from django.core.cache import cache
from django.test import TestCase, override_settings

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


class ChatLimitTests(TestCase):
    """Floods into the consultants' queue are refused with a reason; nothing typed is lost."""

    def setUp(self):
        cache.clear()

    @override_settings(CHAT_STARTS_PER_HOUR=2, CHAT_ALWAYS_OPEN=True)
    def test_one_address_can_start_only_so_many_chats_an_hour(self):
        for _ in range(2):
            self.assertEqual(self.client.post("/en/chat/", START).status_code, 302)
        refused = self.client.post("/en/chat/", START)
        self.assertEqual(refused.status_code, 429)
        self.assertContains(refused, "Several conversations have been started from your connection", status_code=429)
        self.assertContains(refused, START["question"], status_code=429)  # kept in the form
        self.assertEqual(Conversation.objects.count(), 2)
        # Another address is not affected.
        self.assertEqual(self.client.post("/en/chat/", START, REMOTE_ADDR="203.0.113.9").status_code, 302)

    @override_settings(CHAT_STARTS_PER_HOUR=1, CHAT_ALWAYS_OPEN=True, PROXY_COUNT=1)
    def test_behind_a_proxy_the_forwarded_address_counts(self):
        first = self.client.post("/en/chat/", START, HTTP_X_FORWARDED_FOR="198.51.100.1")
        second = self.client.post("/en/chat/", START, HTTP_X_FORWARDED_FOR="198.51.100.2")
        # A client cannot escape by claiming addresses: only the proxy's entry counts.
        third = self.client.post("/en/chat/", START, HTTP_X_FORWARDED_FOR="10.0.0.1, 198.51.100.1")
        self.assertEqual([first.status_code, second.status_code, third.status_code], [302, 302, 429])

    @override_settings(CHAT_MESSAGES_PER_MINUTE=3, CHAT_ALWAYS_OPEN=True)
    def test_a_chat_can_post_only_so_many_messages_a_minute(self):
        self.client.post("/en/chat/", START)
        c = Conversation.objects.get()
        codes = [self.client.post(f"/en/chat/{c.public_id}/send/", {"body": f"n{i}"}).status_code for i in range(4)]
        self.assertEqual(codes, [302, 302, 302, 429])
        refused = self.client.post(f"/en/chat/{c.public_id}/send/", {"body": "still here"})
        self.assertContains(refused, "You are sending messages very quickly", status_code=429)
        self.assertContains(refused, "still here", status_code=429)
        self.assertEqual(c.messages.count(), 4)  # the question and three messages

    @override_settings(
        CHAT_STARTS_PER_HOUR=1, CHAT_ALWAYS_OPEN=True,
        CACHES={"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:1/0"}},
    )  # fmt: skip
    def test_with_the_cache_down_the_limits_let_people_through(self):
        with self.assertLogs("core.throttle", "WARNING"):
            codes = [self.client.post("/en/chat/", START).status_code for _ in range(2)]
        self.assertEqual(codes, [302, 302])

