from django.test import TestCase

from accounts.models import Role, User


class CastTestCase(TestCase):
    """A test case with one member of staff per role (healthchecks' cast pattern)."""

    @classmethod
    def setUpTestData(cls):
        cls.consultant = User.objects.create_user("konsultant", password="pw", role=Role.CONSULTANT)
        cls.leader = User.objects.create_user("lider", password="pw", role=Role.LEADER)
        cls.manager = User.objects.create_user("kierownik", password="pw", role=Role.MANAGER)
        cls.admin = User.objects.create_user("admin", password="pw", role=Role.ADMIN)
        cls.cast = {"consultant": cls.consultant, "leader": cls.leader, "manager": cls.manager, "admin": cls.admin}

    def assertRoleAccess(self, url: str, allowed: set[str]):
        """Anonymous → login redirect; each role → 200 if allowed, else 403."""
        self.client.logout()
        response = self.client.get(url)
        self.assertEqual(response.status_code, 302, "anonymous")
        self.assertIn("/staff/login/", response["Location"])
        for name, user in self.cast.items():
            self.client.force_login(user)
            response = self.client.get(url)
            self.assertEqual(response.status_code, 200 if name in allowed else 403, name)
        self.client.logout()
