"""Infoline reports for managers: volume, speed, service level, abandonment,
satisfaction, per consultant, and the staffing a target service level needs
(Erlang C from the observed arrivals and handle times, and Erlang A with the
callers' patience estimated from the observed abandonments)."""

import csv
import datetime as dt
import statistics
from collections import Counter, defaultdict

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.permissions import MANAGERS, role_required

from . import erlang
from .business_time import BusinessHours
from .models import Channel, Conversation, Outcome, Topic

TARGET_SECONDS = 60
TARGET_LEVEL = 0.8
AGENTS_RANGE = range(3, 9)  # the what-if columns
# Fewer hang-ups than this give a patience estimate too noisy to staff by:
# the report then keeps to Erlang C and says so.
PATIENCE_MIN_ABANDONED = 5
LANGUAGE_NAMES = dict(settings.LANGUAGES)
LIVE_CHANNELS = (Channel.PHONE, Channel.CHAT)  # an e-mail cannot hang up
EMAIL_TARGET_SECONDS = 8 * 3600  # e-mail: a first answer within one business day


def _period(request: HttpRequest) -> tuple[dt.datetime, int]:
    try:
        days = max(1, min(365, int(request.GET.get("days", 30))))
    except ValueError:
        days = 30
    return timezone.now() - dt.timedelta(days=days), days


def _seconds(a, b):
    return (b - a).total_seconds() if a and b else None


HOURS = BusinessHours()


def _clock(row, end: str) -> float | None:
    """Seconds from arrival to `end` (answered_at: first response; closed_at:
    resolution). SLA clocks for e-mail count business hours only (a message sent
    on Friday evening is not "late" on Saturday); live channels count real seconds."""
    if not row[end]:
        return None
    if row["channel"] == Channel.EMAIL:
        return HOURS.business_seconds_between(row["enqueued_at"], row[end])
    return max(_seconds(row["enqueued_at"], row[end]), 0.0)


def _per_channel(rows) -> list[dict]:
    """Volume, first response, resolution, share within target and satisfaction,
    per channel. E-mail's clocks are business time and its target one business day."""
    result = []
    for channel in Channel:
        mine = [r for r in rows if r["channel"] == channel]
        if not mine:
            continue
        firsts = [w for r in mine if (w := _clock(r, "answered_at")) is not None]
        resolutions = [w for r in mine if (w := _clock(r, "closed_at")) is not None]
        target = EMAIL_TARGET_SECONDS if channel == Channel.EMAIL else TARGET_SECONDS
        offered = len(firsts) + sum(r["outcome"] == Outcome.ABANDONED and not r["answered_at"] for r in mine)
        result.append({
            "channel": channel, "label": channel.label, "count": len(mine), "business_time": channel == Channel.EMAIL,
            "median_first_response": _median(firsts), "median_resolution": _median(resolutions),
            "within_target": round(100 * sum(w <= target for w in firsts) / offered) if offered else None,
            "target": target, "satisfaction": _mean([r["satisfaction"] for r in mine if r["satisfaction"]]),
            "first_hours": _hours(firsts), "resolution_hours": _hours(resolutions),
            "distribution": _distribution(firsts, EMAIL_BUCKETS if channel == Channel.EMAIL else LIVE_BUCKETS),
        })  # fmt: skip
    return result


