"""Compiles page definitions into ordinary Django forms and runs every check.

One factory per field type builds a standard Django field whose errors carry a
rule ID as their code; the applicant sees that rule's message from the data, in
their language.
"""

import copy
import datetime as dt
from dataclasses import dataclass
from functools import cache

from django import forms
from django.core.exceptions import ValidationError

from core.forms import AccessibleForm
from guide.countries import country_choices

from . import validators as v
from .definition import Field, FormDefinition, Page
from .rules import CHECKS, Ctx
from .voivodeships import VOIVODESHIPS

SEVERITY_ORDER = {"error": 0, "warning": 1, "hint": 2}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    page: str
    fields: tuple[str, ...]
    message: str

    def as_json(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "page": self.page, "fields": list(self.fields), "message": self.message}


@cache
def allowed_values(field: Field) -> frozenset[str]:
    if field.type == "yesno":
        return frozenset(("yes", "no"))
    if field.type == "voivodeship":
        return frozenset(VOIVODESHIPS)
    if field.type == "country":
        return frozenset(code for code, _ in country_choices("en"))
    return frozenset(c.value for c in field.choices)


CHECKERS = {
    "name": v.check_name, "date": v.check_date, "pesel": v.check_pesel, "phone": v.check_phone,
    "postal_code": v.check_postal_code, "number": v.check_number, "email": v.check_email, "mrz": v.check_mrz,
}  # fmt: skip


def clean_value(field: Field, raw) -> str:
    """The one check of one answer, shared by the wizard's Django forms and the
    whole-application check. Returns the normalised value; raises
    ValidationError whose code is the rule ID."""
    value = raw.strip() if isinstance(raw, str) else ""
    if not value:
        if field.required:
            v.fail("V37" if field.type == "email" else "V01")
        return ""
    if "\x00" in value or len(value) > field.max_length:
        v.fail("K-TOO-LONG" if len(value) > field.max_length else "K-CHOICE")
    if field.type in ("choice", "yesno", "country", "voivodeship"):
        if value not in allowed_values(field):
            v.fail("K-CHOICE")
        return value
    checker = CHECKERS.get(field.type)
    return checker(value) if checker else " ".join(value.split()) if field.type != "textarea" else value


class DefinedField:
    """Mixed into a Django field: its validation is clean_value()."""

    def __init__(self, *, spec: Field, **kwargs):
        self.spec = spec
        self.learn_more = spec.learn_more  # a guide page slug, for the "learn more" link
        super().__init__(**kwargs)

    def clean(self, value):
        return clean_value(self.spec, value)

    def __deepcopy__(self, memo):
        # Django deep-copies every field for every form instance, including the
        # 250-country choice lists: 6 ms per request here. The choices never change
        # per request, so share them; copy only what a form instance may modify.
        result = copy.copy(self)
        memo[id(self)] = result
        result.widget = copy.copy(self.widget)
        result.widget.attrs = self.widget.attrs.copy()
        result.error_messages = self.error_messages.copy()
        result.validators = self.validators[:]
        return result


class DefinedChoiceField(DefinedField, forms.ChoiceField):
    pass


class DefinedCharField(DefinedField, forms.CharField):
    pass


def _choices(field: Field, lang: str):
    if field.type == "country":
        return [("", "—")] + list(country_choices(lang))
    if field.type == "voivodeship":
        return [("", "—")] + [(code, f"{vv['name']}") for code, vv in VOIVODESHIPS.items()]
    if field.type == "yesno":
        from django.utils.translation import gettext as _

        return [("yes", _("Yes")), ("no", _("No"))]
    return [(c.value, c.label.get(lang)) for c in field.choices]


WIDGET_ATTRS = {
    # Dates are plain text (as GOV.UK advises against native date pickers); any of
    # 2027-03-31, 31.03.2027 or 31/03/2027 is understood and stored as ISO.
    "date": {"autocomplete": "off", "spellcheck": "false"}, "number": {"inputmode": "decimal"}, "pesel": {"inputmode": "numeric"},
    "phone": {"type": "tel", "autocomplete": "tel"}, "email": {"type": "email", "autocomplete": "email"},
    "postal_code": {"autocomplete": "postal-code"},
}  # fmt: skip


