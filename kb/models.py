from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from catalogue.schema import LANGS  # noqa: F401  the four languages, one definition (kb code imports it from here)

SOURCE_LANG = "pl"  # every answer is written in Polish first; translations follow it


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal (staff only)")


class AnswerQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Published public answers for everyone; staff also see internal ones."""
        qs = self.filter(status=Status.PUBLISHED)
        if not (user.is_authenticated and getattr(user, "role", None)):
            qs = qs.filter(audience=Audience.PUBLIC)
        return qs


class Answer(models.Model):
    """One answer (a concept) with a variant per language."""

    slug = models.SlugField(max_length=100, unique=True)
    topic = models.CharField(max_length=32)
    audience = models.CharField(max_length=16, choices=Audience.choices, default=Audience.PUBLIC)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DRAFT)
    procedures = models.JSONField(default=list, blank=True)
    legal_basis = models.JSONField(default=list, blank=True)
    sources = models.JSONField(default=list, blank=True)
    review_by = models.DateField()
    unconfirmed = models.BooleanField(default=False)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    version = models.PositiveIntegerField(default=1)  # optimistic locking for editors
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        ordering = ["slug"]

    def __str__(self):
        return self.slug

    def variant(self, lang: str) -> "Variant | None":
        return next((v for v in self.variants.all() if v.language == lang), None)

    def translation_status(self) -> dict[str, str]:
        """missing / outdated (the Polish source changed since) / current, per language."""
        variants = {v.language: v for v in self.variants.all()}
        source = variants.get(SOURCE_LANG)
        status = {}
        for lang in LANGS:
            v = variants.get(lang)
            if v is None:
                status[lang] = "missing"
            elif lang != SOURCE_LANG and source and v.source_revision < source.revision:
                status[lang] = "outdated"
            else:
                status[lang] = "current"
        return status


class Variant(models.Model):
    answer = models.ForeignKey(Answer, related_name="variants", on_delete=models.CASCADE)
    language = models.CharField(max_length=5)
    title = models.CharField(max_length=300)
    body = models.TextField()
    keywords = models.TextField(blank=True)
    revision = models.PositiveIntegerField(default=1)
    # The Polish variant's revision this text was translated from.
    source_revision = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["answer", "language"], name="one_variant_per_language")]


class Revision(models.Model):
    """History: who changed what, when ("title: A → B")."""

    answer = models.ForeignKey(Answer, related_name="revisions", on_delete=models.CASCADE)
    language = models.CharField(max_length=5, blank=True)  # empty: the answer's own fields
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    at = models.DateTimeField(auto_now_add=True)
    changes = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at", "-id"]


class Feedback(models.Model):
    """Was this helpful? Anonymous: the answer, the language, the day."""

    answer = models.ForeignKey(Answer, related_name="feedback", on_delete=models.CASCADE)
    language = models.CharField(max_length=5)
    helpful = models.BooleanField()
    day = models.DateField(auto_now_add=True)


class SearchGap(models.Model):
    """Queries that found nothing, counted; digits are removed before storing so a
    typed document or phone number never ends up here."""

    query = models.CharField(max_length=100)
    language = models.CharField(max_length=5)
    count = models.PositiveIntegerField(default=0)
    last_seen = models.DateField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["query", "language"], name="one_gap_per_query")]


class IndexState(models.Model):
    """One row: bumped when published content changes, so every process rebuilds
    its search index (the index lives in each process's memory)."""

    version = models.PositiveBigIntegerField(default=0)
