import datetime as dt

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import EDITORS, role_required

from . import actions
from .access import get_answer_for_user
from .forms import MetaForm, NewAnswerForm, VariantForm
from .models import LANGS, SOURCE_LANG, Answer
from .views import gap_report_data


@role_required(*EDITORS)
def answers(request: HttpRequest) -> HttpResponse:
    """Every answer with its status, translation status and review date; filters for
    "due for review" and "touched by a change of this legal basis"."""
    qs = Answer.objects.prefetch_related("variants").order_by("review_by", "slug")
    basis = request.GET.get("basis", "").strip()[:100]
    if request.GET.get("due"):
        qs = qs.filter(review_by__lte=timezone.localdate() + dt.timedelta(days=30))
    if request.GET.get("status") in ("draft", "review", "published"):
        qs = qs.filter(status=request.GET["status"])
    rows = [(a, a.translation_status(), a.variant(get_language()) or a.variant(SOURCE_LANG)) for a in qs]
    if basis:
        rows = [row for row in rows if any(basis.casefold() in ref.casefold() for ref in row[0].legal_basis)]
    context = {"rows": rows, "basis": basis, "today": timezone.localdate(), "soon": timezone.localdate() + dt.timedelta(days=30)}
    return render(request, "kb/staff_answers.html", context)


@role_required(*EDITORS)
def new(request: HttpRequest) -> HttpResponse:
    form = NewAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        meta = {"topic": data["topic"], "audience": data["audience"], "legal_basis": data["legal_basis"], "review_by": data["review_by"]}
        variant = {"title": data["title"], "body": data["body"], "keywords": data["keywords"]}
        answer = actions.create_answer(request.user, data["slug"], meta, variant)
        return redirect("kb_staff:edit", slug=answer.slug)
    return render(request, "kb/staff_new.html", {"form": form})


@role_required(*EDITORS)
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    answer = get_answer_for_user(request.user, slug, edit=True)
    initial = {
        "topic": answer.topic, "audience": answer.audience, "procedures": answer.procedures,
        "legal_basis": "\n".join(answer.legal_basis), "sources": "\n".join(answer.sources),
        "review_by": answer.review_by, "unconfirmed": answer.unconfirmed, "version": answer.version,
    }  # fmt: skip
    form = MetaForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.save_metadata(answer, request.user, form.cleaned_data, form.cleaned_data["version"])
        except actions.StaleEdit:
            form.add_error(None, _("Someone else saved this answer while you were editing. Reload the page and make your change again."))
        else:
            messages.success(request, _("Saved."))
            return redirect("kb_staff:edit", slug=slug)
    context = {"answer": answer, "form": form, "status": answer.translation_status(), "languages": LANGS, "revisions": answer.revisions.select_related("user")[:30]}
    return render(request, "kb/staff_edit.html", context)


@role_required(*EDITORS)
def edit_variant(request: HttpRequest, slug: str, lang: str) -> HttpResponse:
    answer = get_answer_for_user(request.user, slug, edit=True)
    if lang not in LANGS:
        return redirect("kb_staff:edit", slug=slug)
    variant = answer.variant(lang)
    source = answer.variant(SOURCE_LANG)
    initial = {"title": variant.title, "body": variant.body, "keywords": variant.keywords} if variant else {}
    form = VariantForm(request.POST or None, initial=initial)
    if lang == SOURCE_LANG:
        del form.fields["translated_from_current"]
    if request.method == "POST" and form.is_valid():
        actions.save_variant(answer, lang, request.user, form.cleaned_data, form.cleaned_data.get("translated_from_current", False))
        messages.success(request, _("Saved."))
        return redirect("kb_staff:edit", slug=slug)
    context = {"answer": answer, "form": form, "lang": lang, "source": source if lang != SOURCE_LANG else None, "status": answer.translation_status()}
    return render(request, "kb/staff_variant.html", context)


@role_required(*EDITORS)
@require_POST
def change_status(request: HttpRequest, slug: str) -> HttpResponse:
    answer = get_answer_for_user(request.user, slug, edit=True)
    action = request.POST.get("action", "")
    if action in actions.TRANSITIONS and actions.change_status(answer, request.user, action):
        messages.success(request, _("Status changed."))
    else:
        messages.error(request, _("That change of status is not possible now."))
    return redirect("kb_staff:edit", slug=slug)


@role_required(*EDITORS)
def gaps(request: HttpRequest) -> HttpResponse:
    since = timezone.localdate() - dt.timedelta(days=90)
    gap_rows, unhelpful = gap_report_data(since)
    return render(request, "kb/staff_gaps.html", {"gaps": gap_rows, "unhelpful": unhelpful, "since": since})
