import datetime as dt

from kb.models import Answer, Status, Variant
from kb.search import bump_version

TEXTS = {
    "pl": ("Utrata karty pobytu", "Zgłoś utratę karty pobytu w ciągu 3 dni. Opłata za nową kartę wynosi 200 zł."),
    "en": ("Losing your residence card", "Report a lost residence card within 3 days. A new card costs 200 zł."),
    "ru": ("Потеря карты побыту", "Сообщите о потере карты побыту в течение 3 дней. Новая карта стоит 200 злотых."),
    "uk": ("Втрата карти побиту", "Повідомте про втрату карти побиту протягом 3 днів. Нова карта коштує 200 злотих."),
}


def make_answer(slug="card-lost", audience="public", status=Status.PUBLISHED, langs=("pl", "en", "ru", "uk"), texts=TEXTS, **extra):
    answer = Answer.objects.create(
        slug=slug, topic="cards", audience=audience, status=status, legal_basis=["art. 230 ustawy o cudzoziemcach"],
        review_by=dt.date(2027, 6, 30), **extra,
    )  # fmt: skip
    for lang in langs:
        title, body = texts[lang]
        Variant.objects.create(answer=answer, language=lang, title=title, body=body)
    bump_version()
    return answer
