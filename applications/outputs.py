"""What a draft turns into: the answers summary, the readiness report, the MOS
preparation pack (HTML and PDF), the paper form PDF and the JSON export/import."""

import json

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.registry import current

from .definition import FormDefinition
from .engine import check_application, readiness
from .registry import definition_for
from .voivodeships import VOIVODESHIPS

FORMAT = "konsultant/trc"
FORMAT_VERSION = 1
PURPOSE_PROCEDURE = {
    "work": "trc-work", "blue_card": "trc-blue-card", "seasonal": "trc-seasonal", "posted": "trc-posted-worker",
    "business": "trc-business", "studies": "trc-studies", "research": "trc-research",
    "traineeship": "trc-traineeship-volunteering", "family_polish": "trc-spouse-of-polish-citizen",
    "family_reunification": "trc-family-reunification", "family_other": "trc-family-other",
    "short_stay": "trc-short-stay", "other": "trc-other-circumstances",
}  # fmt: skip


def official_value(field, value, answers) -> str:
    """The value as it must be typed into MOS or printed: Polish, in capitals where
    the form wants them, "BRAK" for an empty optional field (V01)."""
    if value in (None, ""):
        return "BRAK" if field.none_word else ""
    if field.type == "yesno":
        return "TAK" if value == "yes" else "NIE"
    if field.type == "voivodeship":
        return VOIVODESHIPS.get(value, {}).get("name", value).upper()
    if field.type == "country":
        from guide.countries import country_name

        return country_name(value, "pl").upper()
    if field.type == "choice":
        choice = next((c for c in field.choices if c.value == value), None)
        if choice is None:
            return str(value)
        official = choice.official
        if "/" in official:  # marital status: feminine/masculine by sex
            female, male = official.split("/", 1)
            official = female if answers.get("sex") == "K" else male
        return official.upper() if field.key != "purpose" else official
    if field.type in ("name", "place", "text", "textarea"):
        return str(value).upper()
    return str(value)


def summary(definition: FormDefinition, answers: dict, lang: str) -> list[dict]:
    """Pages with their answers, for "check your answers"."""
    sections = []
    for page in definition.visible_pages(answers):
        if page.repeat:
            items = answers.get(page.key) if isinstance(answers.get(page.key), list) else []
            rows = [
                {"label": f"{page.item_title.get(lang)} {i + 1}", "value": ", ".join(str(v) for v in item.values() if v)}
                for i, item in enumerate(items)
                if isinstance(item, dict)
            ]
        else:
            rows = [
                {"key": f.key, "label": f.label.get(lang), "value": _display(f, answers.get(f.key), lang)}
                for f in page.visible_fields(answers)
            ]
        sections.append({"page": page, "title": page.title.get(lang), "rows": rows})
    return sections


def _display(field, value, lang) -> str:
    if value in (None, ""):
        return ""
    if field.type in ("choice",):
        choice = next((c for c in field.choices if c.value == value), None)
        return choice.label.get(lang) if choice else str(value)
    if field.type == "yesno":
        return _("Yes") if value == "yes" else _("No")
    if field.type in ("country", "voivodeship"):
        return official_value(field, value, {}).capitalize() if field.type == "voivodeship" else _country(value, lang)
    return str(value)


def _country(code, lang):
    from guide.countries import country_name

    return country_name(code, lang)


def fee_info(answers: dict, lang: str) -> dict:
    """The fee to pay, computed as the public guide computes it (guide.triage.fee_lines):
    students get the card-fee relief; there is a total only when the amounts add up."""
    from guide.triage import fee_lines

    snapshot = current()
    purpose = answers.get("purpose") if isinstance(answers.get("purpose"), str) else ""
    procedure = snapshot.procedures.get(PURPOSE_PROCEDURE.get(purpose, ""))
    if procedure is None:
        return {}
    lines, total = fee_lines(snapshot, procedure, "university" if purpose == "studies" else "")
    seat = VOIVODESHIPS.get(answers.get("authority") or "", {}).get("seat", "")
    return {
        "procedure": procedure,
        "lines": [{"name": x.fee.name.get(lang), "name_pl": x.fee.name.pl, "amount": x.amount, "kind": x.fee.kind} for x in lines],
        "total": total,
        "payee": _("Tax office (urząd miasta) of %(city)s, the seat of the voivode") % {"city": seat} if seat else "",
        "payee_pl": f"Urząd Miasta {seat} – opłata skarbowa" if seat else "",
        "payment_title": f"Opłata skarbowa – wniosek o zezwolenie na pobyt czasowy ({procedure.title.pl})",
    }


