"""The one gate for knowledge-base answers."""

from django.http import Http404

from accounts.permissions import ALL_STAFF, EDITORS


def is_staff(user) -> bool:
    return user.is_authenticated and user.has_role(*ALL_STAFF)


def is_editor(user) -> bool:
    return user.is_authenticated and user.has_role(*EDITORS)


def get_answer_for_user(user, slug: str, edit: bool = False):
    """Readers: published answers (internal ones for staff only). Editors: any
    answer, also drafts. 404 for everything else, so drafts are not revealed."""
    from .models import Answer

    qs = Answer.objects.prefetch_related("variants")
    if edit:
        if not is_editor(user):
            raise Http404
    else:
        qs = qs.visible_to(user) if not is_editor(user) else qs
    try:
        return qs.get(slug=slug)
    except Answer.DoesNotExist:
        raise Http404
