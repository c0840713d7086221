from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from konsultant.urls import handler404, handler500, urlpatterns as site_urls  # noqa: F401

# The baseline: a bare Django page with a small template and a small query,
# through the same middleware stack as every other page.
_template = engines["django"].from_string("<!DOCTYPE html><html lang='pl'><title>bare</title><p>{{ n }}</p></html>")


def bare(request):
    return HttpResponse(_template.render({"n": get_user_model().objects.filter(is_active=True).count()}))


urlpatterns = [path("bench/bare", bare)] + site_urls
