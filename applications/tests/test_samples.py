"""Realistic sample applications (applications/tests/samples/*.json) run through the checks.

Each sample is an exported application file (docs/application-format.md) with two
extra keys: "today", the date the check runs on, and "expected", the sorted rule IDs
a careful office clerk would flag. The expectations were decided from the rules'
meaning, not by running the engine: when they differ, the engine is suspect.
"""

import datetime as dt
import json
from functools import cache
from pathlib import Path

from django.test import TestCase

from applications import engine, outputs
from applications.definition import get_definitions

SAMPLES_DIR = Path(__file__).resolve().parent / "samples"
CLEAN_PURPOSES = {"work", "blue_card", "studies", "family_reunification", "business", "research", "seasonal", "family_polish"}


@cache
def samples() -> tuple[tuple[str, dict], ...]:
    return tuple((path.stem, json.loads(path.read_text(encoding="utf-8"))) for path in sorted(SAMPLES_DIR.glob("*.json")))


def today_of(data: dict) -> dt.date:
    return dt.date.fromisoformat(data["today"])


def definition_for(data: dict):
    return get_definitions().at("trc", today_of(data))


def rule_ids(definition, answers: dict, today: dt.date) -> list[str]:
    return sorted({finding.rule for finding in engine.check_application(definition, answers, today, "en")})


class SampleApplicationTests(TestCase):
    def test_it_has_at_least_thirty_samples(self):
        self.assertGreaterEqual(len(samples()), 30)

    def test_it_keeps_each_sample_in_the_export_format_with_a_sorted_expectation(self):
        for name, data in samples():
            with self.subTest(sample=name):
                self.assertRegex(name, r"^\d{2}-[a-z0-9-]+$")
                self.assertEqual(data["format"], "konsultant/trc")
                self.assertEqual(data["format_version"], 1)
                self.assertEqual(data["form_version"], "2026-04-27")
                self.assertEqual(data["today"], "2026-12-01")
                self.assertEqual(data["expected"], sorted(set(data["expected"])))

    def test_it_has_one_clean_sample_for_each_main_purpose(self):
        clean = {data["parts"]["C"]["purpose"] for _name, data in samples() if data["expected"] == []}
        self.assertLessEqual(CLEAN_PURPOSES, clean)

    def test_it_imports_every_sample_without_problems(self):
        for name, data in samples():
            with self.subTest(sample=name):
                _answers, problems = outputs.import_data(definition_for(data), data)
                self.assertEqual(problems, [])

    def test_it_flags_exactly_the_expected_rules_in_every_sample(self):
        for name, data in samples():
            with self.subTest(sample=name):
                definition = definition_for(data)
                answers, _problems = outputs.import_data(definition, data)
                self.assertEqual(rule_ids(definition, answers, today_of(data)), data["expected"])

    def test_it_expects_every_rule_in_at_least_one_sample(self):
        all_rules = set(get_definitions().at("trc", dt.date(2026, 12, 1)).rules)
        expected = set().union(*(data["expected"] for _name, data in samples()))
        self.assertEqual(all_rules - expected, set())

    def test_it_fires_every_rule_in_at_least_one_sample(self):
        fired: set[str] = set()
        all_rules: set[str] = set()
        for _name, data in samples():
            definition = definition_for(data)
            all_rules |= set(definition.rules)
            answers, _problems = outputs.import_data(definition, data)
            fired |= set(rule_ids(definition, answers, today_of(data)))
        for rule in sorted(all_rules):
            with self.subTest(rule=rule):
                self.assertIn(rule, fired)

    def test_it_keeps_the_findings_after_an_export_and_import_round_trip(self):
        for name, data in samples():
            with self.subTest(sample=name):
                definition = definition_for(data)
                today = today_of(data)
                answers, _problems = outputs.import_data(definition, data)
                exported = json.loads(json.dumps(outputs.export_data(definition, answers, data["language"])))
                again, problems = outputs.import_data(definition, exported)
                self.assertEqual(problems, [])
                before = sorted((f.rule, f.page, f.fields) for f in engine.check_application(definition, answers, today, "en"))
                after = sorted((f.rule, f.page, f.fields) for f in engine.check_application(definition, again, today, "en"))
                self.assertEqual(after, before)
