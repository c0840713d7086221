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
        self._desk_history()
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

    def _desk_history(self):
        """Four weeks of closed infoline contacts, so the reports have something to
        show on a fresh demo: deterministic, synthetic (no real people), added once."""
        import datetime as dt
        import random

        from django.utils import timezone

        from desk.business_time import BusinessHours
        from desk.models import Channel, Contact, Conversation, Outcome, State

        if Contact.objects.filter(name__startswith="Demo ").exists():
            return
        rng = random.Random(2026)
        hours = BusinessHours()
        agents = list(User.objects.filter(username__in=["consultant", "leader", "manager"]))
        tz = timezone.get_current_timezone()
        today = timezone.localdate()
        rows = []
        for back in range(28, 0, -1):
            day = today - dt.timedelta(days=back)
            for n in range(rng.randint(8, 16)):
                at = dt.datetime.combine(day, dt.time(rng.randint(8, 15), rng.randint(0, 59)), tzinfo=tz)
                channel = rng.choices([Channel.PHONE, Channel.CHAT, Channel.EMAIL], weights=[5, 3, 2])[0]
                if channel != Channel.EMAIL and not hours.is_open(at):
                    continue  # calls and chats only come in office hours
                language = rng.choices(["uk", "ru", "pl", "en"], weights=[5, 3, 1, 1])[0]
                contact = Contact(name=f"Demo {back}-{n}", email=f"demo{back}-{n}@example.org", language=language)
                abandoned = channel != Channel.EMAIL and rng.random() < 0.12
                wait = rng.expovariate(1 / (14_400 if channel == Channel.EMAIL else 45))
                if channel == Channel.EMAIL:
                    answered = hours.add_business_seconds(at, wait)  # e-mail waits count office hours
                else:
                    answered = at + dt.timedelta(seconds=wait)
                closed = answered + dt.timedelta(seconds=rng.uniform(90, 600))
                conversation = Conversation(
                    channel=channel, language=language, topic=rng.choice(["stay", "stay", "work", "employment", "citizenship", "other"]),
                    subject="", state=State.CLOSED, assigned_to=None if abandoned else rng.choice(agents),
                    answered_at=None if abandoned else answered, closed_at=(at + dt.timedelta(seconds=wait)) if abandoned else closed,
                    outcome=Outcome.ABANDONED if abandoned else rng.choices([Outcome.ANSWERED, Outcome.REFERRED], weights=[9, 1])[0],
                    satisfaction=None if abandoned or rng.random() < 0.5 else rng.choices([5, 4, 3, 2, 1], weights=[6, 3, 1, 1, 1])[0],
                )  # fmt: skip
                rows.append((contact, conversation, at))
        contacts = Contact.objects.bulk_create([c for c, _, _ in rows])
        for contact, (_, conversation, _) in zip(contacts, rows):
            conversation.contact = contact
        created = Conversation.objects.bulk_create([c for _, c, _ in rows])
        for conversation, (_, _, at) in zip(created, rows):  # enqueued_at is set on create
            Conversation.objects.filter(pk=conversation.pk).update(enqueued_at=at)
        self.stdout.write(f"Demo infoline history: {len(created)} closed contacts over four weeks.")

