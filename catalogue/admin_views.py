from django.contrib import admin
from django.shortcuts import render
from django.utils.translation import gettext as _

from .registry import current, get_catalogue


def catalogue_overview(request):
    """Admin page: every procedure, its versions and source files, fees and filing."""
    snapshot = current()
    catalogue = get_catalogue()
    rows = [(p, catalogue.history(p.slug), snapshot.fees_for(p)) for p in snapshot.procedure_list()]
    context = {
        **admin.site.each_context(request),
        "title": _("Procedure catalogue"),
        "rows": rows,
        "snapshot": snapshot,
        "fee_dates": catalogue.fee_schedules.dates,
        "filing_dates": catalogue.filing_schedules.dates,
    }
    return render(request, "admin/catalogue.html", context)
