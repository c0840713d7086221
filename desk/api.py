"""POST /api/v1/cti/events: call events from any PBX, authenticated by a token."""

import datetime as dt
import hmac
import json
import logging

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts.models import User
from catalogue.schema import LANGS

from . import actions
from .models import Topic

log = logging.getLogger(__name__)
EVENTS = ("ringing", "answered", "ended")


def _refuse(reason: str, status: int = 400) -> JsonResponse:
    # The reason only: never the caller's number or other personal data.
    log.warning("CTI event refused: %s", reason)
    return JsonResponse({"error": reason}, status=status)


def _authorised(request: HttpRequest) -> bool:
    token = settings.CTI_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return bool(token) and hmac.compare_digest(given.encode(), token.encode())


@csrf_exempt  # machine-to-machine, authenticated by the token, no cookies
@require_POST
def cti_events(request: HttpRequest) -> JsonResponse:
    if not _authorised(request):
        return _refuse("missing or wrong token", 401)
    try:
        data = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _refuse("body is not JSON")
    if not isinstance(data, dict):
        return _refuse("body must be a JSON object")
    event, call_id = data.get("event"), data.get("call_id")
    if event not in EVENTS:
        return _refuse(f"event must be one of {', '.join(EVENTS)}")
    if not isinstance(call_id, str) or not 0 < len(call_id) <= 100:
        return _refuse("call_id must be a string of 1–100 characters")
    caller = data.get("caller", "")
    if not isinstance(caller, str) or len(caller) > 32:
        return _refuse("caller must be a phone number")
    agent = None
    if data.get("agent"):
        agent = User.objects.filter(username=str(data["agent"])[:150], is_active=True).first()
        if agent is None:
            return _refuse("unknown agent")
    # What the caller chose in the PBX's voice menu ("press 1 for Polish…"),
    # if it has one: the call then reaches the desk in that language and topic.
    language, topic = data.get("language", ""), data.get("topic", "")
    if language and language not in LANGS:
        return _refuse(f"language must be one of {', '.join(LANGS)}")
    if topic and topic not in Topic.values:
        return _refuse(f"topic must be one of {', '.join(Topic.values)}")
    at = None
    if data.get("at"):
        try:
            at = dt.datetime.fromisoformat(str(data["at"]))
        except ValueError:
            return _refuse("at must be an ISO 8601 timestamp")
        if at.tzinfo is None:
            return _refuse("at must include a time zone")
    conversation = actions.cti_event(event, call_id, caller, agent, at, language=language, topic=topic)
    history = conversation.contact.conversations.exclude(pk=conversation.pk).count()
    return JsonResponse(
        {
            "conversation": str(conversation.public_id),
            "state": conversation.state,
            "previous_conversations": history,
            "workspace_url": f"/pl/staff/desk/c/{conversation.public_id}/",
        }
    )
