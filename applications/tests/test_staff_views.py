from applications.models import DraftAccess, QualityEvent

from .base import DraftTestCase


class StaffLookupTests(DraftTestCase):
    def test_every_staff_role_may_open_the_lookup(self):
        self.assertRoleAccess("/en/staff/applications/", {"consultant", "leader", "manager", "admin"})

    def test_a_consultant_opens_a_draft_read_only_and_it_is_logged(self):
        draft = self.make_draft()
        self.client.force_login(self.consultant)
        response = self.client.post("/en/staff/applications/", {"code": self.code})
        self.assertContains(response, "KOVALENKO")
        self.assertContains(response, "Readiness")
        self.assertNotContains(response, 'name="surname"')
        access = DraftAccess.objects.get()
        self.assertEqual((access.user, access.draft_token), (self.consultant, draft.token))

    def test_a_wrong_code_is_explained_and_not_logged(self):
        self.client.force_login(self.consultant)
        self.assertContains(self.client.post("/en/staff/applications/", {"code": "ZZZZZZZZ"}), "No draft has this code")
        self.assertFalse(DraftAccess.objects.exists())


class QualityDashboardTests(DraftTestCase):
    def test_only_managers_see_it(self):
        self.assertRoleAccess("/en/staff/applications/quality/", {"manager", "admin"})

    def test_it_counts_rules_and_exports_csv(self):
        draft = self.make_draft({"purpose": "work"})
        self.client.post(self.url(draft, "personal/"), {"surname": "КОВАЛЕНКО", "continue": "1"})
        self.client.force_login(self.manager)
        response = self.client.get("/en/staff/applications/quality/")
        self.assertContains(response, "K-NAME-LATIN")
        csv = self.client.get("/en/staff/applications/quality.csv").content.decode()
        self.assertIn("K-NAME-LATIN,en,work,1", csv)
        self.assertEqual(QualityEvent.objects.filter(rule="K-NAME-LATIN").count(), 1)
