import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from accounts.permissions import ALL_STAFF, role_required

from .registry import get_catalogue, today


def _preview_date(request: HttpRequest) -> tuple[dt.date, str | None]:
    raw = request.GET.get("date", "")
    if not raw:
        return today(), None
    try:
        return dt.date.fromisoformat(raw), None
    except ValueError:
        return today(), _("Enter the date as YYYY-MM-DD, for example 2026-04-27.")


@role_required(*ALL_STAFF)
def staff_catalogue(request: HttpRequest) -> HttpResponse:
    """The catalogue as staff see it: every procedure with its unconfirmed facts flagged,
    on any date (to check what a future or past change of the law means)."""
    date, error = _preview_date(request)
    catalogue = get_catalogue()
    try:
        snapshot = catalogue.at(date)
    except LookupError:
        snapshot, error = catalogue.at(today()), _("The catalogue has no data for that date.")
        date = today()
    rows = [(p, snapshot.channels[p.filing], snapshot.fees_for(p), catalogue.history(p.slug)) for p in snapshot.procedure_list()]
    context = {"rows": rows, "snapshot": snapshot, "date": date, "date_error": error}
    return render(request, "catalogue/staff_catalogue.html", context)
