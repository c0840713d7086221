"""actions.add_chat_messages: the batched store behind the live chat (group commit)."""

from django.db import connection
from django.test import TestCase, override_settings

from accounts.models import Role, User
from desk import actions
from desk.models import Channel, Contact, Conversation, Direction, Message, State


class AddChatMessagesTests(TestCase):
    def setUp(self):
        self.agent = User.objects.create_user("olena", password="pw-for-tests-only", role=Role.CONSULTANT)
        contact = Contact.objects.create(name="Ivan", language="ru")
        self.open = Conversation.objects.create(contact=contact, channel=Channel.CHAT, language="ru", state=State.ACTIVE)
        self.closed = Conversation.objects.create(contact=contact, channel=Channel.CHAT, language="ru", state=State.CLOSED)

    def test_each_item_is_stored_or_refused_on_its_own_in_order(self):
        results = actions.add_chat_messages([
            (self.open.pk, Direction.IN, "  Здравствуйте  ", None),
            (self.closed.pk, Direction.IN, "late", None),
            (self.open.pk, Direction.IN, "x" * (actions.MAX_MESSAGE + 1), None),
            (self.open.pk, Direction.IN, "   ", None),
            (999_999, Direction.IN, "nobody", None),
            (self.open.pk, Direction.OUT, "Добрый день", self.agent.pk),
        ])  # fmt: skip
        kinds = [type(r).__name__ for r in results]
        self.assertEqual(kinds, ["Message", "ValueError", "ValueError", "ValueError", "ValueError", "Message"])
        self.assertEqual(results[0].body, "Здравствуйте")  # trimmed, as add_message does
        self.assertEqual(
            list(Message.objects.filter(conversation=self.open).values_list("body", "direction", "author")),
            [("Здравствуйте", "in", None), ("Добрый день", "out", self.agent.pk)],
        )
        self.assertFalse(Message.objects.filter(conversation=self.closed).exists())

    def test_the_first_consultant_message_sets_the_first_response_time_once(self):
        first, second = actions.add_chat_messages(
            [(self.open.pk, Direction.OUT, "one", self.agent.pk), (self.open.pk, Direction.OUT, "two", self.agent.pk)]
        )
        self.open.refresh_from_db()
        self.assertEqual(self.open.answered_at, first.created_at)
        actions.add_chat_messages([(self.open.pk, Direction.OUT, "three", self.agent.pk)])
        self.open.refresh_from_db()
        self.assertEqual(self.open.answered_at, first.created_at)

    def test_visitor_messages_do_not_count_as_a_response(self):
        actions.add_chat_messages([(self.open.pk, Direction.IN, "hello", None)])
        self.open.refresh_from_db()
        self.assertIsNone(self.open.answered_at)

    @override_settings(CHAT_SYNCHRONOUS_COMMIT=False)
    def test_postgresql_can_skip_the_flush_wait_for_chat_messages_only(self):
        actions.add_chat_messages([(self.open.pk, Direction.IN, "hello", None)])
        self.assertEqual(Message.objects.filter(conversation=self.open).count(), 1)
        if connection.vendor == "postgresql":
            # The test's own transaction is still open, so SET LOCAL is visible here.
            with connection.cursor() as cursor:
                cursor.execute("SHOW synchronous_commit")
                self.assertEqual(cursor.fetchone()[0], "off")

    def test_by_default_chat_messages_are_flushed_like_everything_else(self):
        actions.add_chat_messages([(self.open.pk, Direction.IN, "hello", None)])
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SHOW synchronous_commit")
                self.assertEqual(cursor.fetchone()[0], "on")
