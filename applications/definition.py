"""The application form as data: pages, fields, conditions, repeating groups,
hints in four languages, and each field's place on the official form and in MOS.

Files: applications/data/forms/<form>/YYYY-MM-DD/ is one version of a form:
form.toml (title, official form) and NN-<page>.toml files, one or more pages
each, read in file-name order. applications/data/rules/YYYY-MM-DD.toml holds
rule IDs, severities, pages, fields and messages.
The checks behind each rule ID are Python (rules.py); a rule in the data with no
check, or a check with no rule in the data, stops start-up.
"""

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from catalogue.loader import Versioned
from catalogue.schema import CatalogueError, Reader, Text, date_from_filename

DATA_DIR = Path(__file__).resolve().parent / "data"
FIELD_TYPES = (
    "text", "textarea", "name", "date", "choice", "country", "yesno", "pesel", "phone", "email",
    "postal_code", "number", "voivodeship", "mrz", "place",
)  # fmt: skip
SEVERITIES = ("error", "warning", "hint")


@dataclass(frozen=True)
class Choice:
    value: str
    label: Text
    official: str  # what goes onto the official form (Polish)


@dataclass(frozen=True)
class Condition:
    """Show a page or field only when another answer is one of the values."""

    field: str
    values: tuple[str, ...]

    def holds(self, answers: dict) -> bool:
        value = answers.get(self.field)
        if isinstance(value, list):  # e.g. two purposes in an imported file (rule V03)
            return any(str(item) in self.values for item in value)
        return str(value) in self.values if value not in (None, "") else False


@dataclass(frozen=True, eq=False)  # identity hash: fields are unique and used as cache keys
class Field:
    key: str
    type: str
    label: Text
    hint: Text | None
    required: bool
    choices: tuple[Choice, ...]
    form_ref: str  # e.g. "A.1" – part and field number on the official form
    mos_section: str
    mos_order: int
    max_length: int
    when: Condition | None
    none_word: bool  # written as "BRAK" on the form when left empty (V01)
    unconfirmed: bool
    learn_more: str  # a guide or knowledge-base slug, optional


@dataclass(frozen=True)
class Page:
    key: str
    title: Text
    intro: Text | None
    fields: tuple[Field, ...]
    when: Condition | None
    repeat: bool  # a repeating group ("add another")
    max_items: int
    item_title: Text | None

    def visible_fields(self, answers: dict) -> list[Field]:
        return [f for f in self.fields if f.when is None or f.when.holds(answers)]

    def shown_fields(self, answers: dict) -> list[Field]:
        """Fields to show before the applicant answers: a field that depends on another
        answer on the same page is shown too (its hint says when it applies), since
        without JavaScript the page cannot reveal it later."""
        own = {f.key for f in self.fields}
        return [f for f in self.fields if f.when is None or f.when.field in own or f.when.holds(answers)]


@dataclass(frozen=True)
class RuleDef:
    id: str
    severity: str
    page: str
    fields: tuple[str, ...]
    message: Text
    params: dict = field(default_factory=dict)  # dated thresholds, e.g. the Blue Card salary


@dataclass(frozen=True)
class FormDefinition:
    form: str
    effective_from: dt.date
    title: Text
    official_form: str
    pages: tuple[Page, ...]
    rules: dict[str, RuleDef] = field(default_factory=dict)

    def page(self, key: str) -> Page | None:
        return next((p for p in self.pages if p.key == key), None)

    def visible_pages(self, answers: dict) -> list[Page]:
        return [p for p in self.pages if p.when is None or p.when.holds(answers)]

    def all_fields(self) -> dict[str, Field]:
        return {f.key: f for p in self.pages for f in p.fields}

    def field_page(self) -> dict[str, str]:
        return {f.key: p.key for p in self.pages for f in p.fields}


def _condition(r: Reader, key: str) -> Condition | None:
    table = r.table(key, required=False)
    if table is None:
        return None
    cond = Condition(table.string("field"), table.strings("in"))
    table.done()
    return cond


def _field(r: Reader) -> Field:
    ftype = r.choice("type", FIELD_TYPES)
    choices = []
    for c in r.tables("choices", required=ftype == "choice"):
        choices.append(Choice(c.string("value"), c.text("label"), c.string("official")))
        c.done()
    mos = r.table("mos")
    f = Field(
        key=r.string("key"),
        type=ftype,
        label=r.text("label"),
        hint=r.text("hint", required=False),
        required=r.boolean("required", True),
        choices=tuple(choices),
        form_ref=r.string("form_ref"),
        mos_section=mos.string("section"),
        mos_order=mos.integer("order"),
        max_length=r.integer("max_length", required=False, default=200),
        when=_condition(r, "when"),
        none_word=r.boolean("none_word"),
        unconfirmed=r.boolean("unconfirmed"),
        learn_more=r.string("learn_more", required=False),
    )
    mos.done()
    r.done()
    return f


