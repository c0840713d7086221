"""The page an e-mail contact reaches from the survey mail (desk/survey.py):
anonymous, the signed token is the only key. Works without JavaScript."""

from django.conf import settings
from django.core import signing
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from . import survey
from .forms import RatingForm


@never_cache  # the page is one person's, and shows their current rating
def rate(request: HttpRequest, token: str) -> HttpResponse:
    try:
        public_id = survey.read_token(token)
    except signing.SignatureExpired:
        # Gone rather than not found: the link was real, its time is over.
        return render(request, "desk/survey.html", {"expired": True, "days": settings.SURVEY_LINK_DAYS}, status=410)
    except signing.BadSignature:
        raise Http404  # the site's 404 page, in the language of the path
    c = get_object_or_404(survey.rateable(), public_id=public_id)
    # A rating can be changed while the link is valid: a mis-click on a radio
    # button is easy to make, and the last opinion is the one worth counting.
    form = RatingForm(request.POST if request.method == "POST" else None, initial={"rating": c.satisfaction})
    if request.method == "POST" and form.is_valid():
        if not survey.rate(c.public_id, form.cleaned_data["rating"]):
            raise Http404  # reopened between the page and the post
        return redirect(f"{request.path}?thanks=1")  # POST/redirect/GET
    thanks = bool(request.GET.get("thanks")) and c.satisfaction is not None
    return render(request, "desk/survey.html", {"c": c, "form": form, "thanks": thanks})

