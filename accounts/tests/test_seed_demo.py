from io import StringIO

from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings

from accounts.models import User
from desk.models import Conversation, Outcome


class SeedDemoTests(TestCase):
    def test_it_refuses_outside_development(self):
        with self.assertRaises(CommandError):
            call_command("seed_demo", stdout=StringIO())

    @override_settings(DEBUG=True)
    def test_demo_staff_and_four_weeks_of_infoline_history_once(self):
        call_command("seed_demo", stdout=StringIO())
        self.assertEqual(set(User.objects.values_list("username", flat=True)), {"consultant", "leader", "manager", "admin"})
        count = Conversation.objects.count()
        self.assertGreater(count, 150)
        self.assertTrue(Conversation.objects.filter(outcome=Outcome.ABANDONED).count() >= 5)
        call_command("seed_demo", stdout=StringIO())  # again: nothing added
        self.assertEqual(Conversation.objects.count(), count)
        # The manager's report has something to show, Erlang A included.
        self.client.force_login(User.objects.get(username="manager"))
        r = self.client.get("/en/staff/desk/reports/").context["r"]
        self.assertEqual({c["channel"] for c in r["by_channel"]}, {"phone", "chat", "email"})
        self.assertIsNotNone(r["patience"])
        self.assertTrue(r["staffing"])
