from desk.models import CannedResponse, Conversation, Direction, State

from .base import DeskTestCase


class WorkspaceTests(DeskTestCase):
    def test_every_desk_role_may_enter(self):
        self.assertRoleAccess("/en/staff/desk/", {"consultant", "leader", "manager", "admin"})

    def test_a_russian_chat_is_offered_to_the_russian_speaker_accepted_answered_and_closed(self):
        self.profile(self.consultant, {"ru": "native"})
        self.profile(self.leader, {"pl": "native"})
        c = self.chat("ru")
        self.client.force_login(self.consultant)
        page = self.client.get("/en/staff/desk/")
        self.assertContains(page, f"/en/staff/desk/c/{c.public_id}/accept/")
        self.assertRedirects(self.client.post(f"/en/staff/desk/c/{c.public_id}/accept/"), f"/en/staff/desk/c/{c.public_id}/")
        self.client.post(f"/en/staff/desk/c/{c.public_id}/reply/", {"body": "Здравствуйте!"})
        self.client.post(f"/en/staff/desk/c/{c.public_id}/reply/", {"body": "note", "internal": "on"})
        c.refresh_from_db()
        self.assertIsNotNone(c.answered_at)
        self.assertEqual(list(c.messages.values_list("direction", flat=True)), [Direction.OUT, Direction.NOTE])
        self.client.post(f"/en/staff/desk/c/{c.public_id}/close/", {"outcome": "answered", "tags": "card, fees"})
        c.refresh_from_db()
        self.assertEqual((c.state, c.outcome, c.tags), (State.CLOSED, "answered", ["card", "fees"]))

    def test_the_applicants_draft_opens_from_the_conversation(self):
        import datetime as dt

        from applications.models import Draft

        self.profile(self.consultant, {"ru": "native"})
        c = self.chat("ru")
        self.client.force_login(self.consultant)
        self.client.get("/en/staff/desk/")  # the workspace routes the queue: the chat is offered
        self.client.post(f"/en/staff/desk/c/{c.public_id}/accept/")
        page = self.client.get(f"/en/staff/desk/c/{c.public_id}/")
        self.assertContains(page, 'action="/en/staff/applications/" target="_blank"')
        self.assertContains(page, 'name="code"')
        draft, code = Draft.start("trc", dt.date(2026, 4, 27), "ru")
        shown = self.client.post("/en/staff/applications/", {"code": code})
        self.assertEqual(shown.context["draft"], draft)  # the lookup page itself is tested in applications

    def test_someone_else_cannot_accept_or_read_anothers_conversation(self):
        self.profile(self.consultant, {"ru": "native"})
        self.profile(self.leader, {"ru": "native"}, status="away")
        c = self.chat("ru")
        self.client.force_login(self.consultant)
        self.client.get("/en/staff/desk/")
        self.client.post(f"/en/staff/desk/c/{c.public_id}/accept/")
        self.client.force_login(self.leader)
        self.assertEqual(self.client.get(f"/en/staff/desk/c/{c.public_id}/").status_code, 404)
        self.client.force_login(self.manager)
        self.assertEqual(self.client.get(f"/en/staff/desk/c/{c.public_id}/").status_code, 200)

    def test_handing_back_returns_the_conversation_with_its_history(self):
        self.profile(self.consultant, {"ru": "native"})
        c = self.chat("ru")
        self.client.force_login(self.consultant)
        self.client.get("/en/staff/desk/")
        self.client.post(f"/en/staff/desk/c/{c.public_id}/accept/")
        self.client.post(f"/en/staff/desk/c/{c.public_id}/reply/", {"body": "Ответ"})
        self.client.post(f"/en/staff/desk/c/{c.public_id}/hand-back/")
        c.refresh_from_db()
        self.assertIn(c.state, (State.QUEUED, State.OFFERED))
        self.assertIsNone(c.assigned_to)
        self.assertEqual(c.messages.count(), 1)

    def test_going_away_returns_offers_to_the_queue(self):
        self.profile(self.consultant, {"ru": "native"})
        c = self.chat("ru")
        self.client.force_login(self.consultant)
        self.client.get("/en/staff/desk/")
        self.assertEqual(Conversation.objects.get().offered_to, self.consultant)
        self.client.post("/en/staff/desk/status/", {"status": "away"})
        c.refresh_from_db()
        self.assertEqual((c.state, c.offered_to), (State.QUEUED, None))

    def test_knowledge_base_answer_and_canned_reply_are_inserted_in_the_contacts_language(self):
        from kb.tests.base import make_answer

        make_answer()
        CannedResponse.objects.create(key="hello", title="Hello", text_pl="Dzień dobry {name}", text_en="Hello {name}", text_ru="Здравствуйте, {name}!", text_uk="Добрий день, {name}!")
        self.profile(self.consultant, {"ru": "native"})
        c = self.chat("ru", name="Olga")
        self.client.force_login(self.consultant)
        self.client.get("/en/staff/desk/")
        self.client.post(f"/en/staff/desk/c/{c.public_id}/accept/")
        page = self.client.get(f"/en/staff/desk/c/{c.public_id}/", {"kbq": "karta pobytu"})
        self.assertContains(page, "insert_kb=card-lost")
        self.assertContains(self.client.get(f"/en/staff/desk/c/{c.public_id}/", {"insert_kb": "card-lost"}), "Потеря карты побыту")
        self.assertContains(self.client.get(f"/en/staff/desk/c/{c.public_id}/", {"insert_canned": "hello"}), "Здравствуйте, Olga!")

    def test_a_manager_reassigns(self):
        self.profile(self.consultant, {"ru": "native"})
        self.profile(self.leader, {"ru": "fluent"})
        c = self.chat("ru")
        self.client.force_login(self.manager)
        self.client.post(f"/en/staff/desk/c/{c.public_id}/reassign/", {"to": self.leader.pk})
        c.refresh_from_db()
        self.assertEqual((c.state, c.assigned_to), (State.ACTIVE, self.leader))

    def test_empty_and_huge_replies_are_refused_with_a_message(self):
        self.profile(self.consultant, {"ru": "native"})
        c = self.chat("ru")
        self.client.force_login(self.consultant)
        self.client.get("/en/staff/desk/")
        self.client.post(f"/en/staff/desk/c/{c.public_id}/accept/")
        self.assertContains(self.client.post(f"/en/staff/desk/c/{c.public_id}/reply/", {"body": ""}), "There is a problem")
        self.assertContains(self.client.post(f"/en/staff/desk/c/{c.public_id}/reply/", {"body": "x" * 6000}), "There is a problem")
        self.assertEqual(c.messages.count(), 0)


