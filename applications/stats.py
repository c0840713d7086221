"""The office's quality statistics, computed from anonymous events only."""

import statistics

from django.db.models import Count, Q, Sum

from .models import Draft, PageVisit, QualityEvent, ReadyStat


def top_rules(since, limit: int = 20) -> list[dict]:
    rows = (
        QualityEvent.objects.filter(day__gte=since)
        .values("rule", "field", "severity")
        .annotate(count=Count("id"), fixed=Count("id", filter=Q(fixed=True)))
        .order_by("-count", "rule")[:limit]
    )
    return list(rows)


def by_language_and_purpose(since) -> list[dict]:
    rows = QualityEvent.objects.filter(day__gte=since).values("rule", "language", "purpose").annotate(count=Count("id"))
    return list(rows.order_by("-count")[:50])


def funnel(since) -> list[dict]:
    rows = PageVisit.objects.filter(day__gte=since).values("page").annotate(count=Sum("count")).order_by("-count")
    return list(rows)


def ready_share(since) -> dict:
    started = PageVisit.objects.filter(day__gte=since, page="purpose").aggregate(n=Sum("count"))["n"] or 0
    ready = ReadyStat.objects.filter(day__gte=since)
    minutes = [r.minutes_to_ready for r in ready]
    return {
        "started": started,
        "ready": len(minutes),
        "share": round(100 * len(minutes) / started) if started else 0,
        "median_minutes": statistics.median(minutes) if minutes else None,
        "open_drafts": Draft.objects.count(),
    }
