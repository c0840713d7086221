from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language_from_path
from django.views.decorators.cache import never_cache


def root(request: HttpRequest) -> HttpResponse:
    # Cookie (the last language read), then Accept-Language, then Polish.
    lang = translation.get_language_from_request(request, check_path=False)
    with translation.override(lang):
        return HttpResponseRedirect(reverse("guide:home"))


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


def not_found(request: HttpRequest, exception=None) -> HttpResponse:
    # A page under a known language prefix answers in that language; anything
    # else (e.g. /de/...) answers in Polish, the office's language, with links
    # to the four languages.
    lang = get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    with translation.override(lang):
        links = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                links.append(
                    {
                        "code": code,
                        "name": translation.get_language_info(code)["name_local"],
                        "url": reverse("guide:home"),
                    }
                )
        return render(request, "404.html", {"home_links": links}, status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
