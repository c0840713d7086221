from core.tests.base import CastTestCase
from kb.models import Answer, Revision, Status
from kb.search import search

from .base import make_answer


class EditorAccessTests(CastTestCase):
    def test_only_editors_reach_the_editor_pages(self):
        make_answer()
        editors = {"leader", "manager", "admin"}
        for url in ["/pl/staff/kb/", "/pl/staff/kb/new/", "/pl/staff/kb/gaps/", "/pl/staff/kb/card-lost/", "/pl/staff/kb/card-lost/uk/"]:
            with self.subTest(url=url):
                self.assertRoleAccess(url, editors)


class EditorWorkflowTests(CastTestCase):
    def test_draft_review_publish_and_search_updates(self):
        self.client.force_login(self.leader)
        response = self.client.post("/pl/staff/kb/new/", {
            "slug": "fingerprints", "topic": "rights", "audience": "public", "title": "Odciski palców",
            "body": "Urząd pobiera odciski palców podczas wizyty.", "keywords": "daktyloskopia",
            "legal_basis": "art. 106e ustawy o cudzoziemcach", "review_by": "2027-05-01",
        })  # fmt: skip
        self.assertRedirects(response, "/pl/staff/kb/fingerprints/")
        self.assertEqual(search("odciski palców", "pl"), [])
        self.client.post("/pl/staff/kb/fingerprints/status/", {"action": "submit"})
        self.client.post("/pl/staff/kb/fingerprints/status/", {"action": "publish"})
        self.assertEqual(Answer.objects.get().status, Status.PUBLISHED)
        self.assertEqual(search("daktyloskopia", "pl")[0].slug, "fingerprints")

    def test_an_impossible_transition_is_refused(self):
        make_answer(status=Status.DRAFT)
        self.client.force_login(self.manager)
        response = self.client.post("/en/staff/kb/card-lost/status/", {"action": "publish"}, follow=True)
        self.assertContains(response, "not possible now")
        self.assertEqual(Answer.objects.get().status, Status.DRAFT)

    def test_editing_polish_makes_translations_outdated_until_confirmed(self):
        answer = make_answer()
        self.client.force_login(self.leader)
        self.client.post("/pl/staff/kb/card-lost/pl/", {"title": "Utrata lub zniszczenie karty pobytu", "body": answer.variant("pl").body, "keywords": ""})
        answer.refresh_from_db()
        self.assertEqual(answer.translation_status(), {"pl": "current", "en": "outdated", "ru": "outdated", "uk": "outdated"})
        self.client.post("/pl/staff/kb/card-lost/en/", {"title": "Losing or damaging your card", "body": "Text.", "keywords": "", "translated_from_current": "on"})
        self.assertEqual(Answer.objects.get().translation_status()["en"], "current")
        self.assertContains(self.client.get("/en/staff/kb/card-lost/"), "Utrata lub zniszczenie karty pobytu")

    def test_history_records_who_changed_what(self):
        make_answer()
        self.client.force_login(self.manager)
        self.client.post("/pl/staff/kb/card-lost/pl/", {"title": "Nowy tytuł", "body": "Treść.", "keywords": ""})
        revision = Revision.objects.get()
        self.assertEqual((revision.user, revision.language), (self.manager, "pl"))
        self.assertEqual(revision.changes["title"], ["Utrata karty pobytu", "Nowy tytuł"])

    def test_a_stale_edit_is_refused_and_nothing_is_lost_from_the_form(self):
        answer = make_answer()
        self.client.force_login(self.leader)
        data = {"topic": "cards", "audience": "public", "legal_basis": "art. 230", "sources": "", "review_by": "2027-01-01", "version": answer.version - 1 + 0}
        Answer.objects.filter(pk=answer.pk).update(version=answer.version + 1)
        response = self.client.post("/en/staff/kb/card-lost/", data)
        self.assertContains(response, "Someone else saved this answer")
        self.assertContains(response, "2027-01-01")

    def test_filters_due_for_review_and_by_legal_basis(self):
        make_answer()
        self.client.force_login(self.leader)
        self.assertContains(self.client.get("/en/staff/kb/?basis=230"), "card-lost")
        self.assertNotContains(self.client.get("/en/staff/kb/?basis=999"), "/en/staff/kb/card-lost/")

    def test_gap_report_lists_failed_searches_and_unhelpful_answers(self):
        make_answer()
        self.client.get("/pl/kb/search/", {"q": "zzzxq"})
        self.client.post("/pl/kb/card-lost/feedback/", {"helpful": "no"})
        self.client.force_login(self.manager)
        response = self.client.get("/pl/staff/kb/gaps/")
        self.assertContains(response, "zzzxq")
        self.assertContains(response, "card-lost")
