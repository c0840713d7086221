import re
import time
from unittest import mock

from django.core import mail, signing
from django.test import override_settings

from desk import actions, survey
from desk.models import Channel, Contact, Conversation, Direction, Message, State

from .base import DeskTestCase

LINK = re.compile(r"https://konsultant\.example/(\w\w)/rate/([^/\s]+)/")


@override_settings(SITE_URL="https://konsultant.example/", INFOLINE_EMAIL="infolinia@example.gov.pl")
class SurveyTests(DeskTestCase):
    def email_conversation(self, language="uk", state=State.ACTIVE, email="olena@example.com"):
        contact = Contact.objects.create(name="Olena", email=email, language=language)
        return Conversation.objects.create(
            contact=contact, channel=Channel.EMAIL, language=language, subject="Карта побиту & продовження",
            state=state, assigned_to=self.consultant,
        )  # fmt: skip

    def close(self, c, outcome="answered"):
        with self.captureOnCommitCallbacks(execute=True):
            actions.close(c, self.consultant, outcome)

    def path(self, c) -> str:
        return LINK.search(survey.survey_url(c)).group(0).removeprefix("https://konsultant.example")

    def test_closing_an_email_conversation_sends_one_survey_in_its_language_in_the_thread(self):
        c = self.email_conversation("uk")
        Message.objects.create(conversation=c, direction=Direction.IN, body="?", email_message_id="<first@example.com>")
        self.close(c)
        self.assertEqual(len(mail.outbox), 1)
        sent = mail.outbox[0]
        self.assertEqual((sent.to, sent.from_email), (["olena@example.com"], "infolinia@example.gov.pl"))
        self.assertIn("Карта побиту & продовження", sent.body)  # the subject, not HTML-escaped
        lang, token = LINK.search(sent.body).groups()
        self.assertEqual(lang, "uk")  # rendered under translation.override(conversation.language)
        self.assertEqual(survey.read_token(token), c.public_id)
        self.assertEqual(sent.extra_headers["In-Reply-To"], "<first@example.com>")

    def test_chats_calls_unanswered_and_addressless_conversations_get_no_survey(self):
        chat = self.chat("uk")
        chat.state, chat.assigned_to = State.ACTIVE, self.consultant
        chat.save()
        self.close(chat)
        self.close(actions.log_call(self.consultant, phone="", name="", language="uk", topic="stay", citizenship_group="third", outcome="answered", note=""))  # fmt: skip
        for outcome in ("not_ours", "callback", "abandoned"):
            self.close(self.email_conversation(), outcome)
        self.close(self.email_conversation(email=""))
        self.assertEqual(mail.outbox, [])

    def test_a_failing_mail_server_does_not_break_closing(self):
        c = self.email_conversation()
        with mock.patch("desk.survey.EmailMessage.send", side_effect=OSError("SMTP down")), self.assertLogs("django", "ERROR"):
            self.close(c)
        c.refresh_from_db()
        self.assertEqual(c.state, State.CLOSED)

    def test_the_contact_rates_from_the_link_and_may_change_the_rating(self):
        c = self.email_conversation("uk")
        self.close(c)
        path = LINK.search(mail.outbox[0].body).group(0).removeprefix("https://konsultant.example")
        page = self.client.get(path)
        self.assertContains(page, '<html lang="uk">')
        self.assertEqual(len(re.findall(r"<h1[\s>]", page.content.decode())), 1)
        self.assertContains(page, "Карта побиту &amp; продовження")
        self.assertContains(page, 'type="radio" name="rating"', count=5)
        self.assertContains(page, "<legend>")
        response = self.client.post(path, {"rating": "4"})
        self.assertRedirects(response, f"{path}?thanks=1")
        c.refresh_from_db()
        self.assertEqual(c.satisfaction, 4)
        thanks = self.client.get(f"{path}?thanks=1")
        self.assertContains(thanks, 'role="status"')
        self.assertNotContains(thanks, "<form method=\"post\" action=\"/uk/rate/")
        # Coming back: the current rating is checked, and it can be changed.
        again = self.client.get(path)
        self.assertContains(again, 'value="4" id="id_rating_1" checked')
        self.client.post(path, {"rating": "2"})
        c.refresh_from_db()
        self.assertEqual(c.satisfaction, 2)

    def test_an_invalid_rating_shows_the_form_again_with_an_error(self):
        c = self.email_conversation("en", state=State.CLOSED)
        for data in ({}, {"rating": "9"}, {"rating": "x"}):
            response = self.client.post(self.path(c), data)
            self.assertEqual(response.status_code, 200)
            self.assertContains(response, "There is a problem")
            self.assertContains(response, 'class="error-message"')
        c.refresh_from_db()
        self.assertIsNone(c.satisfaction)

    def test_a_tampered_or_foreign_token_is_not_found(self):
        c = self.email_conversation("en", state=State.CLOSED)
        token = survey.make_token(c)
        other_salt = signing.dumps(str(c.public_id), salt="something.else")
        not_a_uuid = signing.dumps("42", salt=survey.SALT)
        for bad in (token[:-2] + ("AA" if not token.endswith("AA") else "BB"), token.replace(":", "x", 1), other_salt, not_a_uuid, "x"):
            for method in (self.client.get, self.client.post):
                response = method(f"/en/rate/{bad}/", {"rating": "5"} if method == self.client.post else None)
                self.assertEqual(response.status_code, 404, bad)
                self.assertContains(response, "Page not found", status_code=404)
        c.refresh_from_db()
        self.assertIsNone(c.satisfaction)

    def test_an_expired_link_says_so(self):
        c = self.email_conversation("en", state=State.CLOSED)
        long_ago = time.time() - 31 * 24 * 3600
        with mock.patch("django.core.signing.time.time", return_value=long_ago):
            path = self.path(c)
        for response in (self.client.get(path), self.client.post(path, {"rating": "5"})):
            self.assertContains(response, "This link has expired", status_code=410)
        c.refresh_from_db()
        self.assertIsNone(c.satisfaction)
        with mock.patch("django.core.signing.time.time", return_value=time.time() - 29 * 24 * 3600):
            path = self.path(c)
        self.assertEqual(self.client.get(path).status_code, 200)

    def test_only_a_closed_email_conversation_can_be_rated(self):
        open_one = self.email_conversation("en", state=State.ACTIVE)
        chat = self.chat("en")
        chat.state = State.CLOSED
        chat.save()
        for c in (open_one, chat):
            self.assertEqual(self.client.get(self.path(c)).status_code, 404)
            self.assertEqual(self.client.post(self.path(c), {"rating": "5"}).status_code, 404)
            c.refresh_from_db()
            self.assertIsNone(c.satisfaction)

    def test_email_ratings_count_in_the_report(self):
        from desk.reports import compute

        c = self.email_conversation("en", state=State.CLOSED)
        self.client.post(self.path(c), {"rating": "4"})
        self.assertEqual(compute(c.enqueued_at.replace(year=2000), 30)["satisfaction"], 4)