def compute(since: dt.datetime, days: int) -> dict:
    rows = list(
        Conversation.objects.filter(enqueued_at__gte=since).values(
            "channel", "language", "topic", "enqueued_at", "answered_at", "closed_at", "outcome", "satisfaction",
            "assigned_to__username",
        )
    )  # fmt: skip
    tz = timezone.get_current_timezone()
    by_hour = Counter(r["enqueued_at"].astimezone(tz).hour for r in rows)
    # Service level, abandonment, handle time and staffing are about the live
    # channels, where someone waits on the line; e-mail has its own row in the
    # per-channel table, on business time.
    live = [r for r in rows if r["channel"] in LIVE_CHANNELS]
    live_by_hour = Counter(r["enqueued_at"].astimezone(tz).hour for r in live)
    waits = [w for r in live if (w := _clock(r, "answered_at")) is not None]
    handles = [h for r in live if (h := _seconds(r["answered_at"], r["closed_at"])) is not None]
    # Callers who hung up before an answer, and how long they waited first.
    hung_up = [w for r in live if r["outcome"] == Outcome.ABANDONED and not r["answered_at"] and (w := _clock(r, "closed_at")) is not None]
    abandoned = len(hung_up)  # an abandoned conversation is a closed one
    offered = len(waits) + abandoned
    ratings = [r["satisfaction"] for r in rows if r["satisfaction"]]
    per_agent = defaultdict(lambda: {"count": 0, "handles": [], "ratings": []})
    for r in rows:
        if r["assigned_to__username"]:
            a = per_agent[r["assigned_to__username"]]
            a["count"] += 1
            if (h := _seconds(r["answered_at"], r["closed_at"])) is not None:
                a["handles"].append(h)
            if r["satisfaction"]:
                a["ratings"].append(r["satisfaction"])
    agents = [
        {"name": name, "count": a["count"], "median_handle": _median(a["handles"]), "satisfaction": _mean(a["ratings"])}
        for name, a in sorted(per_agent.items())
    ]
    aht = statistics.median(handles) if handles else 300.0
    # An answered caller did not run out of patience, whatever the outcome says.
    patience = erlang.patience_estimate(waits, hung_up, PATIENCE_MIN_ABANDONED)
    return {
        "total": len(rows),
        "by_channel": _per_channel(rows),
        # Names, not codes, on the page (the CSV keeps the codes).
        "by_language": [(LANGUAGE_NAMES.get(k, k), n) for k, n in Counter(r["language"] for r in rows).most_common()],
        "by_topic": [(Topic(k).label if k in Topic.values else k, n) for k, n in Counter(r["topic"] for r in rows).most_common()],
        "by_hour": [(h, by_hour.get(h, 0)) for h in range(24)],
        "median_first_response": _median(waits),
        "median_handle": _median(handles),
        "service_level": round(100 * sum(w <= TARGET_SECONDS for w in waits) / offered) if offered else None,
        "abandonment": round(100 * abandoned / offered) if offered else None,
        "satisfaction": _mean(ratings),
        "agents": agents,
        "staffing": staffing(live_by_hour, days, aht, patience),
        "aht": round(aht),
        "patience": round(patience) if patience is not None else None,
        "patience_abandoned": len(hung_up),
        "patience_min": PATIENCE_MIN_ABANDONED,
    }


def staffing(by_hour: Counter, days: int, aht: float, patience: float | None = None) -> list[dict]:
    """Per busy hour: the average contacts per hour, the consultants needed for 80 %
    answered within 60 s, and what 3–8 consultants would achieve: Erlang C
    (callers wait as long as it takes) and, given a mean patience in seconds,
    Erlang A (callers hang up), with the share of callers it predicts to hang up."""
    rows = []
    for hour in range(24):
        per_hour = by_hour.get(hour, 0) / days
        if per_hour <= 0:
            continue
        needed = erlang.agents_needed(per_hour, 3600, aht, TARGET_LEVEL, TARGET_SECONDS)
        what_if = [round(100 * w["service_level"]) for w in erlang.what_if(per_hour, 3600, aht, TARGET_SECONDS, AGENTS_RANGE)]
        row = {"hour": hour, "contacts": round(per_hour, 1), "needed": needed, "what_if": what_if}
        if patience is not None:
            needed_a = erlang.agents_needed_a(per_hour, 3600, aht, patience, TARGET_LEVEL, TARGET_SECONDS)
            # Erlang A reaches the target partly because callers give up: show
            # how many do at that headcount, next to it.
            row["needed_a"] = {"agents": needed_a, **_erlang_a_percent(needed_a, per_hour / 3600, aht, patience)}
            row["what_if_a"] = [_erlang_a_percent(n, per_hour / 3600, aht, patience) for n in AGENTS_RANGE]
        rows.append(row)
    return rows


def _erlang_a_percent(agents: int, rate: float, aht: float, patience: float) -> dict:
    try:
        a = erlang.erlang_a(agents, rate, aht, patience, TARGET_SECONDS)
    except ValueError:
        # A near-infinite patience on an overloaded line: the queue is too long
        # to compute, and no figure is better than a wrong one.
        return {"service_level": None, "abandonment": None}
    return {"service_level": round(100 * a["service_level"]), "abandonment": round(100 * a["abandonment"])}


def _median(values):
    return round(statistics.median(values)) if values else None


# First-response distribution: upper bounds in seconds (business seconds for
# e-mail), the last bucket open-ended. A median hides a long tail; these show it.
LIVE_BUCKETS = (20, 60, 180, 600)
EMAIL_BUCKETS = (3600, 4 * 3600, 8 * 3600, 16 * 3600)


def _distribution(seconds: list[float], bounds: tuple[int, ...]) -> list[dict]:
    counts = [0] * (len(bounds) + 1)
    for s in seconds:
        counts[next((i for i, b in enumerate(bounds) if s <= b), len(bounds))] += 1
    total = len(seconds)
    return [{"count": n, "percent": round(100 * n / total) if total else None} for n in counts]


def _hours(seconds):
    return round(statistics.median(seconds) / 3600, 1) if seconds else None


def _mean(values):
    return round(statistics.mean(values), 2) if values else None


