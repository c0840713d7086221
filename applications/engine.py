"""Compiles page definitions into ordinary Django forms and runs every check.

One factory per field type builds a standard Django field whose errors carry a
rule ID as their code; the applicant sees that rule's message from the data, in
their language.
"""

import datetime as dt
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError

from core.forms import AccessibleForm
from guide.countries import country_choices

from . import validators as v
from .definition import Field, FormDefinition, Page
from .rules import CHECKS, Ctx
from .voivodeships import VOIVODESHIPS

SEVERITY_ORDER = {"error": 0, "warning": 1, "hint": 2}
# Django's own error codes, translated to our rule IDs.
DJANGO_CODES = {"required": "V01", "invalid_choice": "K-CHOICE", "max_length": "K-TOO-LONG", "invalid": "K-EMAIL"}


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    page: str
    fields: tuple[str, ...]
    message: str

    def as_json(self) -> dict:
        return {"rule": self.rule, "severity": self.severity, "page": self.page, "fields": list(self.fields), "message": self.message}


class Checked(forms.CharField):
    """A text field run through one validator from validators.py."""

    def __init__(self, *, check, **kwargs):
        self.check = check
        super().__init__(**kwargs)

    def clean(self, value):
        value = super().clean(value)
        return self.check(value) if value else value


def _choices(field: Field, lang: str):
    if field.type == "country":
        return [("", "—")] + list(country_choices(lang))
    if field.type == "voivodeship":
        return [("", "—")] + [(code, f"{v_['name']}") for code, v_ in VOIVODESHIPS.items()]
    if field.type == "yesno":
        from django.utils.translation import gettext as _

        return [("yes", _("Yes")), ("no", _("No"))]
    return [(c.value, c.label.get(lang)) for c in field.choices]


CHECKERS = {
    "name": v.check_name, "date": v.check_date, "pesel": v.check_pesel, "phone": v.check_phone,
    "postal_code": v.check_postal_code, "number": v.check_number, "mrz": lambda s: (v.parse_mrz_line2(s), s.strip().upper())[1],
}  # fmt: skip


def build_field(field: Field, lang: str) -> forms.Field:
    django_field = _build_field(field, lang)
    django_field.learn_more = field.learn_more  # a guide page slug, for the "learn more" link
    return django_field


def _build_field(field: Field, lang: str) -> forms.Field:
    common = {"label": field.label.get(lang), "help_text": field.hint.get(lang) if field.hint else "", "required": field.required}
    if field.type in ("choice", "yesno"):
        widget = forms.RadioSelect if field.type == "yesno" or len(field.choices) <= 8 else forms.Select
        return forms.ChoiceField(choices=_choices(field, lang), widget=widget, **common)
    if field.type in ("country", "voivodeship"):
        return forms.ChoiceField(choices=_choices(field, lang), **common)
    if field.type == "email":
        return forms.EmailField(max_length=field.max_length, **common)
    if field.type == "textarea":
        return forms.CharField(max_length=field.max_length, widget=forms.Textarea(attrs={"rows": 3}), **common)
    if field.type == "date":
        widget = forms.TextInput(attrs={"type": "date"})
        return Checked(check=v.check_date, max_length=10, widget=widget, **common)
    if field.type in CHECKERS:
        attrs = {"inputmode": "numeric"} if field.type in ("number", "pesel") else {}
        if field.type in ("phone",):
            attrs = {"type": "tel", "autocomplete": "tel"}
        return Checked(check=CHECKERS[field.type], max_length=field.max_length, widget=forms.TextInput(attrs=attrs), **common)
    return forms.CharField(max_length=field.max_length, **common)


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


def rule_for(field: Field, error: ValidationError) -> str:
    code = error.code or "invalid"
    if code in DJANGO_CODES:
        if code == "required" and field.type == "email":
            return "V37"
        if code == "invalid" and field.type != "email":
            return "K-CHOICE"
        return DJANGO_CODES[code]
    return code


def bind_page(definition: FormDefinition, page: Page, data, answers: dict, lang: str, prefix: str = "") -> forms.Form:
    fields = tuple(f.key for f in page.visible_fields(answers))
    cls = page_form_class(definition, page.key, lang, fields)
    return cls(data, prefix=prefix or None)


def page_findings(definition: FormDefinition, page: Page, form: forms.Form, lang: str, path_prefix: str = "") -> list[Finding]:
    """Field findings for a bound, validated page form; replaces Django's messages with the rules'."""
    findings = []
    by_key = {f.key: f for f in page.fields}
    for key, errors in list(form.errors.as_data().items()):
        if key == "__all__":
            continue
        rule_id = rule_for(by_key[key], errors[0])
        rule = definition.rules.get(rule_id)
        message = rule.message.get(lang) if rule else errors[0].messages[0]
        form.errors[key] = form.error_class([message])
        findings.append(Finding(rule_id, rule.severity if rule else "error", page.key, (path_prefix + key,), message))
    return findings


def check_fields(definition: FormDefinition, answers: dict, lang: str) -> list[Finding]:
    findings = []
    for page in definition.visible_pages(answers):
        if page.repeat:
            items = answers.get(page.key) if isinstance(answers.get(page.key), list) else []
            for i, item in enumerate(items[: page.max_items]):
                form = bind_page(definition, page, _as_data(item), answers, lang)
                form.is_valid()
                findings += page_findings(definition, page, form, lang, f"{page.key}[{i}].")
        else:
            form = bind_page(definition, page, _as_data(answers), answers, lang)
            form.is_valid()
            findings += page_findings(definition, page, form, lang)
    return findings


def _as_data(source) -> dict:
    # Answers are stored as strings; anything else (from an imported file) is
    # shown to the field as text so it fails its check instead of crashing.
    if not isinstance(source, dict):
        return {}
    return {k: v_ if isinstance(v_, str) else ("" if v_ is None else str(v_)) for k, v_ in source.items()}


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
