import time

from django.core.management.base import BaseCommand, CommandError

from desk.mailbox import ImapConfig, poll


class Command(BaseCommand):
    help = "Read new e-mail from the infoline mailbox (IMAP) into conversations. Runs once, or every --interval seconds."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=int, default=0, help="seconds between polls; 0 = poll once")

    def handle(self, *args, interval, **options):
        config = ImapConfig.from_settings()
        if config is None:
            raise CommandError("IMAP_HOST is not set.")
        while True:
            try:
                count = poll(config)
                self.stdout.write(f"{count} new message(s).")
            except OSError as error:
                # The mail server being away is not fatal to a worker: try again later.
                self.stderr.write(f"Mailbox unreachable: {error}")
                if not interval:
                    raise CommandError("Mailbox unreachable.")
            if not interval:
                return
            time.sleep(interval)
