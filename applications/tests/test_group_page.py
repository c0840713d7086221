from .base import DraftTestCase

TRIP = {"trip_country": "DE", "trip_from": "2026-05-01", "trip_to": "2026-05-10"}


class GroupPageTests(DraftTestCase):
    def test_add_another_and_remove(self):
        draft = self.make_draft()
        self.client.post(self.url(draft, "trips/"), {**TRIP, "add": "1"})
        draft.refresh_from_db()
        self.assertEqual(len(draft.answers["trips"]), 2)
        self.client.post(self.url(draft, "trips/0/remove/"))
        draft.refresh_from_db()
        self.assertEqual(draft.answers["trips"], [TRIP])

    def test_a_bad_entry_is_not_added_and_is_explained(self):
        draft = self.make_draft()
        response = self.client.post(self.url(draft, "trips/"), {**TRIP, "trip_from": "soon", "add": "1"})
        self.assertContains(response, "Enter a real date")
        self.assertContains(response, 'value="soon"')
        draft.refresh_from_db()
        self.assertEqual(len(draft.answers["trips"]), 1)

    def test_continue_moves_on(self):
        draft = self.make_draft()
        response = self.client.post(self.url(draft, "trips/"), {"continue": "1"})
        self.assertRedirects(response, self.url(draft, "means/"))
