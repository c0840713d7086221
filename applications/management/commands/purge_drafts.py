from django.core.management.base import BaseCommand

from applications.models import Draft


class Command(BaseCommand):
    help = "Delete application drafts whose retention period has passed (run daily)."

    def handle(self, *args, **options):
        deleted, _ = Draft.objects.expired().delete()
        # A count only: nothing about the drafts themselves reaches the log.
        self.stdout.write(f"Deleted {deleted} expired draft(s).")
