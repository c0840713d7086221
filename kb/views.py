import re
from collections import defaultdict

from django.db.models import Count, F, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from .access import get_answer_for_user, is_editor, is_staff
from .forms import TOPIC_LABELS, FeedbackForm
from .models import LANGS, Answer, Feedback, SearchGap
from .search import search

MAX_QUERY = 200


def _variant(answer: Answer, lang: str):
    variant = answer.variant(lang) or answer.variant("pl") or next(iter(answer.variants.all()), None)
    return variant


def index(request: HttpRequest) -> HttpResponse:
    lang = get_language()
    answers = Answer.objects.visible_to(request.user).prefetch_related("variants")
    groups = defaultdict(list)
    for answer in answers:
        variant = _variant(answer, lang)
        if variant:
            groups[answer.topic].append((answer, variant))
    topics = [(key, TOPIC_LABELS[key], sorted(groups[key], key=lambda av: av[1].title)) for key in TOPIC_LABELS if groups[key]]
    return render(request, "kb/index.html", {"topics": topics})


def _gap_query(query: str) -> str:
    # No digits (document, phone or case numbers) and no more than 100 characters.
    return re.sub(r"\d", "", query).strip().casefold()[:100]


def search_page(request: HttpRequest) -> HttpResponse:
    lang = get_language()
    query = request.GET.get("q", "")[:MAX_QUERY]
    hits = search(query, lang, include_internal=is_staff(request.user)) if query.strip() else []
    if query.strip() and not hits and _gap_query(query):
        gap, _ = SearchGap.objects.get_or_create(query=_gap_query(query), language=lang)
        SearchGap.objects.filter(pk=gap.pk).update(count=F("count") + 1)
    return render(request, "kb/search.html", {"query": query, "hits": hits})


def answer(request: HttpRequest, slug: str) -> HttpResponse:
    lang = get_language()
    item = get_answer_for_user(request.user, slug)
    variant = item.variant(lang)
    fallback = variant is None
    if fallback:
        variant = item.variant("pl") or next(iter(item.variants.all()))
    context = {
        "answer": item,
        "variant": variant,
        "fallback": fallback,
        "languages": [code for code in LANGS if item.variant(code)],
        "status": item.translation_status(),
        "thanks": request.GET.get("thanks"),
        "staff": is_staff(request.user),
        "editor": is_editor(request.user),
        "due": item.review_by < timezone.localdate(),
    }
    return render(request, "kb/answer.html", context)


@require_POST
def feedback(request: HttpRequest, slug: str) -> HttpResponse:
    item = get_answer_for_user(request.user, slug)
    form = FeedbackForm(request.POST)
    if form.is_valid():
        Feedback.objects.create(answer=item, language=get_language(), helpful=form.cleaned_data["helpful"])
    return redirect(f"{request.path.rsplit('feedback/', 1)[0]}?thanks=1#feedback")


def gap_report_data(since):
    gaps = SearchGap.objects.filter(last_seen__gte=since).order_by("-count")[:50]
    unhelpful = (
        Answer.objects.annotate(
            no=Count("feedback", filter=Q(feedback__helpful=False, feedback__day__gte=since)),
            yes=Count("feedback", filter=Q(feedback__helpful=True, feedback__day__gte=since)),
        )
        .filter(no__gt=0)
        .order_by("-no")[:50]
    )
    return gaps, unhelpful

