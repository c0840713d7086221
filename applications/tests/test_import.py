import io
import json

from applications.models import Draft

from .base import DraftTestCase


def upload(data) -> io.BytesIO:
    f = io.BytesIO(json.dumps(data).encode() if not isinstance(data, bytes) else data)
    f.name = "wniosek.json"
    return f


class ImportTests(DraftTestCase):
    def test_an_exported_file_round_trips(self):
        draft = self.make_draft()
        exported = json.loads(self.client.get(self.url(draft, "export.json")).content)
        response = self.client.post("/en/apply/import/", {"file": upload(exported)})
        new = Draft.objects.exclude(pk=draft.pk).get()
        self.assertRedirects(response, f"/en/apply/{new.token}/created/", fetch_redirect_response=False)
        self.assertEqual(new.answers, {k: v for k, v in draft.answers.items() if v not in ("", [])})

    def test_every_problem_is_reported(self):
        data = {
            "format": "konsultant/trc",
            "format_version": 1,
            "parts": {"A": {"surname": "KOVALENKO", "height_cm": 180, "shoe_size": "44", "authority": "14"}, "X": "oops"},
        }
        self.client.post("/en/apply/import/", {"file": upload(data)})
        page = self.client.get(f"/en/apply/{Draft.objects.get().token}/created/").content.decode()
        self.assertIn("Unknown field shoe_size in part A", page)
        self.assertIn("Field height_cm should be text", page)
        self.assertIn("Field authority belongs to part Do, not A", page)
        self.assertIn("Part X is not an object", page)
        self.assertEqual(Draft.objects.get().answers["height_cm"], "180")

    def test_a_file_that_is_not_json_is_refused_politely(self):
        response = self.client.post("/en/apply/import/", {"file": upload(b"\xff\xfe not json")})
        self.assertContains(response, "The file is not valid JSON")
        self.assertFalse(Draft.objects.exists())
