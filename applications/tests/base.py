import datetime as dt

from django.test import override_settings

from applications.models import Draft
from core.tests.base import CastTestCase

from .factory import clean_work


@override_settings(CATALOGUE_DATE="2026-12-01")
class DraftTestCase(CastTestCase):
    def make_draft(self, answers: dict | None = None, lang: str = "en", visited=None) -> Draft:
        draft, self.code = Draft.start("trc", dt.date(2026, 4, 27), lang)
        draft.answers = clean_work() if answers is None else answers
        draft.visited = visited or []
        draft.save()
        return draft

    def url(self, draft: Draft, rest: str = "", lang: str = "en") -> str:
        return f"/{lang}/apply/{draft.token}/{rest}"
