import datetime as dt

from django.utils import timezone

from desk.models import Conversation, Outcome, State

from .base import DeskTestCase


class ReportTests(DeskTestCase):
    def test_only_managers_see_reports(self):
        self.assertRoleAccess("/en/staff/desk/reports/", {"manager", "admin"})

    def test_it_computes_kpis_and_staffing(self):
        now = timezone.now()
        for i in range(10):
            c = self.chat("ru" if i % 2 else "uk")
            answered = i < 8
            Conversation.objects.filter(pk=c.pk).update(
                enqueued_at=now - dt.timedelta(minutes=30), state=State.CLOSED,
                answered_at=now - dt.timedelta(minutes=30) + dt.timedelta(seconds=30 if i < 6 else 120) if answered else None,
                closed_at=now, outcome=Outcome.ANSWERED if answered else Outcome.ABANDONED,
                satisfaction=5 if answered else None, assigned_to=self.consultant if answered else None,
            )  # fmt: skip
        self.client.force_login(self.manager)
        page = self.client.get("/en/staff/desk/reports/")
        self.assertEqual(page.context["r"]["total"], 10)
        self.assertEqual(page.context["r"]["service_level"], 60)  # 6 of 10 offered within 60 s
        self.assertEqual(page.context["r"]["abandonment"], 20)
        self.assertEqual(page.context["r"]["satisfaction"], 5)
        self.assertTrue(page.context["r"]["staffing"])
        csv = self.client.get("/en/staff/desk/reports.csv").content.decode()
        self.assertEqual(len(csv.strip().splitlines()), 11)