class LogCallTests(DeskTestCase):
    def test_a_call_is_recorded_in_seconds(self):
        self.client.force_login(self.consultant)
        response = self.client.post("/en/staff/desk/call/", {
            "phone": "+48 600 100 200", "name": "", "language": "uk", "topic": "work",
            "citizenship_group": "third", "outcome": "answered", "note": "Pytał o zezwolenie jednolite.",
        })  # fmt: skip
        self.assertRedirects(response, "/en/staff/desk/")
        c = Conversation.objects.get()
        self.assertEqual((c.channel, c.language, c.assigned_to, c.state), ("phone", "uk", self.consultant, State.CLOSED))
        self.assertEqual(c.messages.get().direction, Direction.NOTE)


class DroppedConsultantTests(DeskTestCase):
    def test_a_consultant_who_drops_mid_chat_loses_it_to_the_queue_after_the_grace_period(self):
        import datetime as dt

        from django.utils import timezone

        from desk import actions
        from desk.models import ConsultantProfile

        self.profile(self.consultant, {"ru": "native"})
        self.profile(self.leader, {"ru": "native"}, status="away")
        c = self.chat("ru")
        actions.route()
        c.refresh_from_db()
        actions.accept(c, self.consultant)
        actions.add_message(c, Direction.OUT, "Здравствуйте", self.consultant)
        actions.connection_changed(self.consultant, False)
        actions.route(timezone.now() + dt.timedelta(seconds=30))  # within the grace period
        c.refresh_from_db()
        self.assertEqual(c.state, State.ACTIVE)
        actions.connection_changed(self.consultant, True)  # came back
        actions.connection_changed(self.consultant, False)
        actions.route(timezone.now() + actions.DROP_GRACE + dt.timedelta(seconds=1))
        c.refresh_from_db()
        self.assertIn(c.state, (State.QUEUED, State.OFFERED))
        self.assertEqual(c.messages.count(), 1)
        self.assertEqual(ConsultantProfile.objects.get(user=self.consultant).status, "away")
