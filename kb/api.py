"""GET /api/v1/kb/search and /api/v1/kb/answers/{slug}: public answers only."""

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from .models import Answer
from .search import search as run_search


def _lang(request: HttpRequest) -> str | None:
    lang = request.GET.get("lang", "pl")
    return lang if lang in dict(settings.LANGUAGES) else None


def _url(slug: str, lang: str) -> str:
    with translation.override(lang):
        return reverse("kb:answer", args=[slug])


@require_GET
def search(request: HttpRequest) -> JsonResponse:
    lang = _lang(request)
    if lang is None:
        return JsonResponse({"error": "lang must be one of pl, en, ru, uk."}, status=400)
    hits = run_search(request.GET.get("q", "")[:200], lang, include_internal=False, limit=10)
    results = [
        {"id": h.slug, "title": h.title, "language": h.language, "snippet": h.snippet, "url": _url(h.slug, lang), "score": h.score}
        for h in hits
    ]
    return JsonResponse({"query": request.GET.get("q", "")[:200], "lang": lang, "results": results}, json_dumps_params={"ensure_ascii": False})


@require_GET
def answer(request: HttpRequest, slug: str) -> JsonResponse:
    lang = _lang(request)
    if lang is None:
        return JsonResponse({"error": "lang must be one of pl, en, ru, uk."}, status=400)
    item = Answer.objects.filter(audience="public").visible_to(request.user).filter(slug=slug).prefetch_related("variants").first()
    if item is None:
        return JsonResponse({"error": "No such answer."}, status=404)
    variant = item.variant(lang) or item.variant("pl")
    return JsonResponse(
        {
            "id": item.slug,
            "language": variant.language,
            "translated": variant.language == lang,
            "title": variant.title,
            "body": variant.body,
            "legal_basis": item.legal_basis,
            "review_by": item.review_by.isoformat(),
            "unconfirmed": item.unconfirmed,
            "url": _url(item.slug, lang),
        },
        json_dumps_params={"ensure_ascii": False},
    )
