from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from accounts.permissions import ALL_STAFF, MANAGERS, role_required
from kb.search import search as kb_search

from . import actions
from .access import get_conversation_for_user
from .forms import CallForm, CloseForm, ReplyForm, StatusForm
from .models import CannedResponse, ConsultantProfile, Conversation, Direction, State


@role_required(*ALL_STAFF)
def workspace(request: HttpRequest) -> HttpResponse:
    actions.route()
    profile, _created = ConsultantProfile.objects.get_or_create(user=request.user)
    context = {
        "profile": profile,
        "status_form": StatusForm(initial={"status": profile.status}),
        "offers": Conversation.objects.filter(state=State.OFFERED, offered_to=request.user).select_related("contact"),
        "mine": Conversation.objects.for_agent(request.user).select_related("contact"),
        "queue": Conversation.objects.waiting().select_related("contact")[:100],
    }
    return render(request, "desk/workspace.html", context)


@role_required(*ALL_STAFF)
@require_POST
def set_status(request: HttpRequest) -> HttpResponse:
    form = StatusForm(request.POST)
    if form.is_valid():
        actions.set_status(request.user, form.cleaned_data["status"])
    return redirect("desk:workspace")


@role_required(*ALL_STAFF)
def log_call(request: HttpRequest) -> HttpResponse:
    form = CallForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        actions.log_call(request.user, **form.cleaned_data)
        messages.success(request, _("The call is recorded."))
        return redirect("desk:workspace")
    return render(request, "desk/log_call.html", {"form": form})


@role_required(*ALL_STAFF)
def conversation(request: HttpRequest, public_id) -> HttpResponse:
    c, can_act = get_conversation_for_user(request.user, public_id)
    reply = ReplyForm(initial={"body": _insert_text(request, c)})
    return render(request, "desk/conversation.html", _context(request, c, can_act, reply, CloseForm()))


def _insert_text(request, c) -> str:
    """A knowledge-base answer or a canned reply, in the contact's language, put in the reply box."""
    if slug := request.GET.get("insert_kb"):
        from kb.models import Answer

        answer = Answer.objects.visible_to(request.user).filter(slug=slug).prefetch_related("variants").first()
        variant = answer and (answer.variant(c.language) or answer.variant("pl"))
        return f"{variant.title}\n\n{variant.body}" if variant else ""
    if key := request.GET.get("insert_canned"):
        canned = CannedResponse.objects.filter(key=key).first()
        return canned.render(c.language, c.contact.name, request.user.get_full_name() or request.user.username) if canned else ""
    return ""


def _context(request, c, can_act, reply, close_form):
    kbq = request.GET.get("kbq", "")[:200]
    return {
        "c": c,
        "can_act": can_act,
        "reply": reply,
        "close_form": close_form,
        "messages_list": c.messages.select_related("author"),
        "history": c.contact.conversations.exclude(pk=c.pk).order_by("-enqueued_at")[:20],
        "kbq": kbq,
        "kb_hits": kb_search(kbq, c.language, include_internal=True, limit=5) if kbq else [],
        "canned": CannedResponse.objects.order_by("title"),
        "supervisor": request.user.has_role(*MANAGERS),
        "consultants": User.objects.filter(desk__isnull=False, is_active=True) if request.user.has_role(*MANAGERS) else [],
    }


@role_required(*ALL_STAFF)
@require_POST
def accept(request: HttpRequest, public_id) -> HttpResponse:
    c, _can_act = get_conversation_for_user(request.user, public_id)
    if not actions.accept(c, request.user):
        messages.error(request, _("This conversation was offered to someone else or has already been taken."))
        return redirect("desk:workspace")
    return redirect("desk:conversation", public_id=c.public_id)


@role_required(*ALL_STAFF)
@require_POST
def reply(request: HttpRequest, public_id) -> HttpResponse:
    c, can_act = get_conversation_for_user(request.user, public_id)
    form = ReplyForm(request.POST)
    if not can_act:
        messages.error(request, _("Accept the conversation before you reply."))
    elif form.is_valid():
        direction = Direction.NOTE if form.cleaned_data["internal"] else Direction.OUT
        actions.add_message(c, direction, form.cleaned_data["body"], request.user)
        return redirect("desk:conversation", public_id=c.public_id)
    return render(request, "desk/conversation.html", _context(request, c, can_act, form, CloseForm()), status=200)


@role_required(*ALL_STAFF)
@require_POST
def close(request: HttpRequest, public_id) -> HttpResponse:
    c, can_act = get_conversation_for_user(request.user, public_id)
    form = CloseForm(request.POST)
    if can_act and form.is_valid():
        actions.close(c, request.user, form.cleaned_data["outcome"], form.cleaned_data["tags"])
        messages.success(request, _("The conversation is closed."))
        return redirect("desk:workspace")
    return render(request, "desk/conversation.html", _context(request, c, can_act, ReplyForm(), form))


@role_required(*ALL_STAFF)
@require_POST
def hand_back(request: HttpRequest, public_id) -> HttpResponse:
    c, can_act = get_conversation_for_user(request.user, public_id)
    if can_act:
        actions.return_to_queue(c, by_user=request.user)
    return redirect("desk:workspace")


@role_required(*MANAGERS)
@require_POST
def reassign(request: HttpRequest, public_id) -> HttpResponse:
    c, _can_act = get_conversation_for_user(request.user, public_id)
    target = User.objects.filter(pk=request.POST.get("to"), desk__isnull=False, is_active=True).first()
    if target:
        actions.reassign(c, target)
        messages.success(request, _("Reassigned."))
    return redirect("desk:conversation", public_id=c.public_id)
