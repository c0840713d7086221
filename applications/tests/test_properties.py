"""Property tests: whatever is typed into any field of any page, the server never
answers with a 500 and never loses answers saved before."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from applications.definition import get_definitions
from applications.models import Draft
from applications.tests.factory import TODAY, clean_work

DEFINITION = get_definitions().at("trc", TODAY)
PAGES = [p for p in DEFINITION.pages]
GARBAGE = st.one_of(
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.sampled_from(["", " ", "0", "-1", "9" * 40, "2026-02-30", "31/12/99", "<script>alert(1)</script>", "' OR 1=1 --", "\x00", "ä" * 600, "🙂" * 20]),
)


def page_data(page):
    return st.fixed_dictionaries({f.key: GARBAGE for f in page.fields})


class GarbageTests(TestCase):
    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data(), button=st.sampled_from(["continue", "save", "add", "autosave"]))
    def test_garbage_never_breaks_a_page_or_loses_answers(self, data, button):
        page = data.draw(st.sampled_from(PAGES))
        fields = data.draw(page_data(page))
        draft, _code = Draft.start("trc", DEFINITION.effective_from, "uk")
        draft.answers = clean_work()
        draft.save()
        before = dict(draft.answers)
        response = self.client.post(f"/uk/apply/{draft.token}/{page.key}/", {**fields, button: "1"})
        self.assertIn(response.status_code, (200, 204, 302))
        draft.refresh_from_db()
        own = {f.key for f in page.fields} | {page.key}
        for key, value in before.items():
            if key not in own:
                self.assertEqual(draft.answers.get(key), value, key)
        if not page.repeat and button != "add":
            for key, value in fields.items():
                if key in {f.key for f in page.visible_fields(before)} and isinstance(draft.answers.get(key), str):
                    stored, raw = draft.answers[key], value.replace("\x00", "")
                    # Exactly what was typed, or (when valid) its normalised form: never dropped.
                    if stored != raw:
                        self.assertTrue(stored or not raw.strip(), key)
        # The rest of the application still renders.
        self.assertEqual(self.client.get(f"/uk/apply/{draft.token}/check/").status_code, 200)
