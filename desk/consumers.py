"""WebSocket consumers, as thin as views: find the conversation through the same
gate, call the same action functions, and relay what the actions broadcast."""

import asyncio
import json
import weakref

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.http import Http404

from . import actions, live
from .access import get_conversation_for_user
from .models import Channel, Conversation, Direction, State

MAX_FRAME = 8_000  # bytes; the action refuses texts over 5,000 characters

# Visitors connected to this process, by conversation, for the queue broadcast.
_visitors: dict[int, set] = {}
_listening: "weakref.WeakSet[asyncio.AbstractEventLoop]" = weakref.WeakSet()  # loops running a listener


async def _listen_for_queue(layer):
    """One subscriber per process to the queue broadcast; each visitor gets its line."""
    channel = await layer.new_channel()
    await layer.group_add(live.QUEUE_GROUP, channel)
    while True:
        event = await layer.receive(channel)
        for cid, (place, wait) in event.get("positions", {}).items():
            for consumer in list(_visitors.get(int(cid), ())):
                try:
                    await consumer.send(text_data=json.dumps({"type": "chat.queue", "position": place, "wait_seconds": wait}))
                except Exception:  # a socket closing meanwhile; the next update will skip it
                    _visitors.get(int(cid), set()).discard(consumer)


class _ChatConsumer(AsyncWebsocketConsumer):
    direction = Direction.IN

    async def connect(self):
        self.conversation = await self.find()
        if self.conversation is None:
            await self.close(code=4404)
            return
        self.group = live.group(self.conversation.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if getattr(self, "group", None):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        if bytes_data is not None or text_data is None or len(text_data) > MAX_FRAME:
            await self.send_error("too_large_or_binary")
            return
        try:
            data = json.loads(text_data)
            body = data["body"]
            if not isinstance(body, str):
                raise TypeError
        except (ValueError, KeyError, TypeError):
            await self.send_error("malformed")
            return
        try:
            message = await self.store(body)
        except ValueError:
            await self.send_error("invalid_message")
            return
        # Stored and committed above; now tell everyone in the conversation.
        await self.channel_layer.group_send(self.group, live.message_event(message))

    async def send_error(self, code: str):
        await self.send(text_data=json.dumps({"type": "error", "error": code}))

    @database_sync_to_async
    def store(self, body: str):
        conversation = Conversation.objects.get(pk=self.conversation.pk)
        if conversation.state == State.CLOSED:
            raise ValueError("closed")
        return actions.add_message(conversation, self.direction, body, self.author(), broadcast=False)

    def author(self):
        return None

    async def chat_message(self, event):
        await self.send(text_data=json.dumps({k: v for k, v in event.items()}))

    async def chat_state(self, event):
        await self.send(text_data=json.dumps(event))

    async def chat_queue(self, event):
        await self.send(text_data=json.dumps(event))


class VisitorConsumer(_ChatConsumer):
    """The visitor's side: whoever holds the chat's secret address."""

    async def connect(self):
        await super().connect()
        if self.conversation is None:
            return
        _visitors.setdefault(self.conversation.pk, set()).add(self)
        loop = asyncio.get_running_loop()
        if loop not in _listening:
            _listening.add(loop)
            loop.create_task(_listen_for_queue(self.channel_layer))

    async def disconnect(self, code):
        if getattr(self, "conversation", None) is not None:
            _visitors.get(self.conversation.pk, set()).discard(self)
        await super().disconnect(code)

    @database_sync_to_async
    def find(self):
        public_id = self.scope["url_route"]["kwargs"]["public_id"]
        return Conversation.objects.filter(public_id=public_id, channel=Channel.CHAT).exclude(state=State.CLOSED).first()


class ConsultantConsumer(_ChatConsumer):
    """The consultant's side: the same permission gate as the conversation page."""

    direction = Direction.OUT

    @database_sync_to_async
    def find(self):
        try:
            conversation, can_act = get_conversation_for_user(self.scope["user"], self.scope["url_route"]["kwargs"]["public_id"])
        except Http404:
            return None
        return conversation if can_act else None

    def author(self):
        return self.scope["user"]

    async def connect(self):
        await super().connect()
        if self.conversation is not None:
            await database_sync_to_async(actions.connection_changed)(self.scope["user"], True)

    async def disconnect(self, code):
        if getattr(self, "conversation", None) is not None:
            await database_sync_to_async(actions.connection_changed)(self.scope["user"], False)
        await super().disconnect(code)
