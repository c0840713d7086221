from core.tests.base import CastTestCase


class AdminCatalogueTests(CastTestCase):
    def test_administrators_see_the_catalogue_in_the_admin(self):
        self.client.force_login(self.admin)
        response = self.client.get("/admin/catalogue/")
        self.assertContains(response, "trc-work")
        self.assertContains(response, "Zezwolenie na pobyt czasowy i pracę")
        self.assertContains(self.client.get("/admin/"), 'href="/admin/catalogue/"')

    def test_other_roles_are_sent_to_the_admin_login(self):
        for user in (self.consultant, self.leader, self.manager):
            self.client.force_login(user)
            response = self.client.get("/admin/catalogue/")
            self.assertEqual(response.status_code, 302)
        self.client.logout()
        self.assertEqual(self.client.get("/admin/catalogue/").status_code, 302)
