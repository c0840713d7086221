"""Infoline reports for managers: volume, speed, service level, abandonment,
satisfaction, per consultant, and the staffing a target service level needs
(Erlang C from the observed arrivals and handle times)."""

import csv
import datetime as dt
import statistics
from collections import Counter, defaultdict

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from accounts.permissions import MANAGERS, role_required

from . import erlang
from .business_time import BusinessHours
from .models import Conversation, Outcome

TARGET_SECONDS = 60
TARGET_LEVEL = 0.8


def _period(request: HttpRequest) -> tuple[dt.datetime, int]:
    try:
        days = max(1, min(365, int(request.GET.get("days", 30))))
    except ValueError:
        days = 30
    return timezone.now() - dt.timedelta(days=days), days


def _seconds(a, b):
    return (b - a).total_seconds() if a and b else None


HOURS = BusinessHours()


def _wait(row) -> float | None:
    if not row["answered_at"]:
        return None
    if row["channel"] == "email":
        return HOURS.business_seconds_between(row["enqueued_at"], row["answered_at"])
    return _seconds(row["enqueued_at"], row["answered_at"])


def compute(since: dt.datetime, days: int) -> dict:
    rows = list(
        Conversation.objects.filter(enqueued_at__gte=since).values(
            "channel", "language", "topic", "enqueued_at", "answered_at", "closed_at", "outcome", "satisfaction",
            "assigned_to__username",
        )
    )  # fmt: skip
    tz = timezone.get_current_timezone()
    by_hour = Counter(r["enqueued_at"].astimezone(tz).hour for r in rows)
    # First-response time counts business hours only for e-mail (an SLA clock:
    # a message sent on Friday evening is not "late" on Saturday); live channels
    # count real seconds.
    waits = [w for r in rows if (w := _wait(r)) is not None]
    handles = [h for r in rows if (h := _seconds(r["answered_at"], r["closed_at"])) is not None]
    abandoned = sum(r["outcome"] == Outcome.ABANDONED for r in rows)
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
    return {
        "total": len(rows),
        "by_channel": Counter(r["channel"] for r in rows).most_common(),
        "by_language": Counter(r["language"] for r in rows).most_common(),
        "by_topic": Counter(r["topic"] for r in rows).most_common(),
        "by_hour": [(h, by_hour.get(h, 0)) for h in range(24)],
        "median_first_response": _median(waits),
        "median_handle": _median(handles),
        "service_level": round(100 * sum(w <= TARGET_SECONDS for w in waits) / offered) if offered else None,
        "abandonment": round(100 * abandoned / offered) if offered else None,
        "satisfaction": _mean(ratings),
        "agents": agents,
        "staffing": staffing(by_hour, days, aht),
        "aht": round(aht),
    }


def staffing(by_hour: Counter, days: int, aht: float) -> list[dict]:
    """Per busy hour: the average contacts per hour, the consultants needed for 80 %
    answered within 60 s, and what 3–8 consultants would achieve."""
    rows = []
    for hour in range(24):
        per_hour = by_hour.get(hour, 0) / days
        if per_hour <= 0:
            continue
        needed = erlang.agents_needed(per_hour, 3600, aht, TARGET_LEVEL, TARGET_SECONDS)
        what_if = [round(100 * w["service_level"]) for w in erlang.what_if(per_hour, 3600, aht, TARGET_SECONDS, range(3, 9))]
        rows.append({"hour": hour, "contacts": round(per_hour, 1), "needed": needed, "what_if": what_if})
    return rows


def _median(values):
    return round(statistics.median(values)) if values else None


def _mean(values):
    return round(statistics.mean(values), 2) if values else None


@role_required(*MANAGERS)
def report(request: HttpRequest) -> HttpResponse:
    since, days = _period(request)
    context = {"r": compute(since, days), "days": days, "agents_range": list(range(3, 9)), "target": TARGET_SECONDS}
    top = max((n for _, n in context["r"]["by_hour"]), default=0) or 1
    context["hours"] = [(h, n, round(100 * n / top)) for h, n in context["r"]["by_hour"]]
    return render(request, "desk/reports.html", context)


@role_required(*MANAGERS)
def report_csv(request: HttpRequest) -> HttpResponse:
    since, _days = _period(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="infolinia.csv"'
    writer = csv.writer(response)
    writer.writerow(["day", "hour", "channel", "language", "topic", "outcome", "wait_s", "handle_s", "satisfaction"])
    tz = timezone.get_current_timezone()
    for r in Conversation.objects.filter(enqueued_at__gte=since).order_by("enqueued_at").values(
        "enqueued_at", "channel", "language", "topic", "outcome", "answered_at", "closed_at", "satisfaction"
    ):
        local = r["enqueued_at"].astimezone(tz)
        wait, handle = _seconds(r["enqueued_at"], r["answered_at"]), _seconds(r["answered_at"], r["closed_at"])
        writer.writerow([local.date(), local.hour, r["channel"], r["language"], r["topic"], r["outcome"],
                         round(wait) if wait is not None else "", round(handle) if handle is not None else "", r["satisfaction"] or ""])  # fmt: skip
    return response
