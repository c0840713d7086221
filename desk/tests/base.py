import socket

from core.tests.base import CastTestCase
from desk.models import Channel, ConsultantProfile, Contact, Conversation


class DeskTestCase(CastTestCase):
    def profile(self, user, languages, status="available", capacity=2, topics=()):
        return ConsultantProfile.objects.update_or_create(
            user=user, defaults={"languages": languages, "status": status, "capacity": capacity, "topics": list(topics)}
        )[0]

    def chat(self, language="ru", topic="stay", name="Anna"):
        contact = Contact.objects.create(name=name, email=f"{name.lower()}@example.com", language=language)
        return Conversation.objects.create(contact=contact, channel=Channel.CHAT, language=language, topic=topic)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on, for a server a test starts."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
