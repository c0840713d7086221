import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    CHAT = "chat", _("Web chat")


class Topic(models.TextChoices):
    STAY = "stay", _("Legal stay")
    WORK = "work", _("Work")
    EMPLOYMENT = "employment", _("Employing foreigners")
    CITIZENSHIP = "citizenship", _("Citizenship")
    OTHER = "other", _("Other")


class AgentStatus(models.TextChoices):
    AVAILABLE = "available", _("Available")
    BUSY = "busy", _("Busy")
    AWAY = "away", _("Away")


class ConsultantProfile(models.Model):
    """A consultant's skills and state for routing."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="desk")
    languages = models.JSONField(default=dict, help_text="language → level: native, fluent, basic")
    topics = models.JSONField(default=list)
    status = models.CharField(max_length=12, choices=AgentStatus.choices, default=AgentStatus.AWAY)
    capacity = models.PositiveSmallIntegerField(default=2)
    status_since = models.DateTimeField(auto_now_add=True)
    idle_since = models.DateTimeField(null=True, blank=True)
    # Set when the consultant's live connection to a chat closes, cleared when it
    # opens again; after a grace period their chats go back to the queue.
    disconnected_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.user.username


class Contact(models.Model):
    """A caller or writer. Only what is needed to answer and to see history."""

    name = models.CharField(max_length=120, blank=True)
    email = models.EmailField(blank=True, db_index=True)
    phone = models.CharField(max_length=20, blank=True, db_index=True)  # E.164
    language = models.CharField(max_length=5, default="pl")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.name or self.email or self.phone or f"#{self.pk}"


class State(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    OFFERED = "offered", _("Offered")
    ACTIVE = "active", _("In progress")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    ANSWERED = "answered", _("Answered")
    REFERRED = "referred", _("Referred to the office")
    CALLBACK = "callback", _("Call back needed")
    NOT_OURS = "not_ours", _("Not our competence")
    ABANDONED = "abandoned", _("Abandoned")


class ConversationQuerySet(models.QuerySet):
    def waiting(self):
        return self.filter(state__in=[State.QUEUED, State.OFFERED]).order_by("enqueued_at")

    def for_agent(self, user):
        return self.filter(assigned_to=user, state=State.ACTIVE)


class Conversation(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    contact = models.ForeignKey(Contact, related_name="conversations", on_delete=models.PROTECT)
    channel = models.CharField(max_length=8, choices=Channel.choices)
    language = models.CharField(max_length=5)
    topic = models.CharField(max_length=16, choices=Topic.choices, default=Topic.OTHER)
    citizenship_group = models.CharField(max_length=8, default="third")  # third-country or eu
    state = models.CharField(max_length=8, choices=State.choices, default=State.QUEUED)
    subject = models.CharField(max_length=200, blank=True)
    assigned_to = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    offered_to = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    offered_at = models.DateTimeField(null=True, blank=True)
    declined_by = models.JSONField(default=list)
    enqueued_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)  # first response / call answered
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome = models.CharField(max_length=12, choices=Outcome.choices, blank=True)
    tags = models.JSONField(default=list, blank=True)
    satisfaction = models.PositiveSmallIntegerField(null=True, blank=True)  # 1–5
    call_id = models.CharField(max_length=100, blank=True, db_index=True)  # from the PBX
    transcript_requested = models.BooleanField(default=False)
    duration_seconds = models.PositiveIntegerField(null=True, blank=True)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["state", "enqueued_at"]), models.Index(fields=["enqueued_at"])]


class Direction(models.TextChoices):
    IN = "in", _("From the contact")
    OUT = "out", _("From the consultant")
    NOTE = "note", _("Internal note")


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, related_name="messages", on_delete=models.CASCADE)
    direction = models.CharField(max_length=4, choices=Direction.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)
    # E-mail threading: the Message-ID of the mail this message came in or went out as.
    email_message_id = models.CharField(max_length=255, blank=True, db_index=True)

    class Meta:
        ordering = ["created_at", "id"]


class CannedResponse(models.Model):
    """A ready reply in four languages; {name} and {consultant} are filled in."""

    key = models.SlugField(unique=True)
    title = models.CharField(max_length=120)
    text_pl = models.TextField()
    text_en = models.TextField()
    text_ru = models.TextField()
    text_uk = models.TextField()

    def render(self, lang: str, contact_name: str, consultant: str) -> str:
        text = getattr(self, f"text_{lang}", self.text_pl)
        return text.replace("{name}", contact_name or "").replace("{consultant}", consultant)
