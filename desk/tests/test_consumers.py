import asyncio
import json

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.test import TransactionTestCase

from accounts.models import Role, User
from desk import actions, live
from desk.models import Channel, ConsultantProfile, Contact, Conversation, Direction, State
from konsultant.asgi import application


def make_chat():
    contact = Contact.objects.create(name="Olga", language="ru")
    return Conversation.objects.create(contact=contact, channel=Channel.CHAT, language="ru")


class ConsumerTests(TransactionTestCase):
    """Real WebSocket round trips through the ASGI application (in-memory layer)."""

    def setUp(self):
        self.c = make_chat()
        self.agent = User.objects.create_user("agent", password="pw", role=Role.CONSULTANT)

    def connect(self, path, user=None):
        communicator = WebsocketCommunicator(application, path, headers=[(b"origin", b"http://testserver"), (b"host", b"testserver")])
        if user is not None:
            communicator.scope["user"] = user
        return communicator

    def test_a_visitor_message_is_stored_then_relayed_to_the_consultant(self):
        async def scenario():
            Conversation.objects.filter(pk=self.c.pk).update(state=State.ACTIVE, assigned_to=self.agent)
            visitor = self.connect(f"/ws/chat/{self.c.public_id}/")
            connected, _ = await visitor.connect()
            assert connected
            await visitor.send_to(text_data=json.dumps({"body": "Добрый день"}))
            event = json.loads(await visitor.receive_from(timeout=3))
            await visitor.disconnect()
            return event

        event = async_to_sync(scenario)()
        self.assertEqual((event["type"], event["direction"], event["body"]), ("chat.message", "in", "Добрый день"))
        self.assertEqual(self.c.messages.get().body, "Добрый день")

    def test_binary_huge_and_malformed_frames_are_refused_with_a_reason(self):
        async def scenario():
            visitor = self.connect(f"/ws/chat/{self.c.public_id}/")
            await visitor.connect()
            await visitor.send_to(bytes_data=b"\x00\x01")
            first = json.loads(await visitor.receive_from(timeout=3))
            await visitor.send_to(text_data="x" * 9000)
            second = json.loads(await visitor.receive_from(timeout=3))
            await visitor.send_to(text_data="{not json")
            third = json.loads(await visitor.receive_from(timeout=3))
            await visitor.send_to(text_data=json.dumps({"body": "y" * 5001}))
            fourth = json.loads(await visitor.receive_from(timeout=3))
            await visitor.disconnect()
            return [first["error"], second["error"], third["error"], fourth["error"]]

        self.assertEqual(async_to_sync(scenario)(), ["too_large_or_binary", "too_large_or_binary", "malformed", "invalid_message"])
        self.assertEqual(self.c.messages.count(), 0)

    def test_a_flood_on_one_socket_is_slowed_down_not_stored(self):
        async def scenario():
            visitor = self.connect(f"/ws/chat/{self.c.public_id}/")
            await visitor.connect()
            for i in range(25):  # at once: more than the burst of 20
                await visitor.send_to(text_data=json.dumps({"body": f"spam {i}"}))
            frames = [json.loads(await visitor.receive_from(timeout=3)) for _ in range(25)]
            await visitor.disconnect()
            return frames

        frames = async_to_sync(scenario)()
        self.assertEqual(sum(f["type"] == "chat.message" for f in frames), 20)
        self.assertEqual([f["error"] for f in frames if f["type"] == "error"], ["slow_down"] * 5)
        self.assertEqual(self.c.messages.count(), 20)

    def test_unknown_or_closed_chats_are_refused(self):
        async def scenario():
            closed = await database_sync_to_async(lambda: Conversation.objects.filter(pk=self.c.pk).update(state=State.CLOSED))()
            visitor = self.connect(f"/ws/chat/{self.c.public_id}/")
            connected, _ = await visitor.connect()
            return connected, closed

        self.assertFalse(async_to_sync(scenario)()[0])

    def test_only_the_assigned_consultant_may_connect_to_the_conversation(self):
        other = User.objects.create_user("other", password="pw", role=Role.CONSULTANT)
        Conversation.objects.filter(pk=self.c.pk).update(state=State.ACTIVE, assigned_to=self.agent)

        async def scenario(user):
            ws = self.connect(f"/ws/desk/{self.c.public_id}/", user)
            connected, _ = await ws.connect()
            if connected:
                await ws.send_to(text_data=json.dumps({"body": "Здравствуйте"}))
                event = json.loads(await ws.receive_from(timeout=3))
                await ws.disconnect()
                return event
            return None

        self.assertIsNone(async_to_sync(scenario)(other))
        ConsultantProfile.objects.create(user=self.agent, languages={"ru": "native"})
        event = async_to_sync(scenario)(self.agent)
        # The closed connection is remembered, for the dropped-consultant grace period.
        self.assertIsNotNone(ConsultantProfile.objects.get(user=self.agent).disconnected_at)
        self.assertEqual((event["direction"], event["body"]), ("out", "Здравствуйте"))
        self.assertEqual(self.c.messages.get().author, self.agent)

    def test_a_message_sent_while_disconnected_is_in_the_database(self):
        # Messages are stored before broadcast: a client that reconnects reloads them.
        Conversation.objects.filter(pk=self.c.pk).update(state=State.ACTIVE, assigned_to=self.agent)
        actions.add_message(Conversation.objects.get(pk=self.c.pk), Direction.OUT, "Ответ", self.agent)
        self.assertEqual(list(self.c.messages.values_list("body", flat=True)), ["Ответ"])


class QueueBroadcastTests(TransactionTestCase):
    def test_every_waiting_visitor_gets_their_own_place_in_line(self):
        chats = [make_chat() for _ in range(3)]

        async def scenario():
            sockets = []
            for c in chats:
                ws = WebsocketCommunicator(application, f"/ws/chat/{c.public_id}/", headers=[(b"origin", b"http://testserver"), (b"host", b"testserver")])
                assert (await ws.connect())[0]
                sockets.append(ws)
            # Give the process's queue listener a moment to subscribe, then broadcast
            # from this event loop (the in-memory layer is not shared across loops).
            await asyncio.sleep(0.2)
            event = live.queue_event({c.pk: (i + 1, 60.0 * (i + 1)) for i, c in enumerate(chats)})
            await get_channel_layer().group_send(live.QUEUE_GROUP, event)
            events = [json.loads(await ws.receive_from(timeout=3)) for ws in sockets]
            for ws in sockets:
                await ws.disconnect()
            return events

        events = async_to_sync(scenario)()
        self.assertEqual([(e["type"], e["position"]) for e in events], [("chat.queue", 1), ("chat.queue", 2), ("chat.queue", 3)])
