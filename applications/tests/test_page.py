from applications.models import PageVisit, QualityEvent

from .base import DraftTestCase


class PageTests(DraftTestCase):
    def test_a_valid_page_is_saved_and_leads_to_the_next(self):
        draft = self.make_draft({})
        response = self.client.post(self.url(draft, "purpose/"), {"purpose": "work", "authority": "14", "continue": "1"})
        self.assertRedirects(response, self.url(draft, "personal/"))
        draft.refresh_from_db()
        self.assertEqual(draft.answers["purpose"], "work")

    def test_errors_are_shown_and_nothing_typed_is_lost(self):
        draft = self.make_draft({"purpose": "work"})
        response = self.client.post(self.url(draft, "personal/"), {"surname": "КОВАЛЕНКО", "pesel": "123", "continue": "1"})
        self.assertContains(response, "There is a problem")
        self.assertContains(response, "Latin-script line of your passport")
        self.assertContains(response, 'value="КОВАЛЕНКО"')
        draft.refresh_from_db()
        self.assertEqual(draft.answers["surname"], "КОВАЛЕНКО")
        self.assertEqual(draft.answers["pesel"], "123")

    def test_messages_are_in_the_applicants_language(self):
        draft = self.make_draft({"purpose": "work"})
        response = self.client.post(self.url(draft, "personal/", "uk"), {"surname": "", "continue": "1"})
        self.assertContains(response, "Це поле обов")

    def test_save_and_come_back_later_keeps_invalid_answers(self):
        draft = self.make_draft({"purpose": "work"})
        response = self.client.post(self.url(draft, "personal/"), {"surname": "x1", "save": "1"})
        self.assertRedirects(response, self.url(draft, "saved/"))
        draft.refresh_from_db()
        self.assertEqual(draft.answers["surname"], "x1")

    def test_back_shows_saved_answers(self):
        draft = self.make_draft()
        response = self.client.get(self.url(draft, "personal/"))
        self.assertContains(response, 'value="KOVALENKO"')
        self.assertContains(response, f'href="/en/apply/{draft.token}/purpose/"')

    def test_branching_by_purpose(self):
        draft = self.make_draft({**self.make_draft().answers, "purpose": "studies"})
        response = self.client.post(self.url(draft, "stay/"), {k: draft.answers[k] for k in ("in_poland", "last_entry_date", "stay_basis", "stay_basis_until", "requested_until", "previous_stays_in_poland")} | {"continue": "1"})
        self.assertRedirects(response, self.url(draft, "university/"))

    def test_quality_events_are_anonymous_and_marked_fixed(self):
        draft = self.make_draft({"purpose": "work"})
        self.client.post(self.url(draft, "personal/"), {"surname": "КОВАЛЕНКО", "continue": "1"})
        event = QualityEvent.objects.get(rule="K-NAME-LATIN")
        self.assertEqual((event.field, event.page, event.language, event.purpose, event.fixed), ("surname", "personal", "en", "work", False))
        self.client.post(self.url(draft, "personal/"), {"surname": "KOVALENKO", "continue": "1"})
        event.refresh_from_db()
        self.assertTrue(event.fixed)
        field_names = {f.name for f in QualityEvent._meta.get_fields()}
        self.assertFalse(field_names & {"draft", "token", "value", "email", "surname"})
        self.assertEqual(PageVisit.objects.get(page="personal").count, 1)

    def test_an_unknown_page_goes_back_to_the_draft(self):
        draft = self.make_draft()
        self.assertEqual(self.client.get(self.url(draft, "nope/")).status_code, 302)


class AutosaveTests(DraftTestCase):
    def test_autosave_stores_without_checking_or_moving_on(self):
        draft = self.make_draft({"purpose": "work"})
        response = self.client.post(self.url(draft, "personal/"), {"surname": "KOVAL", "autosave": "1"})
        self.assertEqual(response.status_code, 204)
        draft.refresh_from_db()
        self.assertEqual(draft.answers["surname"], "KOVAL")
        self.assertEqual(draft.visited, [])


class GarbagePurposeTests(DraftTestCase):
    def test_a_garbage_purpose_never_reaches_the_statistics(self):
        draft = self.make_draft({})
        response = self.client.post(self.url(draft, "purpose/"), {"purpose": "x" * 300, "authority": "14", "continue": "1"})
        self.assertEqual(response.status_code, 200)
        self.assertEqual(set(PageVisit.objects.values_list("purpose", flat=True)), {""})
        self.assertEqual(set(QualityEvent.objects.values_list("purpose", flat=True)), {""})
