"""Desk writes: each changes the conversation and, where it matters, routes the
queue again. Messages are stored before anyone is told about them, so a lost
live connection never loses a message."""

import datetime as dt

import phonenumbers
from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from . import live, routing
from .models import AgentStatus, Channel, ConsultantProfile, Contact, Conversation, Direction, Message, Outcome, State, Topic


def normalise_phone(number: str) -> str:
    try:
        parsed = phonenumbers.parse(number, "PL")
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164) if phonenumbers.is_possible_number(parsed) else ""


def contact_for(phone: str = "", email: str = "", name: str = "", language: str = "pl") -> Contact:
    contact = None
    if phone:
        contact = Contact.objects.filter(phone=phone).order_by("id").first()
    if contact is None and email:
        contact = Contact.objects.filter(email__iexact=email).order_by("id").first()
    if contact is None:
        contact = Contact.objects.create(phone=phone, email=email, name=name, language=language)
    return contact


CHAT_HANDLE_SECONDS = 300  # until there is history to measure it from


def routing_agents() -> list[routing.Agent]:
    active = {}
    for user_id in Conversation.objects.filter(state=State.ACTIVE).values_list("assigned_to", flat=True):
        active[user_id] = active.get(user_id, 0) + 1
    agents = []
    for p in ConsultantProfile.objects.select_related("user").filter(user__is_active=True):
        agents.append(
            routing.Agent(p.user_id, p.languages, set(p.topics), p.status, p.capacity, active.get(p.user_id, 0), p.idle_since)
        )
    return agents


def place_in_queue(conversation: Conversation) -> tuple[int, float | None] | None:
    """The visitor's place in line and estimated wait, computed exactly as the
    live broadcast in route() computes them (same queue, same function)."""
    rows = Conversation.objects.waiting().exclude(channel=Channel.PHONE).values_list("pk", "language", "topic", "enqueued_at")
    queue = [routing.Waiting(pk, language, topic, at) for pk, language, topic, at in rows]
    return routing.positions_and_waits(queue, routing_agents(), CHAT_HANDLE_SECONDS).get(conversation.pk)


DROP_GRACE = dt.timedelta(seconds=60)


def reclaim_dropped(now: dt.datetime) -> int:
    """A consultant whose live connection dropped and did not come back within the
    grace period: their chats return to the queue, history kept, and they are
    marked away so nothing new is offered to them."""
    count = 0
    for profile in ConsultantProfile.objects.filter(disconnected_at__lt=now - DROP_GRACE).select_related("user"):
        for c in Conversation.objects.filter(assigned_to=profile.user, state=State.ACTIVE, channel=Channel.CHAT):
            return_to_queue(c, by_user=profile.user)
            count += 1
        profile.status, profile.disconnected_at = AgentStatus.AWAY, None
        profile.save(update_fields=["status", "disconnected_at"])
    return count


def connection_changed(user, connected: bool) -> None:
    ConsultantProfile.objects.filter(user=user).update(disconnected_at=None if connected else timezone.now())


@transaction.atomic
def route(now: dt.datetime | None = None) -> list[routing.Offer]:
    """Offer waiting conversations to consultants; return expired offers to the queue."""
    now = now or timezone.now()
    reclaim_dropped(now)
    conversations = list(Conversation.objects.select_for_update().waiting().exclude(channel=Channel.PHONE))
    queue = [
        routing.Waiting(c.pk, c.language, c.topic, c.enqueued_at, c.offered_to_id, c.offered_at, set(c.declined_by))
        for c in conversations
    ]
    agents = routing_agents()
    offers = routing.decide(queue, agents, now)
    by_id = {c.pk: c for c in conversations}
    for item in queue:
        c = by_id[item.id]
        state = State.OFFERED if item.offered_to else State.QUEUED
        if (c.offered_to_id, c.state, set(c.declined_by)) != (item.offered_to, state, item.declined_by):
            c.offered_to_id, c.offered_at, c.state, c.declined_by = item.offered_to, item.offered_at, state, sorted(item.declined_by)
            c.save(update_fields=["offered_to", "offered_at", "state", "declined_by"])
    positions = routing.positions_and_waits(queue, agents, CHAT_HANDLE_SECONDS)
    transaction.on_commit(lambda: live.queue_positions(positions))
    return offers


