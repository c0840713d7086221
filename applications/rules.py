"""Cross-field checks, one function per rule ID.

Severity, page, fields and the message in four languages are data
(data/rules/YYYY-MM-DD.toml); what a rule looks at is here. A check returns the
places where the rule is broken: a list of field-path lists (an empty list means
the rule holds). Field paths of repeating groups read "trips[2].trip_to".
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from stdnum.pl import nip, pesel, regon

from .validators import CYRILLIC, parse_date, parse_mrz_line2

# Rules decided by the field checks (validators.py and the compiled forms).
FIELD_RULES = {
    "V01", "V37", "V35", "V36", "K-DATE", "K-CHOICE", "K-NUMBER", "K-TOO-LONG", "K-EMAIL",
    "K-PHONE", "K-NAME-LATIN", "K-POSTAL-FORMAT",
}  # fmt: skip
WORK_PURPOSES = {"work", "blue_card", "seasonal", "posted"}
ANNEX_PURPOSES = WORK_PURPOSES | {"studies", "research", "traineeship"}
# Postal districts (first digit) plausible for each voivodeship; only a heuristic
# (legal-facts.md §5.5), so a mismatch is a warning.
POSTAL_DISTRICTS = {
    "02": "56", "04": "8", "06": "2", "08": "6", "10": "9", "12": "3", "14": "02", "16": "4",
    "18": "3", "20": "1", "22": "78", "24": "43", "26": "2", "28": "18", "30": "678", "32": "7",
}  # fmt: skip


@dataclass
class Ctx:
    answers: dict
    today: dt.date
    params: dict

    def get(self, key: str) -> str:
        value = self.answers.get(key)
        return value.strip() if isinstance(value, str) else ""

    def date(self, key: str, source: dict | None = None) -> dt.date | None:
        value = (source if source is not None else self.answers).get(key)
        return parse_date(value) if isinstance(value, str) and value else None

    def items(self, group: str) -> list[dict]:
        value = self.answers.get(group)
        return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []

    def number(self, key: str) -> float | None:
        # Read numbers as the field check does ("9 800", "7500,50").
        try:
            return float(self.get(key).replace(" ", "").replace(",", "."))
        except ValueError:
            return None

    def purpose(self) -> str:
        value = self.answers.get("purpose")
        return value if isinstance(value, str) else ""


def years_later(date: dt.date, years: int) -> dt.date:
    try:
        return date.replace(year=date.year + years)
    except ValueError:  # 29 February
        return date.replace(year=date.year + years, day=28)


Hits = list[list[str]]
CHECKS: dict[str, Callable[[Ctx], Hits]] = {}


def check(rule_id: str):
    def register(fn):
        CHECKS[rule_id] = fn
        return fn

    return register


@check("V03")
def one_purpose(ctx: Ctx) -> Hits:
    # The wizard offers one choice; an imported file may carry a list or nothing.
    value = ctx.answers.get("purpose")
    return [["purpose"]] if isinstance(value, list) and len(value) != 1 else []


@check("V04")
def seasonal_visa_single_permit(ctx: Ctx) -> Hits:
    if ctx.purpose() in ("work", "blue_card") and ctx.get("stay_basis") == "visa_seasonal":
        return [["purpose", "stay_basis"]]
    return []


@check("K-UKR-PURPOSE")
def ukr_status_purpose(ctx: Ctx) -> Hits:
    allowed = {"work", "blue_card", "business"}
    if ctx.get("stay_basis") == "protection" and ctx.purpose() and ctx.purpose() not in allowed:
        return [["purpose", "stay_basis"]]
    return []


@check("V05")
def filed_after_legal_stay(ctx: Ctx) -> Hits:
    end = ctx.date("stay_basis_until")
    return [["stay_basis_until"]] if ctx.get("in_poland") == "yes" and end and end < ctx.today else []


@check("K-DEADLINE-SOON")
def deadline_soon(ctx: Ctx) -> Hits:
    end = ctx.date("stay_basis_until")
    days = ctx.params.get("soon_days", 14)
    if ctx.get("in_poland") == "yes" and end and ctx.today <= end <= ctx.today + dt.timedelta(days=days):
        return [["stay_basis_until"]]
    return []


@check("V06")
def passport_expired(ctx: Ctx) -> Hits:
    expiry = ctx.date("passport_expiry_date")
    return [["passport_expiry_date"]] if expiry and expiry < ctx.today else []


@check("K-PASSPORT-PERIOD")
def passport_shorter_than_permit(ctx: Ctx) -> Hits:
    expiry, until = ctx.date("passport_expiry_date"), ctx.date("requested_until")
    if expiry and until and expiry >= ctx.today and expiry < until:
        return [["passport_expiry_date", "requested_until"]]
    return []


@check("K-REQUESTED-PERIOD")
def requested_period(ctx: Ctx) -> Hits:
    until = ctx.date("requested_until")
    max_years = ctx.params.get("max_years", 3)
    if until and (until <= ctx.today or until > years_later(ctx.today, max_years)):
        return [["requested_until"]]
    return []


@check("V10")
def address_outside_authority(ctx: Ctx) -> Hits:
    authority, region = ctx.get("authority"), ctx.get("address_voivodeship")
    return [["authority", "address_voivodeship"]] if authority and region and authority != region else []


@check("V11")
def postal_code_region(ctx: Ctx) -> Hits:
    code, region = ctx.get("address_postal_code"), ctx.get("address_voivodeship")
    if len(code) == 5 and code.isdigit():  # accepted without the dash by the field check
        code = f"{code[:2]}-{code[2:]}"
    if len(code) == 6 and region in POSTAL_DISTRICTS and code[0] not in POSTAL_DISTRICTS[region]:
        return [["address_postal_code", "address_voivodeship"]]
    return []


@check("K-PESEL-DATA")
def pesel_matches_person(ctx: Ctx) -> Hits:
    number = ctx.get("pesel")
    if not number or not pesel.is_valid(number):
        return []
    hits = []
    birth = ctx.date("birth_date")
    if birth and pesel.get_birth_date(number) != birth:
        hits.append(["pesel", "birth_date"])
    sex = ctx.get("sex")
    if sex in ("M", "K") and pesel.get_gender(number) != ("M" if sex == "M" else "F"):
        hits.append(["pesel", "sex"])
    return hits


@check("K-MRZ-DATA")
def mrz_matches_passport(ctx: Ctx) -> Hits:
    line = ctx.get("passport_mrz")
    if not line:
        return []
    try:
        mrz = parse_mrz_line2(line)
    except Exception:
        return []  # a malformed line is reported by the field check (V36)
    hits = []
    number = ctx.get("passport_number").replace(" ", "").upper()
    if number and mrz["number"] != number:
        hits.append(["passport_mrz", "passport_number"])
    for key, field in (("birth", "birth_date"), ("expiry", "passport_expiry_date")):
        date = ctx.date(field)
        if date and date.strftime("%y%m%d") != mrz[key]:
            hits.append(["passport_mrz", field])
    return hits


@check("K-NIP")
def nip_valid(ctx: Ctx) -> Hits:
    return [[key] for key in ("employer_nip", "company_nip") if ctx.get(key) and not nip.is_valid(ctx.get(key))]


@check("K-REGON")
def regon_valid(ctx: Ctx) -> Hits:
    value = ctx.get("employer_regon")
    return [["employer_regon"]] if value and not regon.is_valid(value) else []


@check("K-KRS")
def krs_format(ctx: Ctx) -> Hits:
    # KRS numbers have no check digit (legal-facts.md §5.4): only the format.
    keys = ("employer_krs", "company_krs")
    return [[k] for k in keys if ctx.get(k) and not (ctx.get(k).isdigit() and len(ctx.get(k)) == 10)]


@check("V23")
def hourly_pay_without_hours(ctx: Ctx) -> Hits:
    if ctx.purpose() in WORK_PURPOSES and ctx.get("pay_unit") == "hourly" and not ctx.get("hours_per_week"):
        return [["hours_per_week", "pay_unit"]]
    return []


@check("V27")
def blue_card_salary(ctx: Ctx) -> Hits:
    minimum, salary = ctx.params.get("blue_card_min_salary"), ctx.number("salary_gross")
    if ctx.purpose() == "blue_card" and ctx.get("pay_unit") == "monthly" and minimum and salary is not None and salary < minimum:
        return [["salary_gross"]]
    return []


@check("V26")
def means_below_threshold(ctx: Ctx) -> Hits:
    minimum, income = ctx.params.get("min_income_single"), ctx.number("means_monthly")
    return [["means_monthly"]] if minimum and income is not None and income < minimum else []


def _order(ctx: Ctx, pairs, source=None, prefix="") -> Hits:
    hits = []
    for first, second in pairs:
        a, b = ctx.date(first, source), ctx.date(second, source)
        if a and b and a > b:
            hits.append([prefix + first, prefix + second])
    return hits


@check("K-DATES-ORDER")
def dates_in_order(ctx: Ctx) -> Hits:
    hits = _order(
        ctx,
        [("birth_date", "passport_issue_date"), ("passport_issue_date", "passport_expiry_date"),
         ("work_start", "work_end"), ("study_start", "study_end"), ("birth_date", "last_entry_date")],
    )  # fmt: skip
    for group, pair in (("trips", ("trip_from", "trip_to")), ("previous_stays", ("prev_from", "prev_to"))):
        for i, item in enumerate(ctx.items(group)):
            hits += _order(ctx, [pair], item, f"{group}[{i}].")
    return hits


@check("K-FUTURE-DATE")
def dates_not_in_future(ctx: Ctx) -> Hits:
    keys = ("birth_date", "passport_issue_date", "last_entry_date")
    return [[k] for k in keys if (d := ctx.date(k)) and d > ctx.today]


@check("V08")
def place_names_in_polish(ctx: Ctx) -> Hits:
    keys = ("birth_place", "address_city", "address_street", "work_place", "abroad_city")
    hits = [[k] for k in keys if CYRILLIC.search(ctx.get(k))]
    for i, item in enumerate(ctx.items("family")):
        if CYRILLIC.search(str(item.get("member_residence", ""))):
            hits.append([f"family[{i}].member_residence"])
    return hits


@check("V14")
def minor_applicant(ctx: Ctx) -> Hits:
    birth = ctx.date("birth_date")
    if birth and birth > years_later(ctx.today, -18):
        return [["birth_date"]]
    return []


@check("V12")
def criminal_record_declared(ctx: Ctx) -> Hits:
    return [[k] for k in ("criminal_record", "pending_proceedings") if ctx.get(k) == "yes"]


def _missing(ctx: Ctx, key: str) -> Hits:
    return [[key]] if ctx.get(key) == "no" else []


@check("V15")
def fee_not_paid(ctx: Ctx) -> Hits:
    return _missing(ctx, "fee_paid")


@check("V18")
def photo_missing(ctx: Ctx) -> Hits:
    return _missing(ctx, "has_photo")


@check("V19")
def passport_scans_missing(ctx: Ctx) -> Hits:
    return _missing(ctx, "has_passport_scans")


@check("V20")
def no_electronic_signature(ctx: Ctx) -> Hits:
    return _missing(ctx, "has_trusted_profile")


@check("V21")
def annex_not_arranged(ctx: Ctx) -> Hits:
    return _missing(ctx, "annex_ready") if ctx.purpose() in ANNEX_PURPOSES else []
