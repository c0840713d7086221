import datetime as dt

from django.test import SimpleTestCase

from catalogue.loader import Versioned
from catalogue.registry import get_catalogue

D = dt.date


class VersionedTests(SimpleTestCase):
    def test_each_version_applies_from_its_date_until_the_next(self):
        v = Versioned((D(2025, 6, 1), D(2025, 12, 1)), ("old", "new"))
        self.assertIsNone(v.at(D(2025, 5, 31)))
        self.assertEqual(v.at(D(2025, 6, 1)), "old")
        self.assertEqual(v.at(D(2025, 11, 30)), "old")
        self.assertEqual(v.at(D(2025, 12, 1)), "new")
        self.assertEqual(v.at(D(2030, 1, 1)), "new")


class WhatAppliesOnDateTests(SimpleTestCase):
    """The catalogue answers "what applied on date D" from the dated files."""

    def setUp(self):
        self.catalogue = get_catalogue()

    def test_work_permit_fees_change_on_1_december_2025(self):
        before = self.catalogue.at(D(2025, 11, 30)).fees
        after = self.catalogue.at(D(2025, 12, 1)).fees
        self.assertEqual(before["work_permit_long"].amount, 100)
        self.assertTrue(before["work_permit_long"].unconfirmed)
        self.assertEqual(after["work_permit_long"].amount, 400)
        self.assertEqual(after["work_permit_short"].amount, 200)
        self.assertEqual(after["work_permit_posting"].amount, 800)
        self.assertEqual(after["work_permit_seasonal"].amount, 100)
        self.assertEqual(after["work_declaration"].amount, 400)
        self.assertFalse(after["work_permit_long"].unconfirmed)

    def test_residence_fees_do_not_change_on_1_december_2025(self):
        for key in ("trc_work", "trc_standard", "permanent", "residence_card"):
            self.assertEqual(
                self.catalogue.at(D(2025, 11, 30)).fees[key].amount, self.catalogue.at(D(2025, 12, 1)).fees[key].amount
            )

    def test_residence_applications_move_from_paper_to_mos_on_27_april_2026(self):
        self.assertEqual(self.catalogue.at(D(2026, 4, 26)).channels["residence"].method, "paper")
        self.assertEqual(self.catalogue.at(D(2026, 4, 27)).channels["residence"].method, "mos")

    def test_proof_of_stay_becomes_a_certificate_with_mos(self):
        before = self.catalogue.at(D(2026, 4, 26)).channels["residence"].proof_of_stay
        after = self.catalogue.at(D(2026, 4, 27)).channels["residence"].proof_of_stay
        self.assertIn("stamp", before.en)
        self.assertIn("certificate", after.en)

    def test_the_paper_form_needs_two_photos_from_1_december_2025(self):
        self.assertIn("Four photos", self.catalogue.at(D(2025, 11, 30)).channels["residence"].photos.en)
        self.assertIn("Two photos", self.catalogue.at(D(2025, 12, 1)).channels["residence"].photos.en)
        self.assertIn("JPG", self.catalogue.at(D(2026, 4, 27)).channels["residence"].photos.en)

    def test_ict_and_family_abroad_stay_on_paper_under_mos(self):
        self.assertEqual(self.catalogue.at(D(2026, 5, 1)).channels["residence_paper_exception"].method, "paper")

    def test_a_date_before_the_first_file_has_no_catalogue(self):
        with self.assertRaises(LookupError):
            self.catalogue.at(D(2025, 5, 31))

    def test_fees_are_resolved_for_a_procedure(self):
        snapshot = self.catalogue.at(D(2026, 12, 1))
        fees = snapshot.fees_for(snapshot.procedures["trc-work"])
        self.assertEqual([(f.key, f.amount) for f in fees], [("trc_work", 440), ("residence_card", 100)])

    def test_every_required_procedure_is_in_the_catalogue(self):
        snapshot = self.catalogue.at(D(2026, 12, 1))
        required = {
            "trc-work", "trc-blue-card", "trc-ict", "trc-seasonal", "trc-posted-worker", "trc-business",
            "trc-studies", "trc-research", "trc-traineeship-volunteering", "trc-spouse-of-polish-citizen",
            "trc-family-reunification", "trc-family-other", "trc-trafficking-victim", "trc-short-stay",
            "trc-other-circumstances", "permanent-residence", "eu-long-term-resident", "residence-card",
            "citizenship-recognition", "work-permit",
        }  # fmt: skip
        self.assertEqual(required - set(snapshot.procedures), set())
