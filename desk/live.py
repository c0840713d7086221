"""Telling live clients what changed. Always called after the change is stored
(transaction.on_commit), so a reconnecting client can reload everything from the
database and nothing is lost if a broadcast is."""

import asyncio
import threading

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction


def group(conversation_id: int) -> str:
    return f"conversation.{conversation_id}"


def _send(group_name: str, event: dict) -> None:
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(group_name, event)


def message(msg) -> None:
    if msg.direction == "note":
        return  # internal notes never reach the visitor
    event = {"type": "chat.message", "id": msg.pk, "direction": msg.direction, "body": msg.body, "at": msg.created_at.isoformat()}
    transaction.on_commit(lambda: _send(group(msg.conversation_id), event))


def state(conversation) -> None:
    event = {"type": "chat.state", "state": conversation.state}
    transaction.on_commit(lambda: _send(group(conversation.pk), event))


BATCH = 100


async def _send_all(events: list[tuple[str, dict]]) -> None:
    layer = get_channel_layer()
    for start in range(0, len(events), BATCH):
        await asyncio.gather(*(layer.group_send(name, event) for name, event in events[start : start + BATCH]))


def queue_positions(positions: dict[int, tuple[int, float | None]]) -> None:
    """Every waiting visitor learns their place in the line and the estimated wait.

    Sent from a background thread, in one event loop, a hundred at a time: one
    async_to_sync call per visitor took 10 s for 2,000 visitors, and the request
    that changed the queue would have waited for all of it."""
    if get_channel_layer() is None or not positions:
        return
    events = [(group(cid), {"type": "chat.queue", "position": place, "wait_seconds": wait}) for cid, (place, wait) in positions.items()]
    threading.Thread(target=async_to_sync(_send_all), args=(events,), daemon=True).start()
