"""Satisfaction survey for e-mail conversations.

Chat visitors rate on the chat page; an e-mail contact has no page, so when a
consultant closes their conversation they get one short mail with a signed link
(/<lang>/rate/<token>/). The token carries only the conversation's public_id and
a timestamp; the signature (with a salt of its own, so no other signed value of
the site can be replayed here) is what lets an anonymous visitor rate it."""

import datetime as dt
import uuid

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from .mailbox import thread_headers
from .models import Channel, Conversation, Outcome, State


SALT = "desk.survey.rating"

# Only conversations that ended with an answer are surveyed (an allow-list, so a
# new outcome never starts sending mail by itself):
#   ANSWERED, REFERRED – the contact got what we can give; rating it makes sense.
#   NOT_OURS  – left out: the close form has no "spam" outcome, so spam and
#               misdirected mail end here; a survey to them would be backscatter.
#   CALLBACK  – left out: the matter is still open, there is nothing to rate yet.
#   ABANDONED – left out: the contact went away.
SURVEYED_OUTCOMES = {Outcome.ANSWERED, Outcome.REFERRED}


def link_lifetime() -> dt.timedelta:
    return dt.timedelta(days=settings.SURVEY_LINK_DAYS)


def wants_survey(c: Conversation) -> bool:
    # Someone who has already rated (a thread reopened and closed again) is not
    # asked twice; their link still lets them change the rating.
    return c.channel == Channel.EMAIL and c.outcome in SURVEYED_OUTCOMES and bool(c.contact.email) and c.satisfaction is None


def make_token(c: Conversation) -> str:
    return signing.dumps(str(c.public_id), salt=SALT)


def read_token(token: str) -> uuid.UUID:
    """The public_id in a survey token. Raises signing.SignatureExpired for an
    old link and signing.BadSignature (its parent) for anything else wrong."""
    value = signing.loads(token, salt=SALT, max_age=link_lifetime())
    try:
        return uuid.UUID(str(value))
    except ValueError as wrong:  # well signed but not a UUID: never issued by us
        raise signing.BadSignature("not a survey token") from wrong


def survey_url(c: Conversation) -> str:
    # The language prefix of the link is the conversation's language.
    with translation.override(c.language):
        return settings.SITE_URL.rstrip("/") + reverse("survey:rate", args=[make_token(c)])


def send_survey(c: Conversation) -> None:
    """After a consultant closes an e-mail conversation: one mail, in the
    conversation's language, with the link to rate the answer."""
    if not wants_survey(c):
        return
    with translation.override(c.language):
        body = render_to_string("desk/email_survey.txt", {"c": c, "url": survey_url(c), "days": settings.SURVEY_LINK_DAYS})
        mail = EmailMessage(_("How satisfied are you with the answer?"), body, settings.INFOLINE_EMAIL, [c.contact.email])
    mail.extra_headers = thread_headers(c)  # under the answer, like the consultants' replies
    mail.send()


def rateable():
    # Only closed e-mail conversations: chats are rated on the chat page, calls
    # are not rated, and an open (e.g. reopened) thread has nothing final to rate.
    return Conversation.objects.filter(channel=Channel.EMAIL, state=State.CLOSED)


def rate(public_id: uuid.UUID, rating: int) -> bool:
    """Store the contact's rating; False when the conversation is no longer
    rateable (e.g. the contact wrote again and the thread reopened meanwhile)."""
    if not 1 <= rating <= 5:
        raise ValueError("rating must be 1–5")
    return rateable().filter(public_id=public_id).update(satisfaction=rating) == 1
