import json

from django.test import override_settings

from desk.models import Conversation, Outcome, State, Topic

from .base import DeskTestCase

URL = "/api/v1/cti/events"


@override_settings(CTI_TOKEN="s3cret")
class CtiTests(DeskTestCase):
    def post(self, body, token="s3cret"):
        return self.client.post(URL, json.dumps(body) if not isinstance(body, str) else body, content_type="application/json", headers={"authorization": f"Bearer {token}"})

    def test_a_call_rings_is_answered_and_ends(self):
        r = self.post({"event": "ringing", "call_id": "c1", "caller": "+48 600 100 200"})
        self.assertEqual(r.status_code, 200)
        self.post({"event": "answered", "call_id": "c1", "agent": "konsultant", "at": "2026-12-01T10:00:00+01:00"})
        r = self.post({"event": "ended", "call_id": "c1", "at": "2026-12-01T10:04:30+01:00"})
        c = Conversation.objects.get()
        self.assertEqual((c.state, c.assigned_to, c.duration_seconds, c.outcome), (State.CLOSED, self.consultant, 270, Outcome.ANSWERED))
        self.assertEqual(c.contact.phone, "+48600100200")

    def test_an_unanswered_call_is_abandoned_and_history_follows_the_caller(self):
        self.post({"event": "ringing", "call_id": "c1", "caller": "600100200"})
        self.post({"event": "ended", "call_id": "c1"})
        self.assertEqual(Conversation.objects.get().outcome, Outcome.ABANDONED)
        r = self.post({"event": "ringing", "call_id": "c2", "caller": "+48600100200"})
        self.assertEqual(r.json()["previous_conversations"], 1)

    def test_a_wrong_or_missing_token_is_401(self):
        self.assertEqual(self.post({"event": "ringing", "call_id": "x"}, token="nope").status_code, 401)
        self.assertEqual(self.client.post(URL, "{}", content_type="application/json").status_code, 401)

    def test_malformed_events_are_400_with_the_reason(self):
        for body, reason in [
            ("{not json", "not JSON"), ([], "JSON object"), ({"event": "hangup", "call_id": "x"}, "event must be"),
            ({"event": "ringing"}, "call_id"), ({"event": "answered", "call_id": "x", "agent": "ghost"}, "unknown agent"),
            ({"event": "ended", "call_id": "x", "at": "yesterday"}, "ISO 8601"), ({"event": "ended", "call_id": "x", "at": "2026-12-01T10:00:00"}, "time zone"),
            ({"event": "ringing", "call_id": "x", "language": "de"}, "language must be"), ({"event": "ringing", "call_id": "x", "topic": "visa"}, "topic must be"),
        ]:  # fmt: skip
            with self.subTest(reason=reason):
                r = self.post(body)
                self.assertEqual(r.status_code, 400)
                self.assertIn(reason, r.json()["error"])
        self.assertFalse(Conversation.objects.exists())

    def test_the_voice_menu_choice_sets_the_calls_language_and_topic(self):
        self.post({"event": "ringing", "call_id": "c9", "caller": "+380 67 123 45 67", "language": "uk", "topic": "work"})
        c = Conversation.objects.get()
        self.assertEqual((c.language, c.topic, c.contact.language), ("uk", "work", "uk"))
        # Chosen a step later (e.g. the menu runs after the first event): the call follows.
        self.post({"event": "answered", "call_id": "c9", "agent": "konsultant", "language": "ru"})
        c.refresh_from_db()
        self.assertEqual((c.language, c.topic), ("ru", "work"))

    def test_without_a_voice_menu_the_call_gets_the_callers_known_language(self):
        self.post({"event": "ringing", "call_id": "c10", "caller": "+48 600 100 201"})
        self.assertEqual((Conversation.objects.get().language, Conversation.objects.get().topic), ("pl", "other"))

    def test_the_openapi_document_describes_it(self):
        spec = self.client.get("/api/v1/openapi.json").json()
        post = spec["paths"]["/api/v1/cti/events"]["post"]
        schema = post["requestBody"]["content"]["application/json"]["schema"]
        self.assertEqual(schema["required"], ["event", "call_id"])
        self.assertEqual(set(schema["properties"]), {"event", "call_id", "caller", "agent", "at", "language", "topic"})
        self.assertEqual(schema["properties"]["event"]["enum"], ["ringing", "answered", "ended"])
        self.assertEqual(schema["properties"]["topic"]["enum"], list(Topic.values))  # no drift from the model
        self.assertEqual(set(post["responses"]), {"200", "400", "401"})
        self.assertEqual(spec["components"]["securitySchemes"]["ctiToken"]["scheme"], "bearer")
        self.assertEqual(post["security"], [{"ctiToken": []}])

