from django.test import TestCase, override_settings

URL = "/en/which-procedure/result/"
WORK = {"citizenship": "UA", "basis": "visa_national", "stay_end": "2027-01-15", "purpose": "work", "detail": "employee"}


@override_settings(CATALOGUE_DATE="2026-12-01")
class TriageResultTests(TestCase):
    def test_it_recommends_the_single_permit_with_fee_and_deadline(self):
        response = self.client.get(URL, WORK)
        self.assertContains(response, "Temporary residence and work permit (single permit)")
        self.assertContains(response, "In total: 540 zł.")
        self.assertContains(response, "(45 days left)")
        self.assertContains(response, 'href="/en/procedures/trc-work/"')
        self.assertContains(response, "Also worth checking")  # the employer's work permit

    def test_students_get_the_card_fee_relief(self):
        response = self.client.get(URL, {**WORK, "purpose": "study", "detail": "university"})
        self.assertContains(response, "student relief")
        self.assertContains(response, "In total: 390 zł.")

    def test_a_passed_deadline_is_a_warning(self):
        response = self.client.get(URL, {**WORK, "stay_end": "2026-11-20"})
        self.assertContains(response, "Your right to stay ended on")
        self.assertContains(response, "has passed")

    def test_a_tourist_visa_holder_asking_for_work_is_warned(self):
        response = self.client.get(URL, {**WORK, "basis": "visa_tourist"})
        self.assertContains(response, "A tourist Schengen visa does not let you get")

    def test_pesel_ukr_holders_are_warned_about_other_purposes(self):
        response = self.client.get(URL, {**WORK, "basis": "temporary_protection", "purpose": "family", "detail": "spouse_polish"})
        self.assertContains(response, "With PESEL UKR status you may apply only")

    def test_five_years_suggests_long_term_residence(self):
        response = self.client.get(URL, {**WORK, "years": "6"})
        self.assertContains(response, "EU long-term resident")

    def test_a_detail_from_another_purpose_is_refused_with_answers_kept(self):
        response = self.client.get(URL, {**WORK, "detail": "spouse_polish"})
        self.assertContains(response, "There is a problem")
        self.assertContains(response, '<input type="hidden" name="stay_end" value="2027-01-15">')

    def test_a_missing_detail_asks_again(self):
        response = self.client.get(URL, {k: v for k, v in WORK.items() if k != "detail"})
        self.assertContains(response, "This field is required")

    def test_broken_step_one_goes_back_to_step_one(self):
        response = self.client.get(URL, {**WORK, "purpose": "tourism"})
        self.assertContains(response, "Why do you want to stay in Poland?")
        self.assertContains(response, "Select a valid choice")

    def test_it_answers_in_ukrainian(self):
        response = self.client.get("/uk/which-procedure/result/", WORK)
        self.assertContains(response, "Дозвіл на тимчасове перебування і роботу")
        self.assertContains(response, '<html lang="uk">')
