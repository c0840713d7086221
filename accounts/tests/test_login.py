from django.conf import settings
from django.test import TestCase

from core.tests.base import CastTestCase

URL = "/en/staff/login/"


class LoginTests(CastTestCase):
    def test_staff_log_in_and_land_in_the_staff_area(self):
        response = self.client.post(URL, {"username": "konsultant", "password": "pw"})
        self.assertRedirects(response, "/en/staff/")

    def test_a_wrong_password_shows_the_error_summary(self):
        response = self.client.post(URL, {"username": "konsultant", "password": "nope"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "There is a problem")
        self.assertContains(response, 'value="konsultant"')

    def test_repeated_failures_lock_the_account_out(self):
        for _ in range(settings.AXES_FAILURE_LIMIT):
            self.client.post(URL, {"username": "konsultant", "password": "nope"})
        # Even the right password is refused now.
        response = self.client.post(URL, {"username": "konsultant", "password": "pw"})
        self.assertEqual(response.status_code, 429)
        self.assertContains(response, "Too many failed logins", status_code=429)

    def test_behind_a_proxy_the_lockout_is_per_visitor_address(self):
        with self.settings(PROXY_COUNT=1):
            for _ in range(settings.AXES_FAILURE_LIMIT):
                self.client.post(URL, {"username": "konsultant", "password": "nope"}, HTTP_X_FORWARDED_FOR="198.51.100.7")
            locked = self.client.post(URL, {"username": "konsultant", "password": "pw"}, HTTP_X_FORWARDED_FOR="198.51.100.7")
            # The same proxy, another person: not locked out by someone else's failures.
            other = self.client.post(URL, {"username": "konsultant", "password": "pw"}, HTTP_X_FORWARDED_FOR="198.51.100.8")
        self.assertEqual(locked.status_code, 429)
        self.assertRedirects(other, "/en/staff/")

    def test_logout_is_a_post(self):
        self.client.force_login(self.consultant)
        self.assertEqual(self.client.get("/en/staff/logout/").status_code, 405)
        self.assertRedirects(self.client.post("/en/staff/logout/"), "/en/staff/login/")


class PasswordHashingTests(TestCase):
    def test_production_hashes_with_argon2(self):
        # The test runner swaps in a fast hasher; the settings file must not.
        from konsultant import settings as project_settings

        self.assertEqual(project_settings.PASSWORD_HASHERS[0], "django.contrib.auth.hashers.Argon2PasswordHasher")
