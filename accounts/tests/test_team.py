from core.tests.base import CastTestCase


class TeamTests(CastTestCase):
    def test_only_managers_and_admins_see_the_team(self):
        self.assertRoleAccess("/en/staff/team/", {"manager", "admin"})

    def test_it_lists_active_staff_with_roles(self):
        self.client.force_login(self.manager)
        response = self.client.get("/en/staff/team/")
        self.assertContains(response, "konsultant")
        self.assertContains(response, "Leader / trainer")


class RoleModelTests(CastTestCase):
    def test_only_the_admin_role_reaches_the_django_admin(self):
        self.assertTrue(self.admin.is_staff and self.admin.is_superuser)
        for user in (self.consultant, self.leader, self.manager):
            self.assertFalse(user.is_staff or user.is_superuser)

    def test_changing_the_role_updates_admin_access(self):
        self.manager.role = "admin"
        self.manager.save(update_fields=["role"])
        self.manager.refresh_from_db()
        self.assertTrue(self.manager.is_staff)
