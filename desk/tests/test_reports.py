import csv
import datetime as dt
import io
from collections import Counter

from django.test import SimpleTestCase
from django.utils import timezone

from desk import erlang
from desk.models import Channel, Conversation, Outcome, State
from desk.reports import staffing

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


class ErlangAReportTests(DeskTestCase):
    """Staffing with callers who hang up, from the patience the data shows."""

    def conversation(self, channel=Channel.CHAT, wait=30, abandoned=False):
        start = timezone.now().replace(minute=0, second=0, microsecond=0) - dt.timedelta(hours=2)
        c = self.chat()
        Conversation.objects.filter(pk=c.pk).update(
            channel=channel, enqueued_at=start, state=State.CLOSED,
            answered_at=None if abandoned else start + dt.timedelta(seconds=wait),
            closed_at=start + dt.timedelta(seconds=wait if abandoned else wait + 300),
            outcome=Outcome.ABANDONED if abandoned else Outcome.ANSWERED,
        )  # fmt: skip

    def report(self):
        self.client.force_login(self.manager)
        page = self.client.get("/en/staff/desk/reports/")
        rows = list(csv.reader(io.StringIO(self.client.get("/en/staff/desk/reports.csv?table=staffing").content.decode())))
        return page, [dict(zip(rows[0], row)) for row in rows[1:]]

    def test_it_estimates_patience_and_staffs_by_erlang_a(self):
        for wait in (20, 40, 60, 80, 100):
            self.conversation(Channel.PHONE if wait < 60 else Channel.CHAT, wait=wait, abandoned=True)
        for wait in (30, 90, 0):
            self.conversation(wait=wait)
        # E-mail cannot hang up: neither its waits nor its "abandonments" count.
        self.conversation(Channel.EMAIL, wait=5000, abandoned=True)
        self.conversation(Channel.EMAIL, wait=9000)
        page, staffing_csv = self.report()
        r = page.context["r"]
        # 5 hang-ups over 20+40+60+80+100 + 30+90+0 = 420 s of waiting: 84 s.
        self.assertEqual((r["patience"], r["patience_abandoned"]), (84, 5))
        [row] = r["staffing"]
        per_hour, aht = 8 / 30, 300  # eight calls and chats in one hour over 30 days (e-mail is not live traffic)
        self.assertEqual(row["contacts"], round(per_hour, 1))
        self.assertEqual(row["needed_a"]["agents"], erlang.agents_needed_a(per_hour, 3600, aht, 84, 0.8, 60))
        expected = [erlang.erlang_a(n, per_hour / 3600, aht, 84, 60) for n in range(3, 9)]
        self.assertEqual(
            row["what_if_a"],
            [{"service_level": round(100 * e["service_level"]), "abandonment": round(100 * e["abandonment"])} for e in expected],
        )
        self.assertEqual(row["needed"], erlang.agents_needed(per_hour, 3600, aht, 0.8, 60))  # Erlang C stays
        html = page.content.decode()
        self.assertIn("Staffing (Erlang C)", html)
        self.assertIn("Staffing (Erlang A: callers hang up after 84 s on average, estimated from 5 abandoned calls and chats)", html)
        self.assertIn('<th scope="colgroup" colspan="2" class="num">3</th>', html)
        self.assertNotIn("not enough data", html)
        [line] = staffing_csv
        self.assertEqual((line["patience_s"], line["abandoned_live"], line["note"]), ("84", "5", ""))
        self.assertEqual(line["needed_erlang_a"], str(row["needed_a"]["agents"]))
        self.assertEqual(line["needed_erlang_c"], str(row["needed"]))
        self.assertEqual([line[f"sl_erlang_a_{n}"] for n in range(3, 9)], [str(w["service_level"]) for w in row["what_if_a"]])
        self.assertEqual([line[f"abandonment_erlang_a_{n}"] for n in range(3, 9)], [str(w["abandonment"]) for w in row["what_if_a"]])
        self.assertEqual([line[f"sl_erlang_c_{n}"] for n in range(3, 9)], [str(v) for v in row["what_if"]])

    def test_it_keeps_to_erlang_c_with_too_few_hang_ups(self):
        for wait in (20, 40, 60, 80):
            self.conversation(wait=wait, abandoned=True)
        for _ in range(5):
            self.conversation(Channel.EMAIL, wait=5000, abandoned=True)
        self.conversation(wait=30)
        page, staffing_csv = self.report()
        r = page.context["r"]
        self.assertEqual((r["patience"], r["patience_abandoned"]), (None, 4))
        self.assertNotIn("needed_a", r["staffing"][0])
        html = page.content.decode()
        self.assertIn("Staffing (Erlang C)", html)
        self.assertNotIn("Staffing (Erlang A", html)
        self.assertIn(
            "not enough data to estimate how long callers wait before hanging up "
            "(4 abandoned calls and chats in this period, at least 5 needed)",
            html,
        )
        [line] = staffing_csv
        self.assertEqual((line["patience_s"], line["needed_erlang_a"], line["sl_erlang_a_3"]), ("", "", ""))
        self.assertEqual(line["note"], "Erlang A not computed: not enough data (4 abandoned, at least 5 needed)")
        self.assertEqual(line["needed_erlang_c"], str(r["staffing"][0]["needed"]))

    def test_the_conversation_export_has_one_row_per_conversation_with_its_sla_clocks(self):
        self.conversation(wait=20, abandoned=True)
        self.client.force_login(self.manager)
        rows = self.client.get("/en/staff/desk/reports.csv").content.decode().splitlines()
        self.assertEqual(rows[0], "day,hour,channel,language,topic,outcome,wait_s,handle_s,resolution_s,clock,satisfaction")
        self.assertEqual(len(rows), 2)
        page = self.client.get("/en/staff/desk/reports/?days=7").content.decode()
        self.assertIn("reports.csv?days=7&amp;table=staffing", page)


