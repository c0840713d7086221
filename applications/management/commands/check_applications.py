import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from applications.api import check_documents


class Command(BaseCommand):
    help = "Check application files (JSON, docs/application-format.md) and print every finding as JSON."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="application JSON files; a file may hold one document or a list")
        parser.add_argument("--lang", default="pl", choices=["pl", "en", "ru", "uk"])

    def handle(self, *args, files, lang, **options):
        output = []
        for name in files:
            try:
                body = json.loads(Path(name).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
                raise CommandError(f"{name}: cannot read JSON: {error}")
            documents = body if isinstance(body, list) else [body]
            for result in check_documents(documents, lang):
                output.append({"file": name, **result})
        self.stdout.write(json.dumps(output, ensure_ascii=False, indent=2))
