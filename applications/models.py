import datetime as dt
import hashlib
import secrets
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

# Resume codes avoid look-alike characters (0/O, 1/I/L) so they can be read out on the phone.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8


def hash_code(code: str) -> str:
    normalised = code.strip().upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(normalised.encode()).hexdigest()


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class DraftQuerySet(models.QuerySet):
    def expired(self, now=None):
        return self.filter(expires_at__lt=now or timezone.now())


class Draft(models.Model):
    """An applicant's application in preparation. Holds personal data: it is
    reachable only through its secret token (the resume link) or resume code, and
    is purged when it expires."""

    token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    code_hash = models.CharField(max_length=64, unique=True)
    form = models.CharField(max_length=32, default="trc")
    form_version = models.DateField()
    language = models.CharField(max_length=5)
    answers = models.JSONField(default=dict)
    # Open findings: {finding key: quality event id}, so a later run can mark the
    # event "fixed" without the event ever pointing back at this draft.
    open_events = models.JSONField(default=dict)
    visited = models.JSONField(default=list)  # page keys the applicant has saved
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField()
    ready_at = models.DateTimeField(null=True, blank=True)

    objects = DraftQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["expires_at"])]

    @classmethod
    def start(cls, form: str, form_version: dt.date, language: str) -> tuple["Draft", str]:
        code = new_code()
        draft = cls.objects.create(
            code_hash=hash_code(code),
            form=form,
            form_version=form_version,
            language=language,
            expires_at=timezone.now() + dt.timedelta(days=settings.DRAFT_RETENTION_DAYS),
        )
        return draft, code

    def touch(self):
        # Every save pushes the expiry: the retention period counts from the last change.
        self.expires_at = timezone.now() + dt.timedelta(days=settings.DRAFT_RETENTION_DAYS)

    @property
    def purpose(self) -> str:
        """The chosen purpose, only if it is one of the form's own choices: the
        statistics record it, and free text typed there could be long or personal."""
        from .registry import definition_for

        value = self.answers.get("purpose")
        if not isinstance(value, str):
            return ""
        field = definition_for(self).all_fields().get("purpose")
        return value if field and value in {c.value for c in field.choices} else ""


class QualityEvent(models.Model):
    """One finding in one validation run. Anonymous by design: no draft, no person,
    no answer values — only which rule, field and page, in which language and for
    which purpose, and whether it was later fixed."""

    rule = models.CharField(max_length=32)
    field = models.CharField(max_length=64)
    page = models.CharField(max_length=64)
    severity = models.CharField(max_length=8)
    language = models.CharField(max_length=5)
    purpose = models.CharField(max_length=32, blank=True)
    day = models.DateField()
    fixed = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["day", "rule"])]


class PageVisit(models.Model):
    """Anonymous funnel counts: how many drafts reached each page (drop-off)."""

    page = models.CharField(max_length=64)
    language = models.CharField(max_length=5)
    purpose = models.CharField(max_length=32, blank=True)
    day = models.DateField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "language", "purpose", "day"], name="uniq_page_visit")]


class ReadyStat(models.Model):
    """A draft that reached "ready": only the day, language, purpose and minutes taken."""

    language = models.CharField(max_length=5)
    purpose = models.CharField(max_length=32, blank=True)
    day = models.DateField()
    minutes_to_ready = models.PositiveIntegerField()


class DraftAccess(models.Model):
    """Every time a member of staff opens an applicant's draft."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    draft_token = models.UUIDField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]