def _bucket_labels(bounds: tuple[int, ...], unit: str) -> list[str]:
    """Column headings: "≤ 20 s", "20 s – 60 s", "60 s – 3 min"… for live, "≤ 1 h", "1 h – 4 h"… for e-mail."""
    def amount(seconds):
        if unit == "h":
            return _("%(n)s h") % {"n": seconds // 3600}
        if seconds > 60 and seconds % 60 == 0:
            return _("%(n)s min") % {"n": seconds // 60}
        return _("%(n)s s") % {"n": seconds}

    labels = [f"≤ {amount(bounds[0])}"]
    labels += [f"{amount(low)} – {amount(high)}" for low, high in zip(bounds, bounds[1:])]
    labels.append(f"> {amount(bounds[-1])}")
    return labels


@role_required(*MANAGERS)
def report(request: HttpRequest) -> HttpResponse:
    since, days = _period(request)
    context = {"r": compute(since, days), "days": days, "agents_range": list(AGENTS_RANGE), "target": TARGET_SECONDS}
    rows = context["r"]["by_channel"]
    context["distributions"] = [
        (_("Time to first response, calls and chats: share of contacts answered within each time"),
         _bucket_labels(LIVE_BUCKETS, "s"), [c for c in rows if not c["business_time"]]),
        (_("Time to first response, e-mail (business hours): share of e-mails answered within each time"),
         _bucket_labels(EMAIL_BUCKETS, "h"), [c for c in rows if c["business_time"]]),
    ]  # fmt: skip
    top = max((n for _, n in context["r"]["by_hour"]), default=0) or 1
    context["hours"] = [(h, n, round(100 * n / top)) for h, n in context["r"]["by_hour"]]
    return render(request, "desk/reports.html", context)


@role_required(*MANAGERS)
def report_csv(request: HttpRequest) -> HttpResponse:
    """One row per conversation; with ?table=staffing, the staffing table instead."""
    since, days = _period(request)
    if request.GET.get("table") == "staffing":
        return _staffing_csv(compute(since, days))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="infolinia.csv"'
    writer = csv.writer(response)
    # wait_s and resolution_s are the SLA clocks: business seconds for e-mail
    # (clock = business), real seconds for calls and chats (clock = real).
    writer.writerow(["day", "hour", "channel", "language", "topic", "outcome", "wait_s", "handle_s", "resolution_s", "clock", "satisfaction"])
    tz = timezone.get_current_timezone()
    for r in Conversation.objects.filter(enqueued_at__gte=since).order_by("enqueued_at").values(
        "enqueued_at", "channel", "language", "topic", "outcome", "answered_at", "closed_at", "satisfaction"
    ):
        local = r["enqueued_at"].astimezone(tz)
        wait, resolution = _clock(r, "answered_at"), _clock(r, "closed_at")
        handle = _seconds(r["answered_at"], r["closed_at"])
        writer.writerow([local.date(), local.hour, r["channel"], r["language"], r["topic"], r["outcome"],
                         *(round(v) if v is not None else "" for v in (wait, handle, resolution)),
                         "business" if r["channel"] == Channel.EMAIL else "real", r["satisfaction"] or ""])  # fmt: skip
    return response


def _staffing_csv(r: dict) -> HttpResponse:
    """The page's staffing tables, one row per busy hour, percentages as whole numbers.

    The Erlang A columns are always there (a fixed layout for spreadsheets),
    empty with a note when there were too few hang-ups to estimate patience.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="infolinia-obsada.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["hour", "contacts_per_hour", "aht_s", "target_s", "needed_erlang_c"]
        + [f"sl_erlang_c_{n}" for n in AGENTS_RANGE]
        + ["patience_s", "abandoned_live", "needed_erlang_a", "abandonment_at_needed_erlang_a"]
        + [f"sl_erlang_a_{n}" for n in AGENTS_RANGE]
        + [f"abandonment_erlang_a_{n}" for n in AGENTS_RANGE]
        + ["note"]
    )  # fmt: skip
    blank = [""] * len(AGENTS_RANGE)
    note = "" if r["patience"] is not None else (
        f"Erlang A not computed: not enough data ({r['patience_abandoned']} abandoned, at least {r['patience_min']} needed)"
    )  # fmt: skip
    for s in r["staffing"]:
        if "what_if_a" in s:
            levels = [_blank_if_none(w["service_level"]) for w in s["what_if_a"]]
            losses = [_blank_if_none(w["abandonment"]) for w in s["what_if_a"]]
            needed, lost = s["needed_a"]["agents"], _blank_if_none(s["needed_a"]["abandonment"])
            erlang_a = [r["patience"], r["patience_abandoned"], needed, lost, *levels, *losses]
        else:
            erlang_a = ["", r["patience_abandoned"], "", "", *blank, *blank]
        writer.writerow([s["hour"], s["contacts"], r["aht"], TARGET_SECONDS, s["needed"], *s["what_if"], *erlang_a, note])
    return response


def _blank_if_none(value):
    return "" if value is None else value
