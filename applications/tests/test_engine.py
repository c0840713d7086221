from django.test import SimpleTestCase

from applications.definition import get_definitions
from applications.engine import check_application, readiness
from applications.tests.factory import TODAY, clean_work


def rules_of(answers: dict, lang: str = "en") -> set[str]:
    definition = get_definitions().at("trc", TODAY)
    return {f.rule for f in check_application(definition, answers, TODAY, lang)}


# Each case: the rule, and the change to a clean application that must make it fire.
CASES = [
    ("V01", {"surname": ""}),
    ("V37", {"email": ""}),
    ("K-EMAIL", {"email": "not-an-address"}),
    ("K-DATE", {"birth_date": "1990-02-31"}),
    ("K-CHOICE", {"citizenship": "XX"}),
    ("K-NUMBER", {"height_cm": "abc"}),
    ("K-TOO-LONG", {"surname": "A" * 500}),
    ("K-PHONE", {"phone": "12"}),
    ("K-NAME-LATIN", {"surname": "КОВАЛЕНКО"}),
    ("K-POSTAL-FORMAT", {"address_postal_code": "00590x"}),
    ("V35", {"pesel": "90051412313"}),
    ("V36", {"passport_mrz": "FA12345674UKR9005145M3001156<<<<<<<<<<<<<<<2"}),
    ("V03", {"purpose": ["work", "studies"]}),
    ("V04", {"stay_basis": "visa_seasonal"}),
    ("K-UKR-PURPOSE", {"stay_basis": "protection", "purpose": "studies"}),
    ("V05", {"stay_basis_until": "2026-11-30"}),
    ("K-DEADLINE-SOON", {"stay_basis_until": "2026-12-05"}),
    ("V06", {"passport_expiry_date": "2026-11-01"}),
    ("K-PASSPORT-PERIOD", {"passport_expiry_date": "2027-06-01", "passport_mrz": ""}),
    ("K-REQUESTED-PERIOD", {"requested_until": "2031-01-01"}),
    ("V10", {"authority": "10"}),
    ("V11", {"address_postal_code": "90-001"}),
    ("K-PESEL-DATA", {"birth_date": "1990-05-15", "passport_mrz": ""}),
    ("K-MRZ-DATA", {"passport_number": "FA7654321"}),
    ("K-NIP", {"employer_nip": "5261044483"}),
    ("K-REGON", {"employer_regon": "123456789"}),
    ("K-KRS", {"employer_krs": "12345"}),
    ("V23", {"pay_unit": "hourly", "hours_per_week": ""}),
    ("V27", {"purpose": "blue_card", "salary_gross": "9000"}),
    ("V26", {"means_monthly": "700"}),
    ("K-DATES-ORDER", {"trips": [{"trip_country": "UA", "trip_from": "2026-01-10", "trip_to": "2025-12-20"}]}),
    ("K-FUTURE-DATE", {"last_entry_date": "2026-12-24"}),
    ("V08", {"address_city": "Варшава"}),
    ("V14", {"birth_date": "2010-05-14", "pesel": "", "passport_mrz": ""}),
    ("V12", {"criminal_record": "yes"}),
    ("V15", {"fee_paid": "no"}),
    ("V18", {"has_photo": "no"}),
    ("V19", {"has_passport_scans": "no"}),
    ("V20", {"has_trusted_profile": "no"}),
    ("V21", {"annex_ready": "no"}),
]


class RuleTests(SimpleTestCase):
    def test_a_clean_application_has_no_findings(self):
        definition = get_definitions().at("trc", TODAY)
        findings = check_application(definition, clean_work(), TODAY, "en")
        self.assertEqual([f.as_json() for f in findings], [])
        self.assertTrue(readiness(findings)["ready"])

    def test_every_rule_fires_on_its_case(self):
        for rule, change in CASES:
            with self.subTest(rule=rule):
                self.assertIn(rule, rules_of({**clean_work(), **change}))

    def test_every_rule_in_the_data_has_a_case(self):
        definition = get_definitions().at("trc", TODAY)
        self.assertEqual(set(definition.rules), {rule for rule, _ in CASES})

    def test_messages_come_in_the_requested_language(self):
        definition = get_definitions().at("trc", TODAY)
        for lang in ("pl", "en", "ru", "uk"):
            findings = check_application(definition, {**clean_work(), "email": ""}, TODAY, lang)
            self.assertEqual(findings[0].message, definition.rules["V37"].message.get(lang))

    def test_errors_block_ready_and_warnings_do_not(self):
        definition = get_definitions().at("trc", TODAY)
        warning_only = check_application(definition, {**clean_work(), "fee_paid": "no"}, TODAY, "en")
        self.assertTrue(readiness(warning_only)["ready"])
        self.assertLess(readiness(warning_only)["score"], 100)
        error = check_application(definition, {**clean_work(), "surname": ""}, TODAY, "en")
        self.assertFalse(readiness(error)["ready"])

    def test_repeating_group_findings_name_the_entry(self):
        answers = {**clean_work(), "trips": [{"trip_country": "UA", "trip_from": "x", "trip_to": "2026-01-01"}]}
        definition = get_definitions().at("trc", TODAY)
        fields = [f.fields for f in check_application(definition, answers, TODAY, "en") if f.rule == "K-DATE"]
        self.assertEqual(fields, [("trips[0].trip_from",)])

    def test_hidden_pages_are_not_checked(self):
        # A student has no employer page: its empty fields are not errors.
        answers = {**clean_work(), "purpose": "studies", "employer_name": ""}
        definition = get_definitions().at("trc", TODAY)
        pages = {f.page for f in check_application(definition, answers, TODAY, "en")}
        self.assertNotIn("employer", pages)
