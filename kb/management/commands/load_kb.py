from django.core.management.base import BaseCommand
from django.db import transaction

from kb.content import load_all
from kb.models import LANGS, Answer, Status, Variant
from kb.search import bump_version


class Command(BaseCommand):
    help = "Load the knowledge-base answers from kb/data/answers/ (published). Answers edited in the app are left alone."

    @transaction.atomic
    def handle(self, *args, **options):
        created = updated = kept = 0
        for seed in load_all():
            answer = Answer.objects.filter(slug=seed.slug).first()
            if answer is not None and answer.revisions.exists():
                kept += 1  # an editor has changed it: the app's version wins
                continue
            fields = {
                "topic": seed.topic,
                "audience": seed.audience,
                "status": Status.PUBLISHED,
                "procedures": list(seed.procedures),
                "legal_basis": list(seed.legal_basis),
                "sources": list(seed.sources),
                "review_by": seed.review_by,
                "unconfirmed": seed.unconfirmed,
            }
            answer, was_created = Answer.objects.update_or_create(slug=seed.slug, defaults=fields)
            created += was_created
            updated += not was_created
            for lang in LANGS:
                Variant.objects.update_or_create(
                    answer=answer,
                    language=lang,
                    defaults={
                        "title": seed.title.get(lang),
                        "body": seed.body.get(lang).strip(),
                        "keywords": seed.keywords.get(lang) if seed.keywords else "",
                    },
                )
        bump_version()
        self.stdout.write(f"Knowledge base: {created} created, {updated} updated, {kept} kept (edited in the app).")
