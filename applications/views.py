import json

from django.core.mail import send_mail
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from catalogue.registry import current, today

from . import actions, outputs
from .access import find_draft_by_code, get_draft_for_applicant
from .definition import get_definitions
from .engine import bind_page, check_application, page_findings
from .forms import ImportForm, ResumeForm, StartForm
from .models import Draft
from .registry import definition_for

FORM = "trc"


def start(request: HttpRequest) -> HttpResponse:
    form = StartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        definition = get_definitions().at(FORM, today())
        draft, code = Draft.start(FORM, definition.effective_from, get_language())
        # Coming from the questionnaire's recommendation: the purpose is already known.
        purpose = {slug: p for p, slug in outputs.PURPOSE_PROCEDURE.items()}.get(request.POST.get("procedure", ""))
        if purpose:
            draft.answers = {"purpose": purpose}
            draft.save(update_fields=["answers"])
        request.session["new_code"] = code
        email = form.cleaned_data["email"]
        if email:
            _send_resume_email(request, draft, code, email)
        return redirect("apply:created", token=draft.token)
    context = {"form": form, "resume_form": ResumeForm(), "procedure": request.GET.get("procedure", "")[:64]}
    return render(request, "applications/start.html", context)


def _send_resume_email(request, draft: Draft, code: str, email: str):
    link = request.build_absolute_uri(reverse("apply:resume_draft", args=[draft.token]))
    context = {"link": link, "code": code}
    send_mail(
        _("Your application draft in Konsultant"),
        render_to_string("applications/email_resume.txt", context),
        None,
        [email],
    )


def created(request: HttpRequest, token) -> HttpResponse:
    draft = get_draft_for_applicant(token)
    # The plain code exists only in this session, once: the database keeps a hash.
    code = request.session.pop("new_code", None)
    problems = request.session.pop("import_problems", None)
    link = request.build_absolute_uri(reverse("apply:resume_draft", args=[draft.token]))
    context = {"draft": draft, "code": code, "link": link, "problems": problems}
    return render(request, "applications/created.html", context)


def resume(request: HttpRequest) -> HttpResponse:
    form = ResumeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        draft = find_draft_by_code(form.cleaned_data["code"])
        if draft:
            return redirect("apply:resume_draft", token=draft.token)
        form.add_error("code", _("No draft has this code. Check it, or start a new application: drafts are deleted after a period without changes."))
    return render(request, "applications/start.html", {"form": StartForm(), "resume_form": form})


def resume_draft(request: HttpRequest, token) -> HttpResponse:
    draft = get_draft_for_applicant(token)
    definition = definition_for(draft)
    for page in definition.visible_pages(draft.answers):
        if page.key not in draft.visited:
            return redirect("apply:page", token=token, page=page.key)
    return redirect("apply:check", token=token)


def _nav(definition, answers, page_key):
    pages = definition.visible_pages(answers)
    keys = [p.key for p in pages]
    i = keys.index(page_key) if page_key in keys else 0
    prev_key = keys[i - 1] if i > 0 else None
    next_key = keys[i + 1] if i + 1 < len(keys) else None
    return {"pages": pages, "position": i + 1, "total": len(keys), "prev": prev_key, "next": next_key}


def _after(draft: Draft, definition, page_key: str, request: HttpRequest) -> HttpResponseRedirect:
    if "save" in request.POST:
        return redirect("apply:saved", token=draft.token)
    nxt = _nav(definition, draft.answers, page_key)["next"]
    return redirect("apply:page", token=draft.token, page=nxt) if nxt else redirect("apply:check", token=draft.token)


@require_http_methods(["GET", "POST"])
def page(request: HttpRequest, token, page: str) -> HttpResponse:
    draft = get_draft_for_applicant(token)
    definition = definition_for(draft)
    spec = definition.page(page)
    if spec is None:
        return redirect("apply:resume_draft", token=token)
    if spec.repeat:
        return group_page(request, draft, definition, spec)
    lang = get_language()
    if request.method == "POST":
        form = bind_page(definition, spec, request.POST, draft.answers, lang)
        valid = form.is_valid()
        answers = {**draft.answers, **_values(form, valid, spec)}
        if "autosave" in request.POST:
            # Sent by site.js as the applicant types: store, check nothing, answer nothing.
            actions.autosave(draft, answers)
            return HttpResponse(status=204)
        actions.save_answers(draft, spec.key, answers, lang)
        if valid or "save" in request.POST:
            return _after(draft, definition, spec.key, request)
        page_findings(definition, spec, form, lang)
    else:
        form = bind_page(definition, spec, None, draft.answers, lang)
        form.initial = {k: draft.answers.get(k) for k in form.fields}
    return _render_page(request, draft, definition, spec, form)


def _values(form, valid: bool, page=None) -> dict:
    """What to store: cleaned values where valid (normalised), raw text otherwise,
    including answers to fields that no longer apply (nothing typed is lost)."""
    values = {}
    names = list(form.fields) + [f.key for f in (page.fields if page else []) if f.key in form.data and f.key not in form.fields]
    for name in names:
        raw = form.data.get(form.add_prefix(name), "")
        if name in form.cleaned_data and name not in form.errors:
            cleaned = form.cleaned_data[name]
            values[name] = cleaned if isinstance(cleaned, str) else str(cleaned)
        else:
            values[name] = raw if isinstance(raw, str) else ""
        # PostgreSQL's jsonb cannot hold NUL characters; nobody types them on purpose.
        values[name] = values[name].replace("\x00", "")
    return values


