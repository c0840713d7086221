"""The visitor's web chat. Works without JavaScript (each message is a form post,
the page shows the conversation so far); with JavaScript the page updates live.

The same pages also run inside the chat widget's iframe on every public page
(static/js/chat-widget.js): ?embed=1 asks for a layout without the site's
header and footer, and is carried through every form and redirect of the chat.
"""

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csp import csp_override
from django.views.decorators.http import require_POST

from catalogue.registry import current
from core import throttle

from . import actions
from .business_time import BusinessHours
from .forms import ChatMessageForm, ChatStartForm, RatingForm
from .models import Channel, Conversation, Direction, State

HOURS = BusinessHours()  # Mon–Fri 08:00–16:00, Polish public holidays closed


def _open() -> bool:
    return settings.CHAT_ALWAYS_OPEN or HOURS.is_open(timezone.now())


def framable(view):
    """Only the chat pages may be framed, and only by this site (the widget's
    iframe): every other page keeps X-Frame-Options DENY and frame-ancestors 'none'."""
    policy = {**settings.SECURE_CSP, "frame-ancestors": ["'self'"]}
    return xframe_options_sameorigin(csp_override(policy)(view))


def _embed(request: HttpRequest) -> bool:
    return request.GET.get("embed") == "1"


def _render(request: HttpRequest, template: str, context: dict, status: int = 200) -> HttpResponse:
    return render(request, template, {**context, "embed": _embed(request)}, status=status)


def _to_room(request: HttpRequest, c: Conversation, **query) -> HttpResponse:
    if _embed(request):
        query["embed"] = "1"
    url = reverse("chat:room", kwargs={"public_id": c.public_id})
    return redirect(f"{url}?{urlencode(query)}" if query else url)


@framable
def start(request: HttpRequest) -> HttpResponse:
    out_of_hours = not _open()
    form = ChatStartForm(request.POST or None, out_of_hours=out_of_hours)
    status = 200
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if data["citizenship"] in current().free_movement:
            return _render(request, "guide/eu_citizens.html", {"polish": data["citizenship"] == "PL", "from_triage": False})
        # Each start puts a conversation in front of the consultants: a script
        # must not be able to fill their queue.
        if throttle.allow("chat-start", throttle.client_ip(request), settings.CHAT_STARTS_PER_HOUR, 3600):
            conversation = _create(data, out_of_hours, get_language())
            if out_of_hours:
                return _render(request, "desk/chat_message_sent.html", {"email": data["email"]})
            return _to_room(request, conversation)
        form.add_error(None, _("Several conversations have been started from your connection in the last hour. Please try again later."))
        status = 429
    return _render(request, "desk/chat_start.html", {"form": form, "out_of_hours": out_of_hours}, status=status)


@transaction.atomic
def _create(data: dict, out_of_hours: bool, lang: str) -> Conversation:
    contact = actions.contact_for(email=data["email"], name=data["name"], language=lang)
    conversation = Conversation.objects.create(
        contact=contact, channel=Channel.EMAIL if out_of_hours else Channel.CHAT, language=lang, topic=data["topic"],
        subject=data["question"][:120], transcript_requested=data.get("transcript", False),
    )  # fmt: skip
    actions.add_message(conversation, Direction.IN, data["question"])
    transaction.on_commit(actions.route)
    return conversation


def _get(public_id) -> Conversation:
    try:
        return Conversation.objects.select_related("contact").get(public_id=public_id, channel=Channel.CHAT)
    except Conversation.DoesNotExist:
        raise Http404


@framable
def room(request: HttpRequest, public_id) -> HttpResponse:
    c = _get(public_id)
    return _render(request, "desk/chat_room.html", _room_context(c, ChatMessageForm(), RatingForm()))


def _room_context(c, form, rating_form):
    position, wait = actions.place_in_queue(c) or (None, None)
    return {
        "c": c,
        "messages_list": c.messages.exclude(direction=Direction.NOTE),
        "form": form,
        "rating_form": rating_form,
        "position": position,
        "wait_minutes": round(wait / 60) if wait else None,
    }


@framable
@require_POST
def send(request: HttpRequest, public_id) -> HttpResponse:
    c = _get(public_id)
    form = ChatMessageForm(request.POST)
    status = 200
    if c.state == State.CLOSED:
        form.is_valid()
        form.add_error(None, _("This conversation has ended. Start a new one if you have another question."))
    elif form.is_valid():
        if throttle.allow("chat-send", str(c.public_id), settings.CHAT_MESSAGES_PER_MINUTE, 60):
            actions.add_message(c, Direction.IN, form.cleaned_data["body"])
            return _to_room(request, c)
        form.add_error(None, _("You are sending messages very quickly. Please wait a moment and send again."))
        status = 429
    return _render(request, "desk/chat_room.html", _room_context(c, form, RatingForm()), status=status)


@framable
@require_POST
def rate(request: HttpRequest, public_id) -> HttpResponse:
    c = _get(public_id)
    form = RatingForm(request.POST)
    if c.state == State.CLOSED and form.is_valid():
        Conversation.objects.filter(pk=c.pk).update(satisfaction=form.cleaned_data["rating"])
        return _to_room(request, c, rated="1")
    return _render(request, "desk/chat_room.html", _room_context(c, ChatMessageForm(), form))


def send_transcript(conversation: Conversation) -> None:
    """E-mail the visitor the conversation, in their language, if they asked for it."""
    if not (conversation.transcript_requested and conversation.contact.email):
        return
    from django.utils import translation

    with translation.override(conversation.language):
        body = render_to_string("desk/email_transcript.txt", {"c": conversation, "messages": conversation.messages.exclude(direction=Direction.NOTE)})
        send_mail(_("Your conversation with the infoline"), body, None, [conversation.contact.email])