class StaffingTests(SimpleTestCase):
    def test_it_leaves_out_what_erlang_a_cannot_compute(self):
        # 10 Erlangs on 3–8 consultants with callers who wait for 30 years:
        # a queue too long to compute, shown as "–" rather than a guess.
        [row] = staffing(Counter({9: 200}), 1, 180, patience=1e9)
        self.assertEqual(row["what_if_a"], [{"service_level": None, "abandonment": None}] * 6)
        self.assertEqual(row["needed_a"]["agents"], row["needed"])  # as patient as Erlang C's callers


class PerChannelTests(DeskTestCase):
    """SLA clocks: e-mail on business time with a one-business-day target, live
    channels in real seconds; service level and staffing from live channels only."""

    def test_email_counts_business_time_and_stays_out_of_the_live_figures(self):
        from django.utils import timezone as tz

        warsaw = tz.get_current_timezone()
        # Friday 17:00 (after hours) -> Monday 10:00 local time is 2 business hours (8-10 Mon).
        friday = dt.datetime(2026, 11, 27, 15, 0, tzinfo=warsaw)
        friday_evening = dt.datetime(2026, 11, 27, 17, 0, tzinfo=warsaw)
        monday = dt.datetime(2026, 11, 30, 10, 0, tzinfo=warsaw)
        email = self.chat("uk")
        Conversation.objects.filter(pk=email.pk).update(
            channel=Channel.EMAIL, enqueued_at=friday_evening, answered_at=monday, closed_at=monday,
            state=State.CLOSED, outcome=Outcome.ANSWERED, satisfaction=4,
        )  # fmt: skip
        chat = self.chat("ru")
        Conversation.objects.filter(pk=chat.pk).update(
            enqueued_at=friday, answered_at=friday + dt.timedelta(seconds=40), closed_at=friday + dt.timedelta(seconds=400),
            state=State.CLOSED, outcome=Outcome.ANSWERED, satisfaction=2,
        )  # fmt: skip
        self.client.force_login(self.manager)
        with self.settings(TIME_ZONE="Europe/Warsaw"):
            from desk.reports import compute

            r = compute(friday - dt.timedelta(days=1), 30)
        rows = {c["channel"]: c for c in r["by_channel"]}
        self.assertEqual(rows["email"]["median_first_response"], 2 * 3600)
        self.assertEqual(rows["email"]["first_hours"], 2.0)
        self.assertEqual(rows["email"]["within_target"], 100)
        self.assertEqual(rows["email"]["satisfaction"], 4)
        self.assertEqual(rows["chat"]["median_first_response"], 40)
        self.assertEqual(rows["chat"]["median_resolution"], 400)
        self.assertEqual(rows["chat"]["within_target"], 100)
        self.assertEqual(rows["chat"]["satisfaction"], 2)
        # The live figures ignore the e-mail entirely.
        self.assertEqual(r["median_first_response"], 40)
        self.assertEqual([s["hour"] for s in r["staffing"]], [15])  # the chat's hour; not the e-mail's 17:00
        page = self.client.get("/en/staff/desk/reports/")
        self.assertContains(page, "2.0 business h")
        self.assertContains(page, "100% within one business day")
        export = self.client.get("/en/staff/desk/reports.csv").content.decode().splitlines()
        self.assertIn("resolution_s,clock", export[0])
        self.assertTrue(any(line.endswith(",7200,business,4") for line in export))


class DistributionTests(DeskTestCase):
    def test_first_responses_are_counted_into_time_bands(self):
        now = timezone.now()
        for wait in (5, 20, 45, 100, 400, 900):
            c = self.chat()
            Conversation.objects.filter(pk=c.pk).update(
                enqueued_at=now - dt.timedelta(hours=1), answered_at=now - dt.timedelta(hours=1) + dt.timedelta(seconds=wait),
                state=State.CLOSED, closed_at=now, outcome=Outcome.ANSWERED,
            )  # fmt: skip
        self.client.force_login(self.manager)
        page = self.client.get("/en/staff/desk/reports/")
        [chat] = page.context["r"]["by_channel"]
        # ≤20 s: 5, 20; 21–60: 45; 1–3 min: 100; 3–10 min: 400; >10 min: 900.
        self.assertEqual([b["count"] for b in chat["distribution"]], [2, 1, 1, 1, 1])
        self.assertEqual([b["percent"] for b in chat["distribution"]], [33, 17, 17, 17, 17])
        self.assertContains(page, "<th scope=\"col\" class=\"num\">≤ 20 s</th>", html=False)
        self.assertContains(page, "3 min – 10 min")
        self.assertContains(page, "33% (2)")
        self.assertNotContains(page, "e-mail (business hours): share")  # no e-mail in this period