def _render_page(request, draft, definition, spec, form, extra=None):
    # Every page links to the guide of the chosen procedure ("learn more").
    procedure = current().procedures.get(outputs.PURPOSE_PROCEDURE.get(draft.purpose, ""))
    context = {"draft": draft, "definition": definition, "spec": spec, "form": form, "procedure": procedure}
    context.update(_nav(definition, draft.answers, spec.key))
    context.update(extra or {})
    return render(request, "applications/page.html", context)


def group_page(request, draft, definition, spec) -> HttpResponse:
    """A repeating group: the list so far, and a form for one more item."""
    lang = get_language()
    items = draft.answers.get(spec.key) if isinstance(draft.answers.get(spec.key), list) else []
    form = bind_page(definition, spec, None, draft.answers, lang)
    if request.method == "POST" and "add" in request.POST:
        form = bind_page(definition, spec, request.POST, draft.answers, lang)
        if len(items) >= spec.max_items:
            form.is_valid()
            form.add_error(None, _("You have reached the largest number of entries this list takes."))
        elif form.is_valid():
            actions.save_answers(draft, spec.key, {**draft.answers, spec.key: [*items, _values(form, True)]}, lang)
            return redirect("apply:page", token=draft.token, page=spec.key)
        else:
            page_findings(definition, spec, form, lang)
    elif request.method == "POST":
        actions.save_answers(draft, spec.key, {**draft.answers, spec.key: items}, lang)
        return _after(draft, definition, spec.key, request)
    return _render_page(request, draft, definition, spec, form, {"items": items, "labels": _item_labels(spec, items, lang)})


def _item_labels(spec, items, lang):
    # The first answer of each item names it in the list ("Kowalska Anna").
    first = spec.fields[0].key if spec.fields else None
    return [(i, str(item.get(first, "")) or f"#{i + 1}") for i, item in enumerate(items)]


@require_POST
def remove_item(request: HttpRequest, token, page: str, index: int) -> HttpResponse:
    draft = get_draft_for_applicant(token)
    items = draft.answers.get(page)
    if isinstance(items, list) and 0 <= index < len(items):
        remaining = items[:index] + items[index + 1 :]
        actions.save_answers(draft, page, {**draft.answers, page: remaining}, get_language())
    return redirect("apply:page", token=token, page=page)


def saved(request: HttpRequest, token) -> HttpResponse:
    draft = get_draft_for_applicant(token)
    link = request.build_absolute_uri(reverse("apply:resume_draft", args=[draft.token]))
    return render(request, "applications/saved.html", {"draft": draft, "link": link})


def check(request: HttpRequest, token) -> HttpResponse:
    draft = get_draft_for_applicant(token)
    definition = definition_for(draft)
    lang = get_language()
    findings = check_application(definition, draft.answers, timezone.localdate(), lang)
    summary = outputs.summary(definition, draft.answers, lang)
    return render(request, "applications/check.html", {"draft": draft, "summary": summary, "findings": findings})


def report(request: HttpRequest, token) -> HttpResponse:
    draft = get_draft_for_applicant(token)
    context = outputs.report_context(draft, get_language())
    return render(request, "applications/report.html", {"draft": draft, **context})


def pack(request: HttpRequest, token) -> HttpResponse:
    draft = get_draft_for_applicant(token)
    return render(request, "applications/pack.html", {"draft": draft, "pack": outputs.pack(draft, get_language())})


def pack_pdf(request: HttpRequest, token) -> HttpResponse:
    draft = get_draft_for_applicant(token)
    return outputs.pdf_response(outputs.render_pack_pdf(draft, get_language()), "pakiet-mos.pdf")


def paper_pdf(request: HttpRequest, token) -> HttpResponse:
    draft = get_draft_for_applicant(token)
    return outputs.pdf_response(outputs.render_paper_pdf(draft, get_language()), "wniosek-pobyt-czasowy.pdf")


def export_json(request: HttpRequest, token) -> HttpResponse:
    draft = get_draft_for_applicant(token)
    response = HttpResponse(outputs.export_json(draft), content_type="application/json")
    response["Content-Disposition"] = 'attachment; filename="wniosek.json"'
    return response


def import_file(request: HttpRequest) -> HttpResponse:
    """Start a draft from an exported JSON file; every problem with the file is listed."""
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        raw = form.cleaned_data["file"].read(2_000_000)
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            form.add_error("file", _("The file is not valid JSON (UTF-8)."))
        else:
            definition = get_definitions().at(FORM, today())
            answers, problems = outputs.import_data(definition, data)
            draft, code = Draft.start(FORM, definition.effective_from, get_language())
            draft.visited = [p.key for p in definition.visible_pages(answers)]
            actions.save_answers(draft, "import", answers, get_language())
            request.session["new_code"] = code
            request.session["import_problems"] = problems
            return redirect("apply:created", token=draft.token)
    return render(request, "applications/import.html", {"form": form})
