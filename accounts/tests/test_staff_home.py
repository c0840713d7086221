from core.tests.base import CastTestCase


class StaffHomeTests(CastTestCase):
    def test_every_staff_role_may_enter(self):
        self.assertRoleAccess("/pl/staff/", {"consultant", "leader", "manager", "admin"})

    def test_links_follow_the_role(self):
        self.client.force_login(self.consultant)
        response = self.client.get("/en/staff/")
        self.assertNotContains(response, 'href="/en/staff/team/"')
        self.assertNotContains(response, 'href="/admin/"')
        self.client.force_login(self.admin)
        response = self.client.get("/en/staff/")
        self.assertContains(response, 'href="/en/staff/team/"')
        self.assertContains(response, 'href="/admin/"')
