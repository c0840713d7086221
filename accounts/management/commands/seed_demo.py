from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from accounts.models import Role, User

DEMO_PASSWORD = "demo-konsultant-2026"


class Command(BaseCommand):
    help = "Create demo staff accounts, one per role (development only), and print their logins."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo accounts are only created with DEBUG=true.")
        for role in Role:
            user, created = User.objects.get_or_create(username=f"{role.value}", defaults={"role": role.value})
            user.role = role.value
            user.first_name = str(role.label)
            user.set_password(DEMO_PASSWORD)
            user.save()
        self.stdout.write("Demo staff logins (password for all: %s):" % DEMO_PASSWORD)
        for role in Role:
            self.stdout.write(f"  {role.value:<11} {role.label}")
