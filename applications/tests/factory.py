"""A complete, clean work-purpose application (answers as the wizard stores them)."""

import datetime as dt

TODAY = dt.date(2026, 12, 1)


def clean_work() -> dict:
    return {
        "purpose": "work", "authority": "14",
        "surname": "KOVALENKO", "previous_surnames": "", "family_name": "KOVALENKO", "given_names": "OLEKSANDR",
        "previous_given_names": "", "father_name": "IVAN", "mother_name": "OLENA", "mother_maiden_name": "SHEVCHUK",
        "birth_date": "1990-05-14", "sex": "M", "birth_place": "Kijów", "birth_country": "UA", "nationality": "ukraińska",
        "citizenship": "UA", "marital_status": "single", "education": "higher", "height_cm": "180", "eye_colour": "piwne",
        "special_marks": "", "pesel": "90051412312", "phone": "+48600123456", "email": "o.kovalenko@example.com",
        "passport_number": "FA1234567", "passport_issue_date": "2020-01-15", "passport_expiry_date": "2030-01-15",
        "passport_authority": "8012", "passport_country": "UA",
        "passport_mrz": "FA12345673UKR9005145M3001156<<<<<<<<<<<<<<<2",
        "address_voivodeship": "14", "address_city": "Warszawa", "address_street": "ul. Marszałkowska",
        "address_house": "10", "address_flat": "5", "address_postal_code": "00-590",
        "abroad_country": "UA", "abroad_city": "Kijów", "abroad_address": "vul. Khreshchatyk 1",
        "in_poland": "yes", "last_entry_date": "2026-03-01", "stay_basis": "visa_national",
        "stay_basis_until": "2027-02-28", "requested_until": "2028-12-31", "previous_stays_in_poland": "no",
        "employer_name": "Budimex Test sp. z o.o.", "employer_nip": "5261044482", "employer_regon": "",
        "employer_krs": "", "employer_address": "ul. Siedmiogrodzka 9, 01-204 Warszawa", "position": "operator koparki",
        "work_place": "Warszawa", "contract_type": "employment", "pay_unit": "monthly", "salary_gross": "7500",
        "hours_per_week": "40", "work_start": "2027-03-01", "work_end": "2028-12-31",
        "family": [], "trips": [{"trip_country": "UA", "trip_from": "2025-12-20", "trip_to": "2026-01-10"}],
        "means_source": "praca", "means_monthly": "5600", "insurance": "yes", "insurance_provider": "ZUS",
        "criminal_record": "no", "pending_proceedings": "no", "obligations": "no", "return_obligation": "no",
        "has_photo": "yes", "has_passport_scans": "yes", "fee_paid": "yes", "annex_ready": "yes", "has_trusted_profile": "yes",
    }  # fmt: skip