def attachments_todo(draft_answers: dict, lang: str) -> list[dict]:
    snapshot = current()
    procedure = snapshot.procedures.get(PURPOSE_PROCEDURE.get(draft_answers.get("purpose") or "", ""))
    if procedure is None:
        return []
    return [{"name": a.text.get(lang), "name_pl": a.text.pl, "note": a.note.get(lang) if a.note else "", "mandatory": a.mandatory} for a in procedure.attachments]


def report_context(draft, lang: str) -> dict:
    definition = definition_for(draft)
    findings = check_application(definition, draft.answers, timezone.localdate(), lang)
    return {"readiness": readiness(findings), "fee": fee_info(draft.answers, lang), "attachments": attachments_todo(draft.answers, lang)}


def pack(draft, lang: str) -> dict:
    """The MOS preparation pack: every answer in MOS order, written as it must be typed."""
    definition = definition_for(draft)
    answers = draft.answers
    rows_by_section: dict[str, list] = {}
    for page in definition.visible_pages(answers):
        if page.repeat:
            items = answers.get(page.key) if isinstance(answers.get(page.key), list) else []
            for i, item in enumerate(items):
                for f in page.fields:
                    rows_by_section.setdefault(f.mos_section, []).append(
                        _row(f, item.get(f.key) if isinstance(item, dict) else "", answers, lang, f" ({i + 1})")
                    )
            if not items:
                f = page.fields[0]
                rows_by_section.setdefault(f.mos_section, []).append(
                    {"order": f.mos_order, "ref": f.form_ref, "label": page.title.pl, "label_user": page.title.get(lang), "value": "BRAK", "unconfirmed": f.unconfirmed}
                )
            continue
        for f in page.visible_fields(answers):
            rows_by_section.setdefault(f.mos_section, []).append(_row(f, answers.get(f.key), answers, lang))
    sections = []
    for title, rows in rows_by_section.items():
        rows.sort(key=lambda r: r["order"])
        sections.append({"title": title, "title_user": title, "rows": rows, "unconfirmed": any(r["unconfirmed"] for r in rows)})
    findings = check_application(definition, answers, timezone.localdate(), lang)
    authority = VOIVODESHIPS.get(answers.get("authority") or "", {})
    return {
        "title": "Pakiet przygotowania wniosku do MOS",
        "subtitle": _("MOS preparation pack"),
        "authority": authority.get("authority", ""),
        "generated": timezone.localdate().isoformat(),
        "lang": lang,
        "sections": sections,
        "fee": fee_info(answers, lang),
        "attachments": attachments_todo(answers, lang),
        "findings": [f.as_json() for f in findings],
        "ready": readiness(findings)["ready"],
    }


def _row(field, value, answers, lang, suffix=""):
    return {
        "order": field.mos_order,
        "ref": field.form_ref,
        "label": field.label.pl + suffix,
        "label_user": field.label.get(lang) + suffix,
        "value": official_value(field, value, answers),
        "unconfirmed": field.unconfirmed,
    }


def _pdf_pack(draft, lang: str) -> dict:
    data = pack(draft, lang)
    fee = data["fee"]
    return {
        **data,
        "attachments": [{"name": a["name_pl"], "name_user": a["name"], "rule": a["note"], "ready": False} for a in data["attachments"]],
        "fee": {
            "lines": [{"name": line["name_pl"], "amount": f"{line['amount']} zł"} for line in fee.get("lines", [])],
            "total": f"{fee['total']} zł" if fee.get("total") is not None else "",
            "payee": fee.get("payee_pl", ""),
            "title": fee.get("payment_title", ""),
        },
        "next_steps": [
            _("After sending, download the UPO (official acknowledgement of receipt) and keep it with the PDF of the application."),
            _("Wait for the summons to give fingerprints and show your passport and originals; come on the date given."),
            _("If you filed on time and without formal defects, a certificate confirming the filing appears in your MOS account instead of a passport stamp."),
        ],
        "labels": {
            "attachments": _("Attachments"), "fee": _("Fee"), "findings": _("Findings"), "next_steps": _("What happens next"),
            "unconfirmed": _("Position on the form not confirmed"), "ready": _("ready"), "missing": _("to prepare"), "page": _("page"),
        },  # fmt: skip
    }


def render_pack_pdf(draft, lang: str) -> bytes:
    from .pdf import render_mos_pack

    return render_mos_pack(_pdf_pack(draft, lang))


PAPER_PARTS = {
    "Do": "ORGAN",
    "A": "A. DANE OSOBOWE CUDZOZIEMCA",
    "B": "B. MIEJSCE POBYTU CUDZOZIEMCA",
    "C": "C. INFORMACJE DOTYCZĄCE WNIOSKU",
    "Z1": "ZAŁĄCZNIK NR 1",
    "Z5": "ZAŁĄCZNIK NR 5",
    "F": "ZAŁĄCZNIKI",
}


