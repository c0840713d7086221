"""The permission gate for drafts: the one place that turns a token or a resume
code into a draft, for the applicant or for staff."""

from django.http import Http404
from django.utils import timezone

from accounts.permissions import ALL_STAFF

from .models import Draft, DraftAccess, hash_code


def get_draft_for_applicant(token) -> Draft:
    """Whoever holds the secret resume link is the applicant; an expired draft is gone."""
    try:
        return Draft.objects.get(token=token, expires_at__gt=timezone.now())
    except Draft.DoesNotExist:
        raise Http404


def find_draft_by_code(code: str) -> Draft | None:
    return Draft.objects.filter(code_hash=hash_code(code), expires_at__gt=timezone.now()).first()


def get_draft_for_staff(user, code: str) -> Draft | None:
    """Staff open a draft read-only with the code the applicant gave them; every
    opening is logged (who, when, which draft)."""
    if not user.is_authenticated or not user.has_role(*ALL_STAFF):
        raise Http404
    draft = find_draft_by_code(code)
    if draft is not None:
        DraftAccess.objects.create(user=user, draft_token=draft.token)
    return draft