@transaction.atomic
def accept(conversation: Conversation, user) -> bool:
    c = Conversation.objects.select_for_update().get(pk=conversation.pk)
    if c.state != State.OFFERED or c.offered_to_id != user.pk:
        return False
    c.state, c.assigned_to = State.ACTIVE, user
    c.save(update_fields=["state", "assigned_to"])
    live.state(c)
    return True


@transaction.atomic
def return_to_queue(conversation: Conversation, by_user=None) -> None:
    """A consultant who drops (or hands back) a conversation: it waits again with
    its whole history and keeps its place in the line."""
    c = Conversation.objects.select_for_update().get(pk=conversation.pk)
    if c.state == State.CLOSED:
        return
    declined = set(c.declined_by) | ({by_user.pk} if by_user else set())
    c.state, c.assigned_to, c.offered_to, c.offered_at, c.declined_by = State.QUEUED, None, None, None, sorted(declined)
    c.save(update_fields=["state", "assigned_to", "offered_to", "offered_at", "declined_by"])
    transaction.on_commit(route)


@transaction.atomic
def reassign(conversation: Conversation, to_user) -> None:
    c = Conversation.objects.select_for_update().get(pk=conversation.pk)
    c.state, c.assigned_to, c.offered_to, c.offered_at = State.ACTIVE, to_user, None, None
    c.save(update_fields=["state", "assigned_to", "offered_to", "offered_at"])


MAX_MESSAGE = 5000
MAX_EMAIL = 20_000  # an e-mail may quote a whole earlier thread


def _checked_body(channel: str, body: str) -> str:
    body = body.strip()
    limit = MAX_EMAIL if channel == Channel.EMAIL else MAX_MESSAGE
    if not body or len(body) > limit or "\x00" in body:
        raise ValueError("message must be non-empty text within the channel's length limit")
    return body


def add_chat_messages(items: list[tuple[int, str, str, int | None]]) -> list[Message | ValueError]:
    """Store live-chat messages that arrived together, in one transaction.

    items: (conversation id, direction, body, author id). The result has one entry
    per item, in order: the stored Message, or a ValueError for a message that was
    refused (empty or too long, or its conversation is closed or gone). The same
    rules as add_message; the WebSocket consumers group what arrives while the
    previous batch is being written (group commit), so under load one commit
    serves many messages instead of each waiting for its own."""
    with transaction.atomic():
        if not settings.CHAT_SYNCHRONOUS_COMMIT and connection.vendor == "postgresql":
            with connection.cursor() as cursor:  # this transaction only
                cursor.execute("SET LOCAL synchronous_commit TO OFF")
        states = dict(Conversation.objects.filter(pk__in={cid for cid, *_ in items}).values_list("pk", "state"))
        results: list[Message | ValueError] = []
        for cid, direction, body, author_id in items:
            try:
                if states.get(cid, State.CLOSED) == State.CLOSED:
                    raise ValueError("the conversation is closed")
                results.append(Message(conversation_id=cid, direction=direction, body=_checked_body(Channel.CHAT, body), author_id=author_id))
            except ValueError as refused:
                results.append(refused)
        stored = Message.objects.bulk_create([m for m in results if isinstance(m, Message)])
        answered = {m.conversation_id: m.created_at for m in reversed(stored) if m.direction == Direction.OUT}
        for cid, at in answered.items():  # first response: only where none is recorded yet
            Conversation.objects.filter(pk=cid, answered_at__isnull=True).update(answered_at=at)
    return results


def add_message(conversation: Conversation, direction: str, body: str, author=None) -> Message:
    """Store a message, then (after commit) tell the live clients."""
    body = _checked_body(conversation.channel, body)
    with transaction.atomic():
        message = Message.objects.create(conversation=conversation, direction=direction, body=body, author=author)
        if direction == Direction.OUT and conversation.answered_at is None:
            conversation.answered_at = message.created_at
            conversation.save(update_fields=["answered_at"])
        live.message(message)
        if direction == Direction.OUT and conversation.channel == Channel.EMAIL and conversation.contact.email:
            from .mailbox import send_reply

            transaction.on_commit(lambda: send_reply(message))
    return message


