import datetime as dt

from django.contrib.auth import get_user_model
from django.db import transaction
from django.http import HttpResponse, HttpResponseRedirect
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from applications.models import Draft
from django.template import engines
from django.urls import path

from konsultant.urls import handler404, handler500, urlpatterns as site_urls  # noqa: F401

# The baseline: a bare Django page with a small template and a small query,
# through the same middleware stack as every other page.
_template = engines["django"].from_string("<!DOCTYPE html><html lang='pl'><title>bare</title><p>{{ n }}</p></html>")


def bare(request):
    return HttpResponse(_template.render({"n": get_user_model().objects.filter(is_active=True).count()}))


@csrf_exempt
@require_POST
def bare_post(request, token):
    # The write-path baseline: one SELECT and one UPDATE of a draft row, no checks.
    draft = Draft.objects.get(token=token)
    draft.expires_at = timezone.now() + dt.timedelta(days=30)
    with transaction.atomic():
        draft.save(update_fields=["expires_at"])
    return HttpResponseRedirect("/bench/bare")


urlpatterns = [path("bench/bare", bare), path("bench/bare-post/<uuid:token>/", bare_post)] + site_urls