def build_field(field: Field, lang: str) -> forms.Field:
    common = {
        "spec": field,
        "label": field.label.get(lang),
        "help_text": field.hint.get(lang) if field.hint else "",
        "required": field.required,
    }
    if field.type in ("choice", "yesno", "country", "voivodeship"):
        radio = field.type == "yesno" or (field.type == "choice" and len(field.choices) <= 8)
        return DefinedChoiceField(choices=_choices(field, lang), widget=forms.RadioSelect if radio else forms.Select, **common)
    if field.type == "textarea":
        return DefinedCharField(widget=forms.Textarea(attrs={"rows": 3}), **common)
    return DefinedCharField(widget=forms.TextInput(attrs=WIDGET_ATTRS.get(field.type, {})), **common)


_FORM_CLASSES: dict[tuple, type[forms.Form]] = {}


def page_form_class(definition: FormDefinition, page_key: str, lang: str, field_keys: tuple[str, ...]) -> type[forms.Form]:
    """The Django form for one page with the given visible fields. Compiled once
    per form version, page, language and set of visible fields."""
    key = (definition.form, definition.effective_from, page_key, lang, field_keys)
    if key not in _FORM_CLASSES:
        page = definition.page(page_key)
        by_key = {f.key: f for f in page.fields}
        attrs = {name: build_field(by_key[name], lang) for name in field_keys}
        _FORM_CLASSES[key] = type(f"{page_key.title()}Form", (AccessibleForm,), attrs)
    return _FORM_CLASSES[key]


def bind_page(definition: FormDefinition, page: Page, data, answers: dict, lang: str, prefix: str = "") -> forms.Form:
    if data is None:
        fields = tuple(f.key for f in page.shown_fields(answers))
    else:
        # What applies is decided by the answers just sent for this page.
        sent = {f.key: data.get(f.key) for f in page.fields if f.key in data}
        fields = tuple(f.key for f in page.visible_fields({**answers, **sent}))
    cls = page_form_class(definition, page.key, lang, fields)
    return cls(data, prefix=prefix or None)


def _finding(definition: FormDefinition, rule_id: str, page: str, path: str, lang: str) -> Finding:
    rule = definition.rules[rule_id]
    return Finding(rule_id, rule.severity, page, (path,), rule.message.get(lang))


def page_findings(definition: FormDefinition, page: Page, form: forms.Form, lang: str, path_prefix: str = "") -> list[Finding]:
    """Findings for a bound, validated page form; its error texts become the rules' messages."""
    findings = []
    for key, errors in list(form.errors.as_data().items()):
        if key == "__all__":
            continue
        finding = _finding(definition, errors[0].code, page.key, path_prefix + key, lang)
        form.errors[key] = form.error_class([finding.message])
        findings.append(finding)
    return findings


def check_fields(definition: FormDefinition, answers: dict, lang: str) -> list[Finding]:
    """Every visible field of every visible page, with the same check the forms use."""
    findings = []
    for page in definition.visible_pages(answers):
        if page.repeat:
            items = answers.get(page.key)
            entries = [(f"{page.key}[{i}].", item) for i, item in enumerate(items[: page.max_items])] if isinstance(items, list) else []
        else:
            entries = [("", answers)]
        for prefix, source in entries:
            source = source if isinstance(source, dict) else {}
            for field in page.visible_fields(answers if not prefix else source):
                if isinstance(source.get(field.key), list):
                    continue  # a list where one answer belongs: reported by its rule (V03)
                try:
                    clean_value(field, source.get(field.key))
                except ValidationError as error:
                    findings.append(_finding(definition, error.code, page.key, prefix + field.key, lang))
    return findings


def check_rules(definition: FormDefinition, answers: dict, today: dt.date, lang: str) -> list[Finding]:
    findings = []
    field_page = definition.field_page()
    for rule_id, rule in definition.rules.items():
        fn = CHECKS.get(rule_id)
        if fn is None:
            continue
        for fields in fn(Ctx(answers, today, rule.params)):
            page = field_page.get(fields[0].split(".")[-1], rule.page)
            findings.append(Finding(rule_id, rule.severity, page, tuple(fields), rule.message.get(lang)))
    return findings


def check_application(definition: FormDefinition, answers: dict, today: dt.date, lang: str) -> list[Finding]:
    findings = check_fields(definition, answers, lang) + check_rules(definition, answers, today, lang)
    return sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity])


def readiness(findings: list[Finding]) -> dict:
    errors = [f for f in findings if f.severity == "error"]
    warnings = [f for f in findings if f.severity == "warning"]
    hints = [f for f in findings if f.severity == "hint"]
    # A simple, explainable score: every error costs 15 points, every warning 5.
    score = max(0, 100 - 15 * len(errors) - 5 * len(warnings))
    return {"ready": not errors, "score": score, "errors": errors, "warnings": warnings, "hints": hints}
