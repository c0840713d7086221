"""The OpenAPI document for /api/v1/, served at /api/v1/openapi.json."""

from django.http import JsonResponse

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
        "language": {"type": "string", "enum": ["pl", "en", "ru", "uk"]},
        "parts": {"type": "object", "additionalProperties": {"type": "object"}},
    },
}

SPEC = {
    "openapi": "3.1.0",
    "info": {"title": "Konsultant API", "version": "1"},
    "paths": {
        "/api/v1/applications/check": {
            "post": {
                "summary": "Check one or more applications and return every finding.",
                "parameters": [
                    {"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["pl", "en", "ru", "uk"], "default": "pl"}}
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


def openapi(request):
    return JsonResponse(SPEC)
