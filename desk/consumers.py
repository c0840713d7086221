"""WebSocket consumers, as thin as views: find the conversation through the same
gate, call the same action functions, and relay what the actions broadcast."""

import json

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.http import Http404

from . import actions, live
from .access import get_conversation_for_user
from .models import Channel, Conversation, Direction, State

MAX_FRAME = 8_000  # bytes; the action refuses texts over 5,000 characters


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
            await self.store(body)
        except ValueError:
            await self.send_error("invalid_message")

    async def send_error(self, code: str):
        await self.send(text_data=json.dumps({"type": "error", "error": code}))

    @database_sync_to_async
    def store(self, body: str):
        conversation = Conversation.objects.get(pk=self.conversation.pk)
        if conversation.state == State.CLOSED:
            raise ValueError("closed")
        actions.add_message(conversation, self.direction, body, self.author())

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
