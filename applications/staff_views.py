import csv
import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import get_language

from accounts.permissions import ALL_STAFF, MANAGERS, role_required

from . import outputs, stats
from .access import get_draft_for_staff
from .forms import ResumeForm


@role_required(*ALL_STAFF)
def lookup(request: HttpRequest) -> HttpResponse:
    """A consultant opens an applicant's draft, read-only, with the code the applicant gave."""
    form = ResumeForm(request.POST or None)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        draft = get_draft_for_staff(request.user, form.cleaned_data["code"])
        if draft is None:
            form.add_error("code", _("No draft has this code, or it has expired."))
        else:
            lang = get_language()
            definition = outputs.definition_for(draft)
            context.update(
                {
                    "draft": draft,
                    "summary": outputs.summary(definition, draft.answers, lang),
                    **outputs.report_context(draft, lang),
                }
            )
    return render(request, "applications/staff_lookup.html", context)


def _since(request: HttpRequest) -> dt.date:
    try:
        days = max(1, min(366, int(request.GET.get("days", 30))))
    except ValueError:
        days = 30
    return timezone.localdate() - dt.timedelta(days=days - 1)


@role_required(*MANAGERS)
def quality(request: HttpRequest) -> HttpResponse:
    since = _since(request)
    rules = stats.top_rules(since)
    top = max((r["count"] for r in rules), default=1)
    context = {
        "since": since,
        "rules": [{**r, "width": round(100 * r["count"] / top)} for r in rules],
        "by_lang": stats.by_language_and_purpose(since),
        "funnel": stats.funnel(since),
        "ready": stats.ready_share(since),
    }
    return render(request, "applications/quality.html", context)


@role_required(*MANAGERS)
def quality_csv(request: HttpRequest) -> HttpResponse:
    since = _since(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="jakosc-wnioskow.csv"'
    writer = csv.writer(response)
    writer.writerow(["rule", "language", "purpose", "count"])
    for row in stats.by_language_and_purpose(since):
        writer.writerow([row["rule"], row["language"], row["purpose"], row["count"]])
    return response
