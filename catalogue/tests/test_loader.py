import shutil
import tempfile
from pathlib import Path

from django.test import SimpleTestCase

from catalogue.loader import DATA_DIR, load_catalogue
from catalogue.schema import LANGS, CatalogueError


class LoaderTests(SimpleTestCase):
    """A bad data file stops loading with a message naming the file and the key."""

    def setUp(self):
        self.dir = Path(tempfile.mkdtemp())
        self.addCleanup(shutil.rmtree, self.dir)
        self.data = self.dir / "data"
        shutil.copytree(DATA_DIR, self.data)
        self.proc = self.data / "procedures" / "trc-work" / "2025-06-01.toml"

    def edit(self, path: Path, old: str, new: str):
        text = path.read_text()
        self.assertIn(old, text)
        path.write_text(text.replace(old, new, 1))

    def assertFails(self, file_part: str, key_part: str) -> CatalogueError:
        with self.assertRaises(CatalogueError) as ctx:
            load_catalogue(self.data)
        self.assertIn(file_part, ctx.exception.path)
        self.assertIn(key_part, ctx.exception.key)
        return ctx.exception

    def test_it_loads_every_file_in_the_repository(self):
        catalogue = load_catalogue(DATA_DIR)
        files = list(DATA_DIR.glob("procedures/*/*.toml"))
        self.assertEqual(sum(len(v.items) for v in catalogue.procedures.values()), len(files))
        for versions in catalogue.procedures.values():
            for version in versions.items:
                for lang in LANGS:
                    self.assertTrue(version.title.get(lang))

    def test_it_names_a_missing_translation(self):
        self.edit(self.proc, 'uk = "Дозвіл на тимчасове перебування і роботу (єдиний дозвіл)"', 'uk = ""')
        error = self.assertFails("trc-work/2025-06-01.toml", "title.uk")
        self.assertIn("four languages", error.message)

    def test_it_refuses_an_unknown_key(self):
        self.edit(self.proc, "decision_days = 60", "decision_days = 60\natachments = 1")
        self.assertFails("trc-work", "atachments")

    def test_it_refuses_a_missing_required_key(self):
        self.edit(self.proc, 'filing = "residence"\n', "")
        error = self.assertFails("trc-work", "filing")
        self.assertEqual(error.message, "is missing")

    def test_it_refuses_a_value_outside_the_vocabulary(self):
        self.edit(self.proc, 'deadline = "last_day_of_legal_stay"', 'deadline = "tomorrow"')
        error = self.assertFails("trc-work", "deadline")
        self.assertIn("last_day_of_legal_stay", error.message)

    def test_it_refuses_a_fee_missing_from_a_schedule(self):
        self.edit(self.proc, 'fees = ["trc_work", "residence_card"]', 'fees = ["trc_wrok", "residence_card"]')
        error = self.assertFails("trc-work", "fees")
        self.assertIn("trc_wrok", error.message)

    def test_it_refuses_a_file_not_named_by_date(self):
        shutil.copy(self.proc, self.proc.with_name("latest.toml"))
        self.assertFails("latest.toml", "file name")

    def test_it_reports_toml_syntax_errors(self):
        self.edit(self.proc, 'kind = "temporary_residence"', 'kind = "temporary_residence')
        self.assertFails("trc-work", "syntax")

    def test_it_refuses_a_negative_amount(self):
        fees = self.data / "fees" / "2025-12-01.toml"
        self.edit(fees, "amount = 440", "amount = -440")
        self.assertFails("fees/2025-12-01.toml", "fees.trc_work.amount")

    def test_it_refuses_a_triage_rule_for_an_unknown_procedure(self):
        triage = self.data / "triage" / "2025-06-01.toml"
        self.edit(triage, 'recommend = "trc-work"', 'recommend = "trc-wrk"')
        self.assertFails("triage", "rules")

    def test_it_refuses_a_triage_detail_not_declared_for_the_purpose(self):
        triage = self.data / "triage" / "2025-06-01.toml"
        self.edit(triage, 'detail = "employee"', 'detail = "student"')
        self.assertFails("triage", "detail")
