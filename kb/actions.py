"""Editor writes: each records who changed what in the answer's history and,
when published content changes, tells every process to rebuild its index (the
new index version commits together with the content)."""

from django.db import transaction
from django.utils import timezone

from .models import SOURCE_LANG, Answer, Revision, Status, Variant
from .search import bump_version

META_FIELDS = ("topic", "audience", "procedures", "legal_basis", "sources", "review_by", "unconfirmed")


class StaleEdit(Exception):
    """Someone else saved the answer since this editor opened it."""


def _jsonable(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


@transaction.atomic
def save_metadata(answer: Answer, user, data: dict, version: int) -> Answer:
    locked = Answer.objects.select_for_update().get(pk=answer.pk)
    if locked.version != version:
        raise StaleEdit
    changes = {}
    for field in META_FIELDS:
        old, new = getattr(locked, field), data[field]
        if old != new:
            changes[field] = [_jsonable(old), _jsonable(new)]
            setattr(locked, field, new)
    if changes:
        locked.version += 1
        locked.save(update_fields=[*changes, "version", "updated_at"])
        Revision.objects.create(answer=locked, user=user, changes=changes)
        if locked.status == Status.PUBLISHED:
            bump_version()
    return locked


@transaction.atomic
def save_variant(answer: Answer, lang: str, user, data: dict, translated_from_current: bool) -> Variant:
    variant = Variant.objects.select_for_update().filter(answer=answer, language=lang).first()
    source = Variant.objects.filter(answer=answer, language=SOURCE_LANG).first()
    if variant is None:
        variant = Variant(answer=answer, language=lang, revision=0)
    changes = {f: [getattr(variant, f, ""), data[f]] for f in ("title", "body", "keywords") if getattr(variant, f, "") != data[f]}
    if not changes and not translated_from_current:
        return variant
    for field, (_old, new) in changes.items():
        setattr(variant, field, new)
    variant.revision += 1 if changes else 0
    variant.updated_by = user
    if lang == SOURCE_LANG:
        variant.source_revision = variant.revision
    elif translated_from_current and source:
        # The translator confirms the text now matches the current Polish source.
        variant.source_revision = source.revision
    variant.save()
    if changes:
        Revision.objects.create(answer=answer, language=lang, user=user, changes=changes)
    if answer.status == Status.PUBLISHED:
        bump_version()
    return variant


TRANSITIONS = {
    "submit": (Status.DRAFT, Status.REVIEW),
    "publish": (Status.REVIEW, Status.PUBLISHED),
    "unpublish": (Status.PUBLISHED, Status.DRAFT),
    "return": (Status.REVIEW, Status.DRAFT),
}


@transaction.atomic
def change_status(answer: Answer, user, action: str) -> bool:
    before, after = TRANSITIONS[action]
    if answer.status != before:
        return False
    answer.status = after
    fields = ["status", "updated_at"]
    if after == Status.PUBLISHED:
        answer.published_at = timezone.now()
        fields.append("published_at")
    answer.save(update_fields=fields)
    Revision.objects.create(answer=answer, user=user, changes={"status": [before, after]})
    bump_version()
    return True


@transaction.atomic
def create_answer(user, slug: str, meta: dict, variant: dict) -> Answer:
    answer = Answer.objects.create(slug=slug, owner=user, status=Status.DRAFT, **meta)
    Variant.objects.create(answer=answer, language=SOURCE_LANG, updated_by=user, **variant)
    Revision.objects.create(answer=answer, user=user, changes={"created": [None, slug]})
    return answer
