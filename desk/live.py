"""Telling live clients what changed. Always called after the change is stored
(transaction.on_commit), so a reconnecting client can reload everything from the
database and nothing is lost if a broadcast is."""

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


def message_event(msg) -> dict:
    return {"type": "chat.message", "id": msg.pk, "direction": msg.direction, "body": msg.body, "at": msg.created_at.isoformat()}


def message(msg) -> None:
    if msg.direction == "note":
        return  # internal notes never reach the visitor
    event = message_event(msg)
    transaction.on_commit(lambda: _send(group(msg.conversation_id), event))


def state(conversation) -> None:
    event = {"type": "chat.state", "state": conversation.state}
    transaction.on_commit(lambda: _send(group(conversation.pk), event))


QUEUE_GROUP = "queue.positions"


def queue_positions(positions: dict[int, tuple[int, float | None]]) -> None:
    """Every waiting visitor learns their place in the line and the estimated wait.

    One message per app process, not one per visitor: each process listens on
    QUEUE_GROUP once and hands every connected visitor their own line
    (desk/consumers.py). 2,000 separate group sends took seconds; this is one.
    Sent from a background thread so the request that changed the queue does
    not wait for it."""
    if get_channel_layer() is None or not positions:
        return
    threading.Thread(target=_send, args=(QUEUE_GROUP, queue_event(positions)), daemon=True).start()


def queue_event(positions: dict[int, tuple[int, float | None]]) -> dict:
    return {"type": "queue.positions", "positions": {str(cid): [place, wait] for cid, (place, wait) in positions.items()}}
