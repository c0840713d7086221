"""axe-core (WCAG 2.1 A/AA) on the desk's manager and survey page types, at
360 px and desktop: the reports (with the two-row Erlang A table) and the
e-mail rating page (the form, its thank-you and an expired link)."""

import datetime as dt
from unittest import mock

from django.utils import timezone

from accounts.models import Role, User
from core.tests.browser import BrowserTestCase
from desk import survey
from desk.models import Channel, Contact, Conversation, Outcome, State


class DeskPageTypesInBrowserTests(BrowserTestCase):
    def closed(self, channel, wait, abandoned=False, **extra):
        start = timezone.now().replace(minute=0, second=0, microsecond=0) - dt.timedelta(hours=2)
        contact = Contact.objects.create(name="Olena", email="olena@example.com", language="uk")
        c = Conversation.objects.create(contact=contact, channel=channel, language="uk", subject="Karta pobytu")
        Conversation.objects.filter(pk=c.pk).update(  # enqueued_at is set on create; move it back
            enqueued_at=start, state=State.CLOSED,
            answered_at=None if abandoned else start + dt.timedelta(seconds=wait),
            closed_at=start + dt.timedelta(seconds=wait + (0 if abandoned else 300)),
            outcome=Outcome.ABANDONED if abandoned else Outcome.ANSWERED, **extra,
        )  # fmt: skip
        c.refresh_from_db()
        return c

    def test_reports_with_erlang_a(self):
        for wait in (20, 40, 60, 80, 100):
            self.closed(Channel.PHONE, wait, abandoned=True)
        for wait in (30, 90):
            self.closed(Channel.CHAT, wait)
        self.closed(Channel.EMAIL, 600)
        User.objects.create_user("kierownik", password="pw-for-tests-only", role=Role.MANAGER)
        page = self.new_page(width=1280)
        self.log_in(page, "kierownik", "uk")
        self.assertTrue(page.url.endswith("/uk/staff/"))
        for width in (1280, 360):
            with self.subTest(width=width):
                page.set_viewport_size({"width": width, "height": 800})
                page.goto(self.url("/uk/staff/desk/reports/"))
                self.assertEqual(page.locator("table").count(), 9)  # both distributions and Erlang A shown
                self.assertNoAxeViolations(page)

    def test_the_rating_page_its_thanks_and_an_expired_link(self):
        c = self.closed(Channel.EMAIL, 600)
        path = survey.survey_url(c).split("://", 1)[1].split("/", 1)[1]
        for width in (360, 1280):
            with self.subTest(width=width):
                page = self.new_page(width=width)
                page.goto(self.url(f"/{path}"))
                self.assertNoAxeViolations(page)
                self.assertNoHorizontalScroll(page)
        page.check("input[name=rating][value='4']")
        with page.expect_navigation():
            page.click("form button[type=submit]")
        self.assertNoAxeViolations(page)
        c.refresh_from_db()
        self.assertEqual(c.satisfaction, 4)
        # 31 days on (the live server runs in this process, so the patched clock is its clock too).
        later = (timezone.now() + dt.timedelta(days=31)).timestamp()
        with mock.patch("django.core.signing.time.time", return_value=later):
            response = page.goto(self.url(f"/{path}"))
            self.assertEqual(response.status, 410)
        self.assertNoAxeViolations(page)
