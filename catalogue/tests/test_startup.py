import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

from catalogue.loader import DATA_DIR


class StartupTests(SimpleTestCase):
    def test_a_bad_catalogue_file_stops_start_up_naming_file_and_key(self):
        tmp = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, tmp)
        shutil.copytree(DATA_DIR, tmp / "data")
        bad = tmp / "data" / "fees" / "2025-12-01.toml"
        bad.write_text(bad.read_text().replace("amount = 170", 'amount = "170"', 1))
        env = {**os.environ, "CATALOGUE_DATA_DIR": str(tmp / "data"), "SECRET_KEY": "x", "ALLOWED_HOSTS": "x"}
        proc = subprocess.run(
            [sys.executable, "manage.py", "check"], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True
        )
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("fees/2025-12-01.toml: fees.trc_seasonal.amount: must be a whole number", proc.stderr)
