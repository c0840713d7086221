"""WebSocket consumers, as thin as views: find the conversation through the same
gate, call the same action functions, and relay what the actions broadcast."""

import asyncio
import json
import time
import weakref

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.consumer import get_handler_name
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


class _MessageWriter:
    """Group commit for chat messages, one per event loop (i.e. per app process).

    Every message is stored before it is broadcast. Stored one by one, each message
    waited for its own transaction on the process's one database thread, and under
    load the waits queued up (relay p99 130-300 ms at 200 msg/s). Here whatever
    arrives while a batch is being written goes into the next batch, written in one
    transaction: a quiet chat still gets its single message written at once, and a
    busy process pays one commit for many messages."""

    MAX_BATCH = 200

    def __init__(self):
        self.pending: list[tuple[tuple, asyncio.Future]] = []
        self.draining = False

    async def store(self, item: tuple):
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        self.pending.append((item, future))
        if not self.draining:
            self.draining = True
            loop.create_task(self._drain())
        return await future

    async def _drain(self):
        try:
            while self.pending:
                batch, self.pending = self.pending[: self.MAX_BATCH], self.pending[self.MAX_BATCH :]
                try:
                    results = await database_sync_to_async(actions.add_chat_messages)([item for item, _ in batch])
                except Exception as failure:  # e.g. the database is down: every sender hears of it
                    results = [failure] * len(batch)
                for (_, future), result in zip(batch, results):
                    if future.done():  # the sender's socket went away meanwhile
                        continue
                    if isinstance(result, Exception):
                        future.set_exception(result)
                    else:
                        future.set_result(result)
        finally:
            self.draining = False


_writers: "weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, _MessageWriter]" = weakref.WeakKeyDictionary()


def _writer() -> _MessageWriter:
    loop = asyncio.get_running_loop()
    if loop not in _writers:
        _writers[loop] = _MessageWriter()
    return _writers[loop]


class _ChatConsumer(AsyncWebsocketConsumer):
    direction = Direction.IN
    # Per connection: a burst of BURST messages, then RATE a second (a token
    # bucket). People type far slower; a script flooding one socket is refused
    # ("slow_down") and the page falls back to posting, which has its own limit.
    RATE, BURST = 5.0, 20

    def _within_rate(self) -> bool:
        now = time.monotonic()
        tokens, last = getattr(self, "_bucket", (self.BURST, now))
        tokens = min(self.BURST, tokens + (now - last) * self.RATE)
        self._bucket = (tokens - 1, now) if tokens >= 1 else (tokens, now)
        return tokens >= 1

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

    async def dispatch(self, message):
        # Channels' own dispatch first sends close_old_connections() through the
        # process's one database thread for every event, including each relayed
        # chat message, so deliveries queued behind database writes. Every database
        # call here goes through database_sync_to_async, which does that cleanup
        # itself, so the extra hop is skipped.
        handler = getattr(self, get_handler_name(message), None)
        if handler is None:
            raise ValueError(f"No handler for message type {message['type']}")
        await handler(message)

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
        if not self._within_rate():
            await self.send_error("slow_down")
            return
        try:
            message = await _writer().store((self.conversation.pk, self.direction, body, self.author_id()))
        except ValueError:
            await self.send_error("invalid_message")
            return
        # Stored and committed above; now tell everyone in the conversation.
        await self.channel_layer.group_send(self.group, live.message_event(message))

    async def send_error(self, code: str):
        await self.send(text_data=json.dumps({"type": "error", "error": code}))

    def author_id(self):
        return None

    async def chat_message(self, event):
        await self.send(text_data=json.dumps({k: v for k, v in event.items()}))

    async def chat_state(self, event):
        await self.send(text_data=json.dumps(event))

    async def chat_queue(self, event):
        await self.send(text_data=json.dumps(event))

    async def layer_reconnected(self, event):
        # The channel layer lost its Redis connection and has it back; anything
        # broadcast meanwhile is in the database, so the page reloads from there.
        await self.send(text_data=json.dumps({"type": "chat.resync"}))


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

    def author_id(self):
        return self.scope["user"].pk

    async def connect(self):
        await super().connect()
        if self.conversation is not None:
            await database_sync_to_async(actions.connection_changed)(self.scope["user"], True)

    async def disconnect(self, code):
        if getattr(self, "conversation", None) is not None:
            await database_sync_to_async(actions.connection_changed)(self.scope["user"], False)
        await super().disconnect(code)
