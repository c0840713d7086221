"""Writes that touch several models: saving a page, recording quality statistics."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .engine import Finding, check_application, readiness
from .models import Draft, PageVisit, QualityEvent, ReadyStat
from .registry import definition_for


def _key(finding: Finding) -> str:
    # Repeating-group paths are folded ("trips[3].trip_to" → "trips.trip_to") so
    # the statistics count fields, not list positions.
    field = finding.fields[0] if finding.fields else ""
    if "[" in field:
        field = field.split("[")[0] + "." + field.split(".")[-1]
    return f"{finding.rule}|{field}|{finding.page}"


def record_run(draft: Draft, findings: list[Finding]) -> None:
    """Record new findings as anonymous events and mark vanished ones fixed.
    Called inside save_answers' transaction."""
    visited = set(draft.visited)
    current = {_key(f): f for f in findings if f.page in visited}
    gone = [event_id for key, event_id in draft.open_events.items() if key not in current]
    if gone:
        QualityEvent.objects.filter(id__in=gone).update(fixed=True)
    today = timezone.localdate()
    new = [key for key in current if key not in draft.open_events]
    events = QualityEvent.objects.bulk_create(
        QualityEvent(
            rule=current[key].rule,
            field=key.split("|")[1],
            page=current[key].page,
            severity=current[key].severity,
            language=draft.language,
            purpose=draft.purpose,
            day=today,
        )
        for key in new
    )
    kept = {key: eid for key, eid in draft.open_events.items() if key in current}
    # bulk_create returns ids on PostgreSQL and SQLite ≥ 3.35.
    draft.open_events = kept | {key: event.id for key, event in zip(new, events)}


def _count_visit(draft: Draft, page: str) -> None:
    today = timezone.localdate()
    visit, _ = PageVisit.objects.get_or_create(page=page, language=draft.language, purpose=draft.purpose, day=today)
    PageVisit.objects.filter(pk=visit.pk).update(count=F("count") + 1)


def save_answers(draft: Draft, page: str, answers: dict, lang: str) -> list[Finding]:
    """Store what the applicant sent (valid or not: nothing typed is lost), check the
    whole application, and update the anonymous statistics."""
    draft.answers = answers
    first_visit = page not in draft.visited
    if first_visit:
        draft.visited = [*draft.visited, page]
    definition = definition_for(draft)
    # The checks run before the transaction: on SQLite a write transaction holds
    # the database's one write lock, and every millisecond held there is a
    # millisecond every other applicant's save waits.
    findings = check_application(definition, draft.answers, timezone.localdate(), lang)
    all_seen = {p.key for p in definition.visible_pages(draft.answers)} <= set(draft.visited)
    became_ready = all_seen and readiness(findings)["ready"] and draft.ready_at is None
    with transaction.atomic():
        if first_visit:
            _count_visit(draft, page)
        record_run(draft, findings)
        if became_ready:
            draft.ready_at = timezone.now()
            minutes = int((draft.ready_at - draft.created_at).total_seconds() // 60)
            ReadyStat.objects.create(language=draft.language, purpose=draft.purpose, day=timezone.localdate(), minutes_to_ready=minutes)
        draft.touch()
        draft.save(update_fields=["answers", "visited", "open_events", "ready_at", "expires_at", "updated_at"])
    return findings


def autosave(draft: Draft, answers: dict) -> None:
    """Keep what the applicant typed so far; checking waits for "continue"."""
    draft.answers = answers
    draft.touch()
    draft.save(update_fields=["answers", "expires_at", "updated_at"])
