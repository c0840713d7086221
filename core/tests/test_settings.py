import os
import subprocess
import sys

from django.conf import settings
from django.test import SimpleTestCase


def start(**env) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ALLOWED_HOSTS", "DEBUG")}
    return subprocess.run(
        [sys.executable, "-c", "import konsultant.settings as s; print(s.DEBUG)"],
        cwd=settings.BASE_DIR, env={**clean, **env}, capture_output=True, text=True,
    )  # fmt: skip


class SettingsTests(SimpleTestCase):
    def test_production_refuses_to_start_without_secret_key(self):
        proc = start(ALLOWED_HOSTS="example.org")
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("SECRET_KEY is required", proc.stderr)

    def test_production_refuses_to_start_without_allowed_hosts(self):
        proc = start(SECRET_KEY="s")
        self.assertIn("ALLOWED_HOSTS is required", proc.stderr)

    def test_debug_is_off_unless_asked(self):
        self.assertEqual(start(SECRET_KEY="s", ALLOWED_HOSTS="x").stdout.strip(), "False")
        self.assertEqual(start(DEBUG="true").stdout.strip(), "True")

    def test_booleans_are_parsed_strictly(self):
        proc = start(DEBUG="ture")
        self.assertIn("DEBUG must be true or false", proc.stderr)