def _read(path: Path) -> Reader:
    with path.open("rb") as fh:
        try:
            return Reader(path, tomllib.load(fh))
        except tomllib.TOMLDecodeError as error:
            raise CatalogueError(path, "(syntax)", str(error))


def load_form(folder: Path) -> FormDefinition:
    r = _read(folder / "form.toml")
    pages = []
    for page_file in sorted(folder.glob("[0-9]*.toml")):
        pages += _pages(_read(page_file))
    definition = FormDefinition(
        form=folder.parent.name,
        effective_from=date_from_filename(folder),
        title=r.text("title"),
        official_form=r.string("official_form"),
        pages=tuple(pages),
    )
    r.done()
    _check_unique(folder, definition)
    return definition


def _pages(r: Reader) -> list[Page]:
    pages = []
    for p in r.tables("pages"):
        repeat = p.boolean("repeat")
        pages.append(
            Page(
                key=p.string("key"),
                title=p.text("title"),
                intro=p.text("intro", required=False),
                fields=tuple(_field(f) for f in p.tables("fields")),
                when=_condition(p, "when"),
                repeat=repeat,
                max_items=p.integer("max_items", required=False, default=20),
                item_title=p.text("item_title", required=repeat),
            )
        )
        p.done()
    r.done()
    return pages


def _check_unique(path: Path, definition: FormDefinition):
    seen_pages, seen_fields = set(), set()
    for page in definition.pages:
        if page.key in seen_pages:
            raise CatalogueError(path, f"pages.{page.key}", "page key is used twice")
        seen_pages.add(page.key)
        for f in page.fields:
            if f.key in seen_fields:
                raise CatalogueError(path, f"pages.{page.key}.fields.{f.key}", "field key is used twice")
            seen_fields.add(f.key)
    for page in definition.pages:
        for cond in [page.when] + [f.when for f in page.fields]:
            if cond and cond.field not in seen_fields:
                raise CatalogueError(path, f"pages.{page.key}", f"condition on unknown field {cond.field!r}")


def _params(item: Reader) -> dict:
    table = item.table("params", required=False)
    if table is None:
        return {}
    for key, value in table.data.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            table.fail(key, "must be a number")
    table.seen |= set(table.data)
    return dict(table.data)


def load_rules(path: Path) -> dict[str, RuleDef]:
    r = _read(path)
    rules = {}
    for item in r.tables("rules"):
        rule = RuleDef(
            id=item.string("id"),
            severity=item.choice("severity", SEVERITIES),
            page=item.string("page"),
            fields=item.strings("fields"),
            message=item.text("message"),
            params=_params(item),
        )
        if rule.id in rules:
            item.fail("id", f"{rule.id} is defined twice")
        rules[rule.id] = rule
        item.done()
    r.done()
    return rules


@dataclass
class Definitions:
    forms: dict[str, Versioned]
    rules: Versioned

    def at(self, form: str, date: dt.date) -> FormDefinition:
        definition = self.forms[form].at(date)
        if definition is None:
            raise LookupError(f"No {form} form in force on {date}.")
        rules = self.rules.at(date) or {}
        return FormDefinition(**{**definition.__dict__, "rules": rules})


def _versions(paths, load) -> Versioned:
    pairs = sorted((date_from_filename(p), p) for p in paths)
    return Versioned(tuple(d for d, _ in pairs), tuple(load(p) for _, p in pairs))


def load_definitions(data_dir: Path = DATA_DIR) -> Definitions:
    from .rules import CHECKS, FIELD_RULES

    forms = {
        d.name: _versions(sorted(v for v in d.iterdir() if v.is_dir()), load_form)
        for d in (data_dir / "forms").iterdir()
        if d.is_dir()
    }
    rules = _versions(sorted((data_dir / "rules").glob("*.toml")), load_rules)
    for start, _end, version in rules.intervals():
        path = data_dir / "rules" / f"{start}.toml"
        missing = set(version) - set(CHECKS) - FIELD_RULES
        if missing:
            raise CatalogueError(path, "rules", f"no check in rules.py for {', '.join(sorted(missing))}")
        for rule in version.values():
            for form in forms.values():
                for f_start, f_end, definition in form.intervals():
                    known = set(definition.all_fields()) | {"_attachments"}
                    if f_start < _end and start < f_end and not set(rule.fields) <= known | {"purpose"}:
                        raise CatalogueError(path, f"rules.{rule.id}.fields", f"unknown field(s) {set(rule.fields) - known}")
    unused = (set(CHECKS) | FIELD_RULES) - {rid for v in rules.items for rid in v}
    if unused:
        raise CatalogueError(data_dir / "rules", "rules", f"checks with no rule in the data: {', '.join(sorted(unused))}")
    return Definitions(forms, rules)


@cache
def get_definitions() -> Definitions:
    return load_definitions()

