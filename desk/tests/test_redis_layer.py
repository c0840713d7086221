"""The shared channel layer across processes, against real Redis servers: the
machine's (127.0.0.1:6379; .ci/run starts it when it is not running) and, for the
restart test, a private redis-server this test starts and restarts itself."""

import asyncio
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid

from asgiref.sync import async_to_sync
from channels.testing import WebsocketCommunicator
from django.test import TransactionTestCase, override_settings

from core.channel_layer import RECONNECTED, ResyncingPubSubChannelLayer
from desk.models import Channel, Contact, Conversation, Message

from .base import free_port

REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


class PrivateRedis:
    """A redis-server on a free port, in memory only, that can be restarted."""

    def __init__(self):
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is needed for this test (Debian package redis-server)")
        self.binary, self.port, self.proc = binary, free_port(), None
        self.dir = tempfile.mkdtemp(prefix="konsultant-redis-")

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.proc = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", self.dir],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.02)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
            self.proc = None

    def cleanup(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


class RedisLayerTests(TransactionTestCase):
    def layer(self, url: str, prefix: str) -> ResyncingPubSubChannelLayer:
        return ResyncingPubSubChannelLayer(hosts=[{"address": url, "socket_timeout": None}], prefix=prefix)

    def test_a_broadcast_from_one_process_reaches_a_socket_in_another(self):
        # Two layer instances stand for two app processes sharing Redis.
        prefix = f"test-{uuid.uuid4().hex}"
        sender, receiver = self.layer(REDIS, prefix), self.layer(REDIS, prefix)

        async def scenario():
            channel = await receiver.new_channel()
            await receiver.group_add("conversation.1", channel)
            await sender.group_send("conversation.1", {"type": "chat.message", "body": "Привіт"})
            message = await asyncio.wait_for(receiver.receive(channel), 5)
            await receiver.group_discard("conversation.1", channel)
            await sender.flush()
            await receiver.flush()
            return message

        self.assertEqual(async_to_sync(scenario)()["body"], "Привіт")

    def test_after_a_redis_restart_channels_hear_of_it_and_broadcasts_flow_again(self):
        redis = PrivateRedis()
        self.addCleanup(redis.cleanup)
        redis.start()
        prefix = f"test-{uuid.uuid4().hex}"
        sender, receiver = self.layer(redis.url, prefix), self.layer(redis.url, prefix)

        async def scenario():
            channel = await receiver.new_channel()
            await receiver.group_add("conversation.7", channel)
            await sender.group_send("conversation.7", {"type": "chat.message", "body": "before"})
            before = await asyncio.wait_for(receiver.receive(channel), 5)

            await asyncio.to_thread(redis.stop)
            await asyncio.to_thread(redis.start)  # same port, empty: no subscriptions survive
            resync = await asyncio.wait_for(receiver.receive(channel), 15)

            # Re-subscribed: a broadcast after the restart arrives again.
            for _ in range(50):
                try:
                    await sender.group_send("conversation.7", {"type": "chat.message", "body": "after"})
                    break
                except Exception:  # the sender's own connection reconnects on first use
                    await asyncio.sleep(0.1)
            after = await asyncio.wait_for(receiver.receive(channel), 5)
            await sender.flush()
            await receiver.flush()
            return before, resync, after

        with self.assertLogs("channels_redis.pubsub", "ERROR"):  # the outage is logged, not hidden
            before, resync, after = async_to_sync(scenario)()
        self.assertEqual(before["body"], "before")
        self.assertEqual(resync, RECONNECTED)
        self.assertEqual(after["body"], "after")

    def test_a_visitor_socket_is_told_to_reload_after_a_reconnect(self):
        redis = PrivateRedis()
        self.addCleanup(redis.cleanup)
        redis.start()
        contact = Contact.objects.create(name="Anna", language="uk")
        conversation = Conversation.objects.create(contact=contact, channel=Channel.CHAT, language="uk")
        layers = {"default": {"BACKEND": "core.channel_layer.ResyncingPubSubChannelLayer",
                              "CONFIG": {"hosts": [{"address": redis.url, "socket_timeout": None}], "prefix": uuid.uuid4().hex}}}  # fmt: skip

        with override_settings(CHANNEL_LAYERS=layers):
            from channels.layers import channel_layers

            channel_layers.backends.clear()  # pick up the layer configured above
            self.addCleanup(channel_layers.backends.clear)
            from konsultant.asgi import application

            async def scenario():
                visitor = WebsocketCommunicator(application, f"/ws/chat/{conversation.public_id}/", headers=[(b"origin", b"http://testserver")])
                connected, _ = await visitor.connect()
                await asyncio.to_thread(redis.stop)
                await asyncio.to_thread(redis.start)
                told = await visitor.receive_json_from(timeout=15)
                # Messages still go through: stored, then broadcast again.
                await visitor.send_json_to({"body": "Чи можна подати заяву онлайн?"})
                echo = await visitor.receive_json_from(timeout=5)
                await visitor.disconnect()
                return connected, told, echo

            with self.assertLogs("channels_redis.pubsub", "ERROR"):
                connected, told, echo = async_to_sync(scenario)()
        self.assertTrue(connected)
        self.assertEqual(told, {"type": "chat.resync"})
        self.assertEqual(echo["body"], "Чи можна подати заяву онлайн?")
        self.assertEqual(Message.objects.get(conversation=conversation).body, "Чи можна подати заяву онлайн?")
