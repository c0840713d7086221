"""The OpenAPI document for /api/v1/, served at /api/v1/openapi.json."""

from django.http import JsonResponse

from catalogue.schema import LANGS

LANG_ENUM = list(LANGS)

FINDING = {
    "type": "object",
    "required": ["rule", "severity", "page", "fields", "message"],
    "properties": {
        "rule": {"type": "string", "description": "Stable rule ID: V01–V40 (legal-facts.md §4) or K-… (Konsultant's own)."},
        "severity": {"type": "string", "enum": ["error", "warning", "hint"], "description": "error blocks 'ready'."},
        "page": {"type": "string"},
        "fields": {"type": "array", "items": {"type": "string"}, "description": "Field keys; repeating groups as group[n].field."},
        "message": {"type": "string", "description": "How to fix it, in the requested language."},
    },
}

DOCUMENT = {
    "type": "object",
    "description": "An application document (docs/application-format.md).",
    "required": ["format", "format_version", "parts"],
    "properties": {
        "format": {"type": "string", "const": "konsultant/trc"},
        "format_version": {"type": "integer", "const": 1},
        "form_version": {"type": "string", "format": "date"},
        "language": {"type": "string", "enum": LANG_ENUM},
        "parts": {"type": "object", "additionalProperties": {"type": "object"}},
    },
}

LANG_PARAM = {"name": "lang", "in": "query", "schema": {"type": "string", "enum": LANG_ENUM, "default": "pl"}}
KB_PATHS = {
    "/api/v1/kb/search": {
        "get": {
            "summary": "Search the public knowledge base in any language; results come in the requested language where translated.",
            "parameters": [{"name": "q", "in": "query", "required": True, "schema": {"type": "string", "maxLength": 200}}, LANG_PARAM],
            "responses": {
                "200": {"description": "Up to 10 ranked answers.", "content": {"application/json": {"schema": {"type": "object", "properties": {
                    "query": {"type": "string"}, "lang": {"type": "string"},
                    "results": {"type": "array", "items": {"type": "object", "properties": {
                        "id": {"type": "string", "description": "The answer's stable slug."},
                        "title": {"type": "string"},
                        "language": {"type": "string", "description": "The variant's language; differs from lang when not yet translated."},
                        "snippet": {"type": "string"}, "url": {"type": "string"}, "score": {"type": "number"},
                    }}},
                }}}}},
                "400": {"description": "Unknown language."},
            },
        }
    },
    "/api/v1/kb/answers/{id}": {
        "get": {
            "summary": "One public answer, in the requested language or (labelled) in Polish.",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}, LANG_PARAM],
            "responses": {
                "200": {"description": "The answer.", "content": {"application/json": {"schema": {"type": "object", "properties": {
                    "id": {"type": "string"}, "language": {"type": "string"}, "translated": {"type": "boolean"},
                    "title": {"type": "string"}, "body": {"type": "string"},
                    "legal_basis": {"type": "array", "items": {"type": "string"}},
                    "review_by": {"type": "string", "format": "date"}, "unconfirmed": {"type": "boolean"}, "url": {"type": "string"},
                }}}}},
                "404": {"description": "No such public answer."},
            },
        }
    },
}  # fmt: skip

CTI_PATHS = {
    "/api/v1/cti/events": {
        "post": {
            "summary": "A call event from the office's PBX: ringing creates the call (and looks up the caller's history), "
            "answered assigns it, ended closes it (unanswered calls count as abandoned).",
            "security": [{"ctiToken": []}],
            "requestBody": {"required": True, "content": {"application/json": {"schema": {
                "type": "object", "required": ["event", "call_id"], "additionalProperties": True,
                "properties": {
                    "event": {"type": "string", "enum": ["ringing", "answered", "ended"]},
                    "call_id": {"type": "string", "minLength": 1, "maxLength": 100, "description": "The PBX's id of the call; events of one call share it."},
                    "caller": {"type": "string", "maxLength": 32, "description": "The caller's number, any common format (normalised to E.164)."},
                    "agent": {"type": "string", "description": "Username of the consultant who answered (answered events)."},
                    "at": {"type": "string", "format": "date-time", "description": "When it happened, with a time zone; default: on receipt."},
                    "language": {"type": "string", "enum": LANG_ENUM, "description": "The caller's choice in the voice menu, if any."},
                    "topic": {"type": "string", "enum": ["stay", "work", "employment", "citizenship", "other"], "description": "The caller's choice in the voice menu, if any."},
                },
            }}}},
            "responses": {
                "200": {"description": "The call as the desk sees it.", "content": {"application/json": {"schema": {"type": "object", "properties": {
                    "conversation": {"type": "string", "format": "uuid"},
                    "state": {"type": "string", "enum": ["queued", "offered", "active", "closed"]},
                    "previous_conversations": {"type": "integer", "description": "The caller's earlier conversations on any channel."},
                    "workspace_url": {"type": "string", "description": "Where the consultant sees the call and the caller's history."},
                }}}}},
                "400": {"description": "Malformed event; the body says why: {\"error\": \"…\"}."},
                "401": {"description": "Missing or wrong token."},
            },
        }
    },
}  # fmt: skip

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Konsultant API", "version": "1"},
    "paths": {
        "/api/v1/applications/check": {
            "post": {
                "summary": "Check one or more applications and return every finding.",
                "parameters": [
                    {"name": "lang", "in": "query", "schema": {"type": "string", "enum": LANG_ENUM, "default": "pl"}}
                ],
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": {"oneOf": [DOCUMENT, {"type": "array", "items": DOCUMENT, "maxItems": 1000}]}}},
                },
                "responses": {
                    "200": {
                        "description": "One result per document, in order.",
                        "content": {"application/json": {"schema": {"type": "object", "properties": {"results": {"type": "array", "items": {
                            "type": "object",
                            "properties": {
                                "index": {"type": "integer"},
                                "ready": {"type": "boolean"},
                                "score": {"type": "integer", "minimum": 0, "maximum": 100},
                                "import_problems": {"type": "array", "items": {"type": "string"}},
                                "findings": {"type": "array", "items": FINDING},
                            },
                        }}}}}},
                    },
                    "400": {"description": "Not JSON, or an unknown language.", "content": {"application/json": {"schema": {"type": "object", "properties": {"error": {"type": "string"}}}}}},
                    "413": {"description": "More than 1000 documents."},
                },
            }
        }
    },
}  # fmt: skip


SPEC["paths"].update(KB_PATHS)
SPEC["paths"].update(CTI_PATHS)
SPEC.setdefault("components", {}).setdefault("securitySchemes", {})["ctiToken"] = {
    "type": "http", "scheme": "bearer", "description": "The token set in CTI_TOKEN (Authorization: Bearer …).",
}  # fmt: skip


def openapi(request):
    return JsonResponse(SPEC)
