"""Field-level checks. Each raises ValidationError with code = the rule ID whose
message (in four languages, from data/rules/) the applicant sees."""

import datetime as dt
import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from stdnum.pl import nip, pesel, regon


POSTAL_CODE = re.compile(r"^\d{2}-\d{3}$")
# Latin letters with diacritics, spaces, hyphens and apostrophes: names are written
# as in the passport's Latin-script line.
LATIN_NAME = re.compile(r"^[A-Za-zÀ-ÖØ-öø-ɏḀ-ỿ' .-]+$")
CYRILLIC = re.compile(r"[Ѐ-ӿ]")
DATE_FORMATS = ("%Y-%m-%d", "%d.%m.%Y", "%d-%m-%Y", "%d/%m/%Y")
MRZ_VALUES = {**{str(d): d for d in range(10)}, **{chr(65 + i): 10 + i for i in range(26)}, "<": 0}


def fail(rule: str):
    raise ValidationError(rule, code=rule)


def check_email(value: str) -> str:
    try:
        validate_email(value)
    except ValidationError:
        fail("K-EMAIL")
    return value


def check_mrz(value: str) -> str:
    parse_mrz_line2(value)
    return value.strip().upper().replace(" ", "")


def parse_date(value: str) -> dt.date | None:
    value = value.strip()
    if len(value) == 10 and value[4] == "-":
        try:  # the stored (ISO) form: the C parser is ~20× faster than strptime
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    for fmt in DATE_FORMATS[1:]:
        try:
            return dt.datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    return None


def check_date(value: str) -> str:
    date = parse_date(value)
    if date is None or not (1900 <= date.year <= 2100):
        fail("K-DATE")
    return date.isoformat()


def check_name(value: str) -> str:
    if not LATIN_NAME.match(value):
        fail("K-NAME-LATIN")
    return " ".join(value.split())


def check_pesel(value: str) -> str:
    try:
        return pesel.validate(value)
    except Exception:
        fail("V35")


def check_nip(value: str) -> str:
    try:
        return nip.validate(value)
    except Exception:
        fail("K-NIP")


def check_regon(value: str) -> str:
    try:
        return regon.validate(value)
    except Exception:
        fail("K-REGON")


def check_phone(value: str) -> str:
    try:
        number = phonenumbers.parse(value, "PL")
    except phonenumbers.NumberParseException:
        fail("K-PHONE")
    if not phonenumbers.is_valid_number(number):
        fail("K-PHONE")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def check_postal_code(value: str) -> str:
    value = value.strip()
    if re.fullmatch(r"\d{5}", value):
        value = f"{value[:2]}-{value[2:]}"
    if not POSTAL_CODE.match(value):
        fail("K-POSTAL-FORMAT")
    return value


def check_number(value: str) -> str:
    text = value.replace(" ", "").replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        fail("K-NUMBER")
    if number < 0 or number > 10_000_000:
        fail("K-NUMBER")
    return text


def mrz_check_digit(data: str) -> int:
    weights = (7, 3, 1)
    return sum(MRZ_VALUES[ch] * weights[i % 3] for i, ch in enumerate(data)) % 10


def parse_mrz_line2(line: str) -> dict:
    """The second line of a TD3 passport MRZ (ICAO 9303), its check digits verified."""
    line = line.strip().upper().replace(" ", "")
    if len(line) != 44 or any(ch not in MRZ_VALUES for ch in line):
        fail("V36")
    for start, end in ((0, 9), (13, 19), (21, 27)):
        if not line[end].isdigit() or int(line[end]) != mrz_check_digit(line[start:end]):
            fail("V36")
    personal, check = line[28:42], line[42]
    empty = check == "<" and set(personal) == {"<"}  # an unused optional field has no digit
    if not empty and (not check.isdigit() or int(check) != mrz_check_digit(personal)):
        fail("V36")
    composite = line[0:10] + line[13:20] + line[21:43]
    if not line[43].isdigit() or int(line[43]) != mrz_check_digit(composite):
        fail("V36")
    return {"number": line[0:9].rstrip("<"), "birth": line[13:19], "expiry": line[21:27], "sex": line[20]}
