from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language

from catalogue.registry import current, today
from catalogue.schema import KINDS

from core.cache import cache_public_page

from . import triage
from .forms import DetailForm, TriageForm


@cache_public_page
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/home.html")


@cache_public_page
def procedure_list(request: HttpRequest) -> HttpResponse:
    snapshot = current()
    groups = [(kind, snapshot.procedure_list(kind)) for kind in KINDS]
    return render(request, "guide/procedure_list.html", {"groups": [g for g in groups if g[1]]})


@cache_public_page
def procedure_detail(request: HttpRequest, slug: str) -> HttpResponse:
    snapshot = current()
    procedure = snapshot.procedures.get(slug)
    if procedure is None:
        raise Http404
    fees, total = triage.fee_lines(snapshot, procedure, detail="")
    context = {
        "p": procedure,
        "fees": fees,
        "channel": snapshot.channels[procedure.filing],
        "snapshot": snapshot,
    }
    return render(request, "guide/procedure_detail.html", context)


def _step1(request: HttpRequest) -> TriageForm:
    return TriageForm(request.GET or None, today=today())


@cache_public_page
def triage_start(request: HttpRequest) -> HttpResponse:
    # Pre-filled from the URL when the reader comes back with "Change".
    form = TriageForm(initial=request.GET.dict(), today=today())
    return render(request, "guide/triage_start.html", {"form": form})


def _detail_form(step1: TriageForm, data=None, initial=None) -> DetailForm:
    lang = get_language()
    options = [(key, label.get(lang)) for key, label in current().details[step1.cleaned_data["purpose"]]]
    return DetailForm(data, initial=initial, options=options)


def _step1_or_response(request: HttpRequest):
    """Validate step 1; answer with step 1 again, or the EU page, when it is not a pass."""
    step1 = _step1(request)
    if not step1.is_valid():
        return step1, render(request, "guide/triage_start.html", {"form": step1})
    citizenship = step1.cleaned_data["citizenship"]
    if triage.is_free_movement(current(), citizenship):
        return step1, render(request, "guide/eu_citizens.html", {"polish": citizenship == "PL", "from_triage": True})
    return step1, None


@cache_public_page
def triage_details(request: HttpRequest) -> HttpResponse:
    step1, response = _step1_or_response(request)
    if response:
        return response
    # Coming back with "Change" keeps the earlier choice selected.
    form = _detail_form(step1, initial={"detail": request.GET.get("detail")})
    return render(request, "guide/triage_details.html", _details_context(request, step1, form))


def _details_context(request, step1: TriageForm, form: DetailForm) -> dict:
    hidden = {k: v for k, v in request.GET.items() if k in step1.fields}
    return {"form": form, "step1": step1, "hidden": hidden, "change_query": urlencode(hidden)}


@cache_public_page
def triage_result(request: HttpRequest) -> HttpResponse:
    step1, response = _step1_or_response(request)
    if response:
        return response
    form = _detail_form(step1, data=request.GET)
    if not form.is_valid():
        return render(request, "guide/triage_details.html", _details_context(request, step1, form))
    answers = {**step1.cleaned_data, **form.cleaned_data}
    result = triage.recommend(current(), answers, today(), get_language())
    context = _details_context(request, step1, form)
    context.update({"result": result, "answers": answers, "today": today()})
    return render(request, "guide/triage_result.html", context)


@cache_public_page
def eu_citizens(request: HttpRequest) -> HttpResponse:
    return render(request, "guide/eu_citizens.html", {"polish": False})