@transaction.atomic
def close(conversation: Conversation, user, outcome: str, tags: list[str] | None = None) -> None:
    c = Conversation.objects.select_for_update().get(pk=conversation.pk)
    c.state, c.outcome, c.closed_at = State.CLOSED, outcome, timezone.now()
    c.tags = tags or c.tags
    c.save(update_fields=["state", "outcome", "closed_at", "tags"])
    live.state(c)
    from .chat_views import send_transcript

    transaction.on_commit(lambda: send_transcript(c))
    from .survey import send_survey

    # robust: a mail server failing must neither break the close nor stop the routing below.
    transaction.on_commit(lambda: send_survey(c), robust=True)
    profile = ConsultantProfile.objects.filter(user=user).first()
    if profile:
        profile.idle_since = timezone.now()
        profile.save(update_fields=["idle_since"])
    transaction.on_commit(route)


def set_status(user, status: str) -> None:
    profile, _ = ConsultantProfile.objects.get_or_create(user=user)
    profile.status = status
    profile.status_since = timezone.now()
    if status == AgentStatus.AVAILABLE and profile.idle_since is None:
        profile.idle_since = timezone.now()
    profile.save(update_fields=["status", "status_since", "idle_since"])
    if status != AgentStatus.AVAILABLE:
        # Offers waiting for someone who stepped away go back to the queue.
        for c in Conversation.objects.filter(state=State.OFFERED, offered_to=user):
            return_to_queue(c, by_user=user)
    transaction.on_commit(route)


@transaction.atomic
def log_call(user, *, phone: str, name: str, language: str, topic: str, citizenship_group: str, outcome: str, note: str) -> Conversation:
    """A consultant records a phone call in seconds, after or during the call."""
    contact = contact_for(phone=normalise_phone(phone), name=name, language=language)
    now = timezone.now()
    c = Conversation.objects.create(
        contact=contact, channel=Channel.PHONE, language=language, topic=topic, citizenship_group=citizenship_group,
        state=State.CLOSED, assigned_to=user, answered_at=now, closed_at=now, outcome=outcome,
    )  # fmt: skip
    if note.strip():
        add_message(c, Direction.NOTE, note, user)
    return c


@transaction.atomic
def cti_event(
    event: str, call_id: str, caller: str, agent=None, at: dt.datetime | None = None, language: str = "", topic: str = ""
) -> Conversation:
    """A PBX event: ringing creates the call, answered assigns it, ended closes it.
    language and topic, when the PBX's voice menu asked, set the call's (and a
    new caller's language)."""
    at = at or timezone.now()
    c = Conversation.objects.select_for_update().filter(call_id=call_id, channel=Channel.PHONE).first()
    if c is None:
        contact = contact_for(phone=normalise_phone(caller), language=language or "pl")
        c = Conversation.objects.create(
            contact=contact, channel=Channel.PHONE, language=language or contact.language, topic=topic or Topic.OTHER, call_id=call_id
        )
    elif (language and language != c.language) or (topic and topic != c.topic):
        c.language, c.topic = language or c.language, topic or c.topic
        c.save(update_fields=["language", "topic"])
    if event == "answered" and c.state != State.CLOSED:
        c.state, c.assigned_to, c.answered_at = State.ACTIVE, agent or c.assigned_to, c.answered_at or at
        c.save(update_fields=["state", "assigned_to", "answered_at"])
    elif event == "ended" and c.state != State.CLOSED:
        start = c.answered_at
        c.state, c.closed_at = State.CLOSED, at
        c.duration_seconds = int((at - start).total_seconds()) if start else None
        c.outcome = c.outcome or (Outcome.ANSWERED if start else Outcome.ABANDONED)
        c.save(update_fields=["state", "closed_at", "duration_seconds", "outcome"])
    return c
