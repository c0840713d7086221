import datetime as dt
import json
import tempfile
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.utils import timezone

from applications.definition import get_definitions
from applications.models import Draft
from applications.outputs import export_data

from .base import DraftTestCase
from .factory import TODAY, clean_work


class CheckApplicationsCommandTests(DraftTestCase):
    def test_it_prints_findings_for_each_file(self):
        tmp = Path(tempfile.mkdtemp())
        definition = get_definitions().at("trc", TODAY)
        (tmp / "a.json").write_text(json.dumps(export_data(definition, clean_work(), "en")))
        (tmp / "b.json").write_text(json.dumps([export_data(definition, {**clean_work(), "surname": ""}, "en")]))
        out = StringIO()
        call_command("check_applications", str(tmp / "a.json"), str(tmp / "b.json"), "--lang", "en", stdout=out)
        results = json.loads(out.getvalue())
        self.assertEqual([r["findings"] for r in results][0], [])
        self.assertEqual([f["rule"] for f in results[1]["findings"]], ["V01"])


class PurgeDraftsCommandTests(DraftTestCase):
    def test_it_deletes_only_expired_drafts(self):
        old, fresh = self.make_draft(), self.make_draft()
        Draft.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
        out = StringIO()
        call_command("purge_drafts", stdout=out)
        self.assertEqual(list(Draft.objects.values_list("pk", flat=True)), [fresh.pk])
        self.assertIn("Deleted 1", out.getvalue())
