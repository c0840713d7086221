import json

from applications.outputs import export_data
from applications.definition import get_definitions

from .base import DraftTestCase
from .factory import TODAY, clean_work

URL = "/api/v1/applications/check"


def document(**changes) -> dict:
    return export_data(get_definitions().at("trc", TODAY), {**clean_work(), **changes}, "en")


class ApiTests(DraftTestCase):
    def post(self, body, lang="en"):
        return self.client.post(f"{URL}?lang={lang}", json.dumps(body), content_type="application/json")

    def test_it_returns_every_finding_with_rule_severity_fields_and_message(self):
        response = self.post([document(), document(email="", employer_nip="1")], "ru")
        results = response.json()["results"]
        self.assertEqual(results[0]["findings"], [])
        self.assertTrue(results[0]["ready"])
        rules = {f["rule"]: f for f in results[1]["findings"]}
        self.assertEqual(set(rules), {"V37", "K-NIP"})
        self.assertEqual(rules["V37"]["severity"], "error")
        self.assertEqual(rules["V37"]["fields"], ["email"])
        self.assertIn("MOS", rules["V37"]["message"])
        self.assertFalse(results[1]["ready"])

    def test_bad_requests_get_a_clear_error(self):
        self.assertEqual(self.client.post(URL, "{not json", content_type="application/json").status_code, 400)
        self.assertEqual(self.post({}, "de").status_code, 400)
        self.assertEqual(self.client.get(URL).status_code, 405)

    def test_garbage_documents_are_findings_not_errors(self):
        results = self.post([1, "x", {"parts": []}, {"format": "konsultant/trc", "parts": {"A": {"surname": ["a"]}}}]).json()["results"]
        self.assertEqual(len(results), 4)
        self.assertTrue(all(r["import_problems"] for r in results))

    def test_the_openapi_document_describes_it(self):
        spec = self.client.get("/api/v1/openapi.json").json()
        self.assertIn(URL, spec["paths"])
