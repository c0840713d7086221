import time

from django.core.management.base import BaseCommand

from desk.actions import route


class Command(BaseCommand):
    help = "Offer waiting chats and e-mails to consultants and take back unanswered offers. Run as a worker with --interval."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=0, help="seconds between rounds; 0 = one round")

    def handle(self, *args, interval, **options):
        while True:
            offers = route()
            if offers or not interval:
                self.stdout.write(f"{len(offers)} offer(s).")
            if not interval:
                return
            time.sleep(interval)
