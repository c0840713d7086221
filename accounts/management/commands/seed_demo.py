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
        self._desk()
        self.stdout.write("Demo staff logins (password for all: %s):" % DEMO_PASSWORD)
        for role in Role:
            self.stdout.write(f"  {role.value:<11} {role.label}")

    def _desk(self):
        from desk.models import CannedResponse, ConsultantProfile

        skills = {
            "consultant": {"ru": "native", "uk": "fluent", "pl": "fluent"},
            "leader": {"pl": "native", "en": "fluent"},
            "manager": {"pl": "native", "en": "fluent", "ru": "basic"},
        }
        for username, languages in skills.items():
            user = User.objects.get(username=username)
            ConsultantProfile.objects.update_or_create(user=user, defaults={"languages": languages, "topics": ["stay", "work"]})
        CannedResponse.objects.update_or_create(
            key="greeting",
            defaults={
                "title": "Powitanie / Greeting",
                "text_pl": "Dzień dobry {name}, nazywam się {consultant}. W czym mogę pomóc?",
                "text_en": "Hello {name}, my name is {consultant}. How can I help you?",
                "text_ru": "Здравствуйте, {name}! Меня зовут {consultant}. Чем я могу помочь?",
                "text_uk": "Добрий день, {name}! Мене звати {consultant}. Чим я можу допомогти?",
            },
        )
