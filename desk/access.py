"""The one gate for conversations."""

from django.http import Http404

from accounts.permissions import ALL_STAFF, MANAGERS

from .models import Conversation, State


def get_conversation_for_user(user, public_id) -> tuple[Conversation, bool]:
    """The conversation and whether the user may act on it. Consultants see the
    queue, what is offered to them and their own; supervisors see everything."""
    if not user.is_authenticated or not user.has_role(*ALL_STAFF):
        raise Http404
    try:
        c = Conversation.objects.select_related("contact", "assigned_to").get(public_id=public_id)
    except (Conversation.DoesNotExist, ValueError):
        raise Http404
    supervisor = user.has_role(*MANAGERS)
    mine = c.assigned_to_id == user.pk or c.offered_to_id == user.pk
    if not (supervisor or mine or c.state == State.QUEUED):
        raise Http404
    return c, supervisor or (mine and c.state == State.ACTIVE)
