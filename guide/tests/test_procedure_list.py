from django.test import TestCase


class ProcedureListTests(TestCase):
    def test_it_lists_procedures_grouped_by_kind(self):
        response = self.client.get("/en/procedures/")
        self.assertContains(response, "Temporary residence")
        self.assertContains(response, "Work permits (filed by the employer)")
        self.assertContains(response, 'href="/en/procedures/trc-work/"')
        self.assertContains(response, 'href="/en/procedures/citizenship-recognition/"')
