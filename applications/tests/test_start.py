from django.core import mail

from applications.models import Draft, hash_code

from .base import DraftTestCase


class StartTests(DraftTestCase):
    def test_starting_creates_a_draft_and_shows_the_code_once(self):
        response = self.client.post("/uk/apply/", {"email": ""})
        draft = Draft.objects.get()
        self.assertRedirects(response, f"/uk/apply/{draft.token}/created/", fetch_redirect_response=False)
        page = self.client.get(response["Location"]).content.decode()
        code = page.split('class="code">')[1].split("<")[0]
        self.assertEqual(draft.code_hash, hash_code(code))
        self.assertEqual(draft.language, "uk")
        self.assertNotIn('class="code"', self.client.get(response["Location"]).content.decode())

    def test_the_resume_link_and_code_are_emailed_when_an_address_is_given(self):
        self.client.post("/en/apply/", {"email": "anna@example.com"})
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn(str(Draft.objects.get().token), mail.outbox[0].body)

    def test_a_bad_email_is_explained_and_nothing_is_created(self):
        response = self.client.post("/en/apply/", {"email": "anna@"})
        self.assertContains(response, "There is a problem")
        self.assertFalse(Draft.objects.exists())

    def test_the_code_resumes_the_draft(self):
        draft = self.make_draft()
        response = self.client.post("/en/apply/resume/", {"code": self.code.lower()})
        self.assertRedirects(response, f"/en/apply/{draft.token}/", fetch_redirect_response=False)

    def test_a_wrong_code_is_explained(self):
        response = self.client.post("/en/apply/resume/", {"code": "AAAAAAAA"})
        self.assertContains(response, "No draft has this code")

    def test_an_expired_draft_is_gone(self):
        from django.utils import timezone

        draft = self.make_draft()
        Draft.objects.filter(pk=draft.pk).update(expires_at=timezone.now())
        self.assertEqual(self.client.get(self.url(draft, "purpose/")).status_code, 404)


class StartFromRecommendationTests(DraftTestCase):
    def test_the_recommended_procedure_sets_the_purpose(self):
        page = self.client.get("/en/apply/?procedure=trc-studies")
        self.assertContains(page, 'name="procedure" value="trc-studies"')
        self.client.post("/en/apply/", {"email": "", "procedure": "trc-studies"})
        self.assertEqual(Draft.objects.get().answers, {"purpose": "studies"})

    def test_an_unknown_procedure_is_ignored(self):
        self.client.post("/en/apply/", {"email": "", "procedure": "<script>"})
        self.assertEqual(Draft.objects.get().answers, {})