def paper_pack(draft, lang: str) -> dict:
    """The same answers regrouped by the official form's parts (A, B, C, annexes)."""
    data = _pdf_pack(draft, lang)
    by_part: dict[str, list] = {}
    for section in data["sections"]:
        for row in section["rows"]:
            by_part.setdefault(row["ref"].split(".")[0], []).append(row)
    order = list(PAPER_PARTS)
    sections = [
        {"title": PAPER_PARTS.get(part, part), "title_user": "", "rows": rows, "unconfirmed": any(r["unconfirmed"] for r in rows)}
        for part, rows in sorted(by_part.items(), key=lambda item: order.index(item[0]) if item[0] in order else 99)
    ]
    return {**data, "title": definition_for(draft).title.pl.upper(), "sections": sections}


def render_paper_pdf(draft, lang: str) -> bytes:
    from .pdf import render_paper_form

    return render_paper_form(paper_pack(draft, lang))


def pdf_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- JSON export and import (docs/application-format.md) ---


def part_of(field) -> str:
    return field.form_ref.split(".")[0]


def export_data(definition: FormDefinition, answers: dict, language: str) -> dict:
    parts: dict[str, dict] = {}
    for page in definition.pages:
        if page.repeat:
            items = answers.get(page.key)
            if isinstance(items, list) and items:
                parts.setdefault(part_of(page.fields[0]), {})[page.key] = items
            continue
        for f in page.fields:
            if f.key in answers and answers[f.key] not in (None, ""):
                parts.setdefault(part_of(f), {})[f.key] = answers[f.key]
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "form_version": definition.effective_from.isoformat(),
        "language": language,
        "parts": parts,
    }


def export_json(draft) -> str:
    return json.dumps(export_data(definition_for(draft), draft.answers, draft.language), ensure_ascii=False, indent=2)


def import_data(definition: FormDefinition, data) -> tuple[dict, list[str]]:
    """Answers from an exported file, and every problem found on the way: an unknown
    part or field, a value of the wrong kind. Nothing is dropped without a word."""
    problems: list[str] = []
    answers: dict = {}
    if not isinstance(data, dict):
        return {}, [_("The file does not contain a JSON object.")]
    if data.get("format") != FORMAT:
        problems.append(_("The file's format is %(found)r, expected %(expected)r.") % {"found": data.get("format"), "expected": FORMAT})
    if data.get("format_version") != FORMAT_VERSION:
        problems.append(_("The file's format version is %(found)r; this version reads %(expected)r.") % {"found": data.get("format_version"), "expected": FORMAT_VERSION})
    parts = data.get("parts")
    if not isinstance(parts, dict):
        return {}, problems + [_("The file has no \"parts\" object with the answers.")]
    fields = {f.key: f for f in definition.all_fields().values()}
    groups = {p.key: p for p in definition.pages if p.repeat}
    for part, values in parts.items():
        if not isinstance(values, dict):
            problems.append(_("Part %(part)s is not an object; it was skipped.") % {"part": part})
            continue
        for key, value in values.items():
            if key in groups:
                answers[key] = _import_group(groups[key], part, value, problems)
            elif key in fields:
                if part_of(fields[key]) != part:
                    problems.append(_("Field %(key)s belongs to part %(right)s, not %(part)s; it was read anyway.") % {"key": key, "right": part_of(fields[key]), "part": part})
                answers[key] = _import_value(key, value, problems)
            else:
                problems.append(_("Unknown field %(key)s in part %(part)s; it was not imported.") % {"key": key, "part": part})
    return answers, problems


def _import_value(key, value, problems):
    if isinstance(value, str):
        return value
    if isinstance(value, list) and key == "purpose":
        return value  # kept as a list so rule V03 reports it
    problems.append(_("Field %(key)s should be text; its value was converted.") % {"key": key})
    return "" if value is None else json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else str(value)


def _import_group(page, part, value, problems):
    if not isinstance(value, list):
        problems.append(_("%(key)s should be a list; it was not imported.") % {"key": page.key})
        return []
    keys = {f.key for f in page.fields}
    items = []
    for i, item in enumerate(value[: page.max_items]):
        if not isinstance(item, dict):
            problems.append(_("Entry %(n)d of %(key)s is not an object; it was skipped.") % {"n": i + 1, "key": page.key})
            continue
        for extra in sorted(set(item) - keys):
            problems.append(_("Unknown field %(key)s in entry %(n)d of %(group)s; it was not imported.") % {"key": extra, "n": i + 1, "group": page.key})
        items.append({k: _import_value(k, v, problems) for k, v in item.items() if k in keys})
    if len(value) > page.max_items:
        problems.append(_("%(key)s has more than %(max)d entries; the rest were not imported.") % {"key": page.key, "max": page.max_items})
    return items
