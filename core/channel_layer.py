"""The channel layer the app runs on when REDIS_URL is set: channels_redis'
pub/sub layer, plus a resync event after a lost Redis connection.

Why pub/sub and not channels_redis' default (list-based) layer: with 2,000
sockets across two processes the default layer took three Redis round trips to
send (expire, members, Lua script) and a blocking pop plus a clean-up script to
receive every message, and its relay p99 was 65-300 ms at 200 msg/s on this
machine; with pub/sub a send is one PUBLISH and Redis pushes to the subscribers
(bench/chat_ws.py; docs/performance.md).

What pub/sub gives up: Redis keeps nothing for a subscriber that is not
connected. The app does not depend on that: every chat message is committed to
the database before it is broadcast. What is left is to tell the open sockets
when they may have missed something, which is what this module adds: once the
subscriber connection to Redis is re-established (a Redis restart, a network
blip), every channel in this process receives RECONNECTED, and the chat
consumers ask their browsers to reload the conversation from the database.

Built on channels_redis 4.3's classes (pinned in requirements.txt);
desk/tests/test_redis_layer.py restarts a real Redis server to check it.
"""

import asyncio

from channels_redis import pubsub
from channels_redis.utils import _wrap_close

RECONNECTED = {"type": "layer.reconnected"}


class _Shard(pubsub.RedisSingleShardConnection):
    """One Redis server's connections; watches its subscriber connection."""

    _watched = None

    async def subscribe(self, channel):
        await super().subscribe(channel)
        # redis-py calls a connection's connect callbacks on every reconnect, after
        # its own callback has re-subscribed; registering once the first connection
        # exists means only reconnects reach _reconnected.
        connection = self._pubsub.connection if self._pubsub is not None else None
        if connection is not None and connection is not self._watched:
            self._watched = connection
            connection.register_connect_callback(self._reconnected)

    def _reconnected(self, connection):
        layer = self.channel_layer  # the per-event-loop layer that owns this shard
        message = layer.channel_layer.serialize(RECONNECTED)
        for queue in layer.channels.values():
            queue.put_nowait(message)


class _LoopLayer(pubsub.RedisPubSubLoopLayer):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._shards = [_Shard(shard.host, self) for shard in self._shards]


class ResyncingPubSubChannelLayer(pubsub.RedisPubSubChannelLayer):
    """RedisPubSubChannelLayer whose channels hear about reconnects (see above)."""

    def _get_layer(self):
        loop = asyncio.get_running_loop()
        if loop not in self._layers:
            self._layers[loop] = _LoopLayer(*self._args, **self._kwargs, channel_layer=self)
            _wrap_close(self, loop)
        return self._layers[loop]
