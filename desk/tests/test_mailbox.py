"""The e-mail channel against real mail servers started by the test: pymap
(IMAP) and aiosmtpd (SMTP). The mail protocols are not mocked."""

import email
import imaplib
import shutil
import socket
import subprocess
import sys
import time
from email.policy import default as default_policy
from pathlib import Path

from aiosmtpd.controller import Controller
from django.test import override_settings

from desk import actions
from desk.mailbox import ImapConfig, poll
from desk.models import Channel, Conversation, Direction

from .base import DeskTestCase, free_port


class Inbox:
    """aiosmtpd handler keeping what it received."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(email.message_from_bytes(envelope.content, policy=default_policy))
        return "250 OK"


class MailboxTests(DeskTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.imap_port = free_port()
        pymap = shutil.which("pymap", path=str(Path(sys.executable).parent))
        cls.imap = subprocess.Popen([pymap, "--host", "127.0.0.1", "--port", str(cls.imap_port), "--no-tls", "dict"],
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", cls.imap_port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        cls.inbox = Inbox()
        cls.smtp = Controller(cls.inbox, hostname="127.0.0.1", port=free_port())
        cls.smtp.start()

    @classmethod
    def tearDownClass(cls):
        cls.smtp.stop()
        cls.imap.terminate()
        cls.imap.wait(5)
        super().tearDownClass()

    def setUp(self):
        self.inbox.messages.clear()
        self.config = ImapConfig("127.0.0.1", self.imap_port, "demouser", "demopass", ssl=False)
        mailers = {"default": {"BACKEND": "django.core.mail.backends.smtp.EmailBackend", "OPTIONS": {"host": "127.0.0.1", "port": self.smtp.port}}}
        override = override_settings(MAILERS=mailers, INFOLINE_EMAIL="infolinia@example.gov.pl")
        override.enable()
        self.addCleanup(override.disable)

    def deliver(self, raw: bytes):
        client = imaplib.IMAP4("127.0.0.1", self.imap_port)
        client.login("demouser", "demopass")
        client.append("INBOX", None, None, raw)
        client.logout()

    def test_an_email_becomes_a_conversation_and_the_reply_stays_in_the_thread(self):
        self.deliver(
            "From: Olga Kovalenko <olga@example.com>\r\nTo: infolinia@example.gov.pl\r\nSubject: Карта побыту\r\n"
            "Message-ID: <first@example.com>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            "Добрый день! Как заменить карту побыту?\r\n".encode()
        )
        self.assertEqual(poll(self.config), 1)
        self.assertEqual(poll(self.config), 0)  # read once
        c = Conversation.objects.get()
        self.assertEqual((c.channel, c.language, c.contact.email), (Channel.EMAIL, "ru", "olga@example.com"))
        self.assertIn("Как заменить", c.messages.get().body)

        c.state, c.assigned_to = "active", self.consultant
        c.save()
        with self.captureOnCommitCallbacks(execute=True):
            actions.add_message(c, Direction.OUT, "Здравствуйте! Замену карты оформляют в течение 14 дней.", self.consultant)
        for _ in range(50):
            if self.inbox.messages:
                break
            time.sleep(0.1)
        sent = self.inbox.messages[0]
        self.assertEqual(sent["To"], "olga@example.com")
        self.assertEqual(sent["In-Reply-To"], "<first@example.com>")
        self.assertTrue(sent["Subject"].startswith("Re: "))
        self.assertIn("14 дней", sent.get_content())

        # Her answer to our reply joins the same conversation.
        self.deliver(
            f"From: olga@example.com\r\nTo: infolinia@example.gov.pl\r\nSubject: Re: Карта побыту\r\n"
            f"Message-ID: <second@example.com>\r\nIn-Reply-To: {sent['Message-ID']}\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\nСпасибо!\r\n".encode()
        )
        poll(self.config)
        self.assertEqual(Conversation.objects.count(), 1)
        self.assertEqual(list(c.messages.values_list("direction", flat=True)), ["in", "out", "in"])

    def test_html_only_and_oversized_mail_is_read_safely(self):
        self.deliver(
            b"From: a@example.com\r\nSubject: Hello\r\nMessage-ID: <h@example.com>\r\nContent-Type: text/html\r\n\r\n"
            b"<p>Question about <b>work permit</b></p>" + b"x" * 50_000
        )
        poll(self.config)
        body = Conversation.objects.get().messages.get().body
        self.assertIn("Question about", body)
        self.assertLessEqual(len(body), 20_000)

    def test_an_unreachable_mailbox_is_an_error_not_a_crash(self):
        with self.assertRaises(OSError):
            poll(ImapConfig("127.0.0.1", free_port(), "x", "y", ssl=False))
