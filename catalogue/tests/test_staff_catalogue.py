from core.tests.base import CastTestCase


class StaffCatalogueTests(CastTestCase):
    def test_every_staff_role_may_read_it(self):
        self.assertRoleAccess("/pl/staff/catalogue/", {"consultant", "leader", "manager", "admin"})

    def test_unconfirmed_facts_are_flagged_for_staff(self):
        self.client.force_login(self.consultant)
        response = self.client.get("/en/staff/catalogue/?date=2025-07-01")
        self.assertContains(response, "badge-unconfirmed")
        self.assertContains(response, "100 zł")  # the unconfirmed pre-December work-permit fee

    def test_it_previews_another_date(self):
        self.client.force_login(self.consultant)
        self.assertContains(self.client.get("/en/staff/catalogue/?date=2026-01-10"), "On paper, at the voivodeship office")
        self.assertContains(self.client.get("/en/staff/catalogue/?date=2026-05-10"), "Electronically in MOS")

    def test_a_bad_date_is_explained(self):
        self.client.force_login(self.consultant)
        response = self.client.get("/en/staff/catalogue/?date=tomorrow")
        self.assertContains(response, "Enter the date as YYYY-MM-DD")
        response = self.client.get("/en/staff/catalogue/?date=1999-01-01")
        self.assertContains(response, "The catalogue has no data for that date.")
