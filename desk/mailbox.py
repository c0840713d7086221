"""The e-mail channel: inbound mail is read from an IMAP mailbox by a polling
worker (manage.py poll_mailbox), replies go out over SMTP in the same thread
(In-Reply-To / References), so the contact's mail program shows one thread."""

import email
import imaplib
import logging
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.policy import default as default_policy
from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.core.mail import EmailMessage as DjangoEmail
from django.db import transaction

from . import actions
from .models import Channel, Conversation, Direction, Message

log = logging.getLogger(__name__)
MAX_BODY = 20_000
CYRILLIC = re.compile(r"[Ѐ-ӿ]")
UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")


@dataclass
class ImapConfig:
    host: str
    port: int
    user: str
    password: str
    ssl: bool = True

    @classmethod
    def from_settings(cls) -> "ImapConfig | None":
        if not settings.IMAP_HOST:
            return None
        return cls(settings.IMAP_HOST, settings.IMAP_PORT, settings.IMAP_USER, settings.IMAP_PASSWORD, settings.IMAP_SSL)


def _guess_language(text: str) -> str:
    # Good enough to route the message; the consultant can change it.
    if UKRAINIAN.search(text):
        return "uk"
    if CYRILLIC.search(text):
        return "ru"
    return "pl" if re.search(r"[ąćęłńóśźż]", text, re.I) else "en"


def _plain_text(msg: EmailMessage) -> str:
    part = msg.get_body(preferencelist=("plain",))
    if part is None:
        part = msg.get_body(preferencelist=("html",))
        text = re.sub(r"<[^>]+>", " ", part.get_content()) if part else ""
    else:
        text = part.get_content()
    return text.replace("\x00", "").strip()[:MAX_BODY] or "(—)"


def _thread(msg: EmailMessage) -> Conversation | None:
    ids = re.findall(r"<[^>]+>", f"{msg.get('In-Reply-To', '')} {msg.get('References', '')}")
    if not ids:
        return None
    earlier = Message.objects.filter(email_message_id__in=ids).select_related("conversation").order_by("-id").first()
    return earlier.conversation if earlier else None


@transaction.atomic
def receive(raw: bytes) -> Message | None:
    """One inbound e-mail: into its thread's conversation, or a new one."""
    msg = email.message_from_bytes(raw, policy=default_policy)
    message_id = (msg.get("Message-ID") or "").strip()[:255]
    if message_id and Message.objects.filter(email_message_id=message_id).exists():
        return None  # already read (a retried poll)
    name, address = parseaddr(str(msg.get("From", "")))
    body = _plain_text(msg)
    conversation = _thread(msg)
    if conversation is None:
        language = _guess_language(body)
        contact = actions.contact_for(email=address, name=name[:120], language=language)
        conversation = Conversation.objects.create(
            contact=contact, channel=Channel.EMAIL, language=language, subject=str(msg.get("Subject", ""))[:200]
        )
        transaction.on_commit(actions.route)
    elif conversation.state == "closed":
        conversation.state = "queued"  # the contact wrote again: the thread reopens
        conversation.save(update_fields=["state"])
        transaction.on_commit(actions.route)
    message = actions.add_message(conversation, Direction.IN, body)
    message.email_message_id = message_id
    message.save(update_fields=["email_message_id"])
    return message


def poll(config: ImapConfig) -> int:
    """Read every unseen message in the inbox; return how many were taken in."""
    client = (imaplib.IMAP4_SSL if config.ssl else imaplib.IMAP4)(config.host, config.port)
    try:
        client.login(config.user, config.password)
        client.select("INBOX")
        _typ, data = client.search(None, "UNSEEN")
        count = 0
        for number in data[0].split():
            _typ, parts = client.fetch(number, "(RFC822)")
            raw = next((p[1] for p in parts if isinstance(p, tuple)), None)
            if raw and receive(raw):
                count += 1
            client.store(number, "+FLAGS", "\\Seen")
        return count
    finally:
        try:
            client.logout()
        except (imaplib.IMAP4.error, OSError):
            pass


def thread_headers(conversation) -> dict:
    """In-Reply-To and References that put an outgoing mail in the conversation's
    thread: the contact's mail program shows it under the earlier mails, and a
    reply to it comes back into the same conversation (_thread reads both)."""
    earlier = list(conversation.messages.exclude(email_message_id="").values_list("email_message_id", flat=True))
    return {"In-Reply-To": earlier[-1], "References": " ".join(earlier[-10:])} if earlier else {}


def send_reply(message: Message) -> None:
    """An answer to an e-mail conversation, in the same thread."""
    conversation = message.conversation
    subject = conversation.subject or "Infolinia"
    mail = DjangoEmail(
        subject=subject if subject.lower().startswith("re:") else f"Re: {subject}",
        body=message.body,
        from_email=settings.INFOLINE_EMAIL,
        to=[conversation.contact.email],
    )
    message_id = make_msgid(domain=settings.INFOLINE_EMAIL.split("@")[-1] or "localhost")
    mail.extra_headers = {"Message-ID": message_id, **thread_headers(conversation)}
    mail.send()
    Message.objects.filter(pk=message.pk).update(email_message_id=message_id)
