"""POST /api/v1/applications/check: findings for one or more application files."""

import json

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils import timezone, translation
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from catalogue.registry import today

from .definition import get_definitions
from .engine import check_application, readiness
from .outputs import import_data

MAX_BATCH = 1000


def check_documents(documents: list, lang: str) -> list[dict]:
    """Shared by the API and the check_applications command."""
    definition = get_definitions().at("trc", today())
    results = []
    with translation.override(lang):
        for index, document in enumerate(documents):
            answers, problems = import_data(definition, document)
            findings = check_application(definition, answers, timezone.localdate(), lang)
            state = readiness(findings)
            results.append(
                {
                    "index": index,
                    "ready": state["ready"],
                    "score": state["score"],
                    "import_problems": problems,
                    "findings": [f.as_json() for f in findings],
                }
            )
    return results


def _error(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@csrf_exempt  # a machine API: no cookies, no session, nothing to forge
@require_POST
def check(request: HttpRequest) -> JsonResponse:
    lang = request.GET.get("lang", "pl")
    if lang not in dict(settings.LANGUAGES):
        return _error("lang must be one of pl, en, ru, uk.")
    try:
        body = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _error("The body must be JSON (UTF-8): one application document or a list of them.")
    documents = body if isinstance(body, list) else [body]
    if len(documents) > MAX_BATCH:
        return _error(f"At most {MAX_BATCH} applications per request.", 413)
    return JsonResponse({"results": check_documents(documents, lang)}, json_dumps_params={"ensure_ascii": False})
