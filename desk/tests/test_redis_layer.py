"""The shared channel layer across processes, against the real Redis server on
this machine (127.0.0.1:6379; .ci/run starts it when it is not running)."""

import os
import uuid

from asgiref.sync import async_to_sync
from channels_redis.core import RedisChannelLayer
from django.test import SimpleTestCase

REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


class RedisLayerTests(SimpleTestCase):
    def test_a_broadcast_from_one_process_reaches_a_socket_in_another(self):
        # Two layer instances stand for two app processes sharing Redis.
        sender = RedisChannelLayer(hosts=[{"address": REDIS, "max_connections": 50}], prefix=f"test-{uuid.uuid4().hex}")
        receiver = RedisChannelLayer(hosts=[{"address": REDIS, "max_connections": 50}], prefix=sender.prefix)

        async def scenario():
            channel = await receiver.new_channel()
            await receiver.group_add("conversation.1", channel)
            await sender.group_send("conversation.1", {"type": "chat.message", "body": "Привіт"})
            message = await receiver.receive(channel)
            await receiver.group_discard("conversation.1", channel)
            await sender.flush()
            return message

        self.assertEqual(async_to_sync(scenario)()["body"], "Привіт")
