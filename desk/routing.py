"""Routing for the infoline: who gets which waiting conversation.

Pure functions over plain objects, with the clock passed in, so every rule can
be tested without a database or real time. Language is a skill with overflow,
not a separate queue: with five consultants, separate queues per language wreck
the service level (product-anchors.md §5).

For each waiting conversation, oldest first:
  tier 0  a consultant with native command of the contact's language,
  tier 1  any consultant with the language,
  tier 2  a consultant with one of the contact's fallback languages.
Within a tier: topic skill first, then the longest idle, then the fewest chats.
Only consultants who are available and under their capacity are offered work.
An offer not accepted within OFFER_TIMEOUT goes back to the queue, and that
consultant is not offered the same conversation again while others can take it.
"""

import datetime as dt
from dataclasses import dataclass, field

OFFER_TIMEOUT = dt.timedelta(seconds=30)
NATIVE = "native"
# Languages a contact usually also understands, in order of preference.
FALLBACKS = {"uk": ("ru", "pl"), "ru": ("uk", "pl"), "en": ("pl",), "pl": ("en",)}


@dataclass
class Agent:
    id: int
    languages: dict[str, str]  # language -> level ("native", "fluent", "basic")
    topics: set[str] = field(default_factory=set)
    status: str = "available"  # available, busy, away
    capacity: int = 1
    active: int = 0
    idle_since: dt.datetime | None = None

    def free(self) -> bool:
        return self.status == "available" and self.active < self.capacity


@dataclass
class Waiting:
    id: int
    language: str
    topic: str
    enqueued_at: dt.datetime
    offered_to: int | None = None
    offered_at: dt.datetime | None = None
    declined_by: set[int] = field(default_factory=set)
    fallbacks: tuple[str, ...] = ()

    def fallback_languages(self) -> tuple[str, ...]:
        return self.fallbacks or FALLBACKS.get(self.language, ())


@dataclass(frozen=True)
class Offer:
    conversation: int
    agent: int
    tier: int


def tier(agent: Agent, item: Waiting) -> int | None:
    level = agent.languages.get(item.language)
    if level == NATIVE:
        return 0
    if level:
        return 1
    if any(lang in agent.languages for lang in item.fallback_languages()):
        return 2
    return None


def expire_offers(queue: list[Waiting], now: dt.datetime) -> list[Waiting]:
    """Offers older than OFFER_TIMEOUT return to the queue; the consultant who let
    it ring is remembered so the next offer goes to someone else."""
    expired = []
    for item in queue:
        if item.offered_to is not None and item.offered_at and now - item.offered_at >= OFFER_TIMEOUT:
            item.declined_by.add(item.offered_to)
            item.offered_to = item.offered_at = None
            expired.append(item)
    return expired


def _rank(agent: Agent, item: Waiting, t: int, now: dt.datetime):
    idle = (now - agent.idle_since).total_seconds() if agent.idle_since else float("inf")
    # In the fallback tier, the contact's first fallback language beats the second.
    fallbacks = item.fallback_languages()
    preference = min((i for i, lang in enumerate(fallbacks) if lang in agent.languages), default=0) if t == 2 else 0
    return (t, preference, agent.id in item.declined_by, item.topic not in agent.topics, -idle, agent.active, agent.id)


def decide(queue: list[Waiting], agents: list[Agent], now: dt.datetime) -> list[Offer]:
    """Offers for the waiting conversations, oldest first, respecting capacity."""
    expire_offers(queue, now)
    free = [a for a in agents if a.free()]
    slots = {a.id: a.capacity - a.active for a in free}
    offers = []
    for item in sorted(queue, key=lambda w: w.enqueued_at):
        if item.offered_to is not None or not any(slots.values()):
            continue
        candidates = []
        for agent in free:
            if slots[agent.id] <= 0:
                continue
            t = tier(agent, item)
            if t is not None:
                candidates.append((_rank(agent, item, t, now), agent))
        if not candidates:
            continue
        rank, best = min(candidates, key=lambda c: c[0])
        slots[best.id] -= 1
        item.offered_to, item.offered_at = best.id, now
        offers.append(Offer(item.id, best.id, rank[0]))
    return offers


def position(queue: list[Waiting], item_id: int) -> int:
    """1-based place in the line (oldest first)."""
    ordered = sorted(queue, key=lambda w: w.enqueued_at)
    return next(i for i, w in enumerate(ordered, 1) if w.id == item_id)


def estimated_wait(queue: list[Waiting], item_id: int, agents: list[Agent], handle_seconds: float) -> float | None:
    """Seconds until a consultant who can take this conversation is likely free:
    the conversations ahead, spread over the consultants able to serve it."""
    item = next(w for w in queue if w.id == item_id)
    able = [a for a in agents if a.status != "away" and tier(a, item) is not None]
    if not able:
        return None
    ahead = position(queue, item_id) - 1
    capacity = sum(a.capacity for a in able)
    return (ahead + 1) * handle_seconds / capacity


def positions_and_waits(queue: list[Waiting], agents: list[Agent], handle_seconds: float) -> dict[int, tuple[int, float | None]]:
    """Place and estimated wait for every waiting conversation at once (one sort,
    one capacity sum per language), for the queue broadcast to all visitors."""
    ordered = sorted(queue, key=lambda w: w.enqueued_at)
    capacity: dict[tuple, int] = {}
    result = {}
    for place, item in enumerate(ordered, 1):
        key = (item.language, item.fallback_languages())
        if key not in capacity:
            capacity[key] = sum(a.capacity for a in agents if a.status != "away" and tier(a, item) is not None)
        cap = capacity[key]
        result[item.id] = (place, place * handle_seconds / cap if cap else None)
    return result
