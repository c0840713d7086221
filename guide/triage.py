"""Recommendations for "which procedure fits me?".

The mapping from answers to procedures is data (catalogue/data/triage/); what
depends on dates, citizenship and the current basis of stay is here.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.utils.formats import date_format

from catalogue.loader import Fee, ProcedureVersion, Snapshot

URGENT_DAYS = 14
LTR_YEARS = 5
STUDENT_DETAILS = {"university"}
WORK_PURPOSES = {"work", "business"}


@dataclass
class FeeLine:
    fee: Fee
    amount: int
    relief: bool = False


@dataclass
class Recommendation:
    procedure: ProcedureVersion
    reason: str
    primary: bool
    fees: list[FeeLine]
    total: int | None
    deadline: dt.date | None
    days_left: int | None


@dataclass
class Result:
    recommendations: list[Recommendation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def is_free_movement(snapshot: Snapshot, citizenship: str) -> bool:
    return citizenship in snapshot.free_movement


def fee_lines(snapshot: Snapshot, procedure: ProcedureVersion, detail: str) -> tuple[list[FeeLine], int | None]:
    lines = []
    for fee in snapshot.fees_for(procedure):
        if fee.kind == "card" and detail in STUDENT_DETAILS:
            # Pupils and students pay half the card fee (legal-facts.md §1.5).
            lines.append(FeeLine(fee, fee.amount // 2, relief=True))
        else:
            lines.append(FeeLine(fee, fee.amount))
    stamp = [line for line in lines if line.fee.kind == "stamp_duty"]
    # A total only makes sense when the amounts add up; where the data lists
    # alternatives (two stamp duties, several work-permit fees) there is none.
    alternatives = len(stamp) > 1 or any(line.fee.kind == "work_permit" for line in lines)
    total = None if alternatives else sum(line.amount for line in lines)
    return lines, total


def _deadline(procedure: ProcedureVersion, answers: dict, today: dt.date):
    end = answers.get("stay_end")
    if procedure.deadline == "last_day_of_legal_stay" and end:
        return end, (end - today).days
    return None, None


def _recommend(snapshot, procedure, reason: str, primary: bool, answers, today) -> Recommendation:
    fees, total = fee_lines(snapshot, procedure, answers.get("detail", ""))
    deadline, days_left = _deadline(procedure, answers, today)
    return Recommendation(procedure, reason, primary, fees, total, deadline, days_left)


def recommend(snapshot: Snapshot, answers: dict, today: dt.date, lang: str) -> Result:
    result = Result()
    purpose, detail = answers["purpose"], answers["detail"]
    seen = set()
    for rule in snapshot.triage[purpose]:
        if rule.detail in (detail, "*") and rule.recommend not in seen:
            seen.add(rule.recommend)
            procedure = snapshot.procedures[rule.recommend]
            result.recommendations.append(
                _recommend(snapshot, procedure, rule.reason.get(lang), rule.primary, answers, today)
            )
    years = answers.get("years")
    if years is not None and years >= LTR_YEARS and "eu-long-term-resident" not in seen:
        procedure = snapshot.procedures.get("eu-long-term-resident")
        if procedure:
            reason = _("You have lived in Poland legally for 5 years or more, so you may qualify for the EU long-term resident permit.")
            result.recommendations.append(_recommend(snapshot, procedure, reason, False, answers, today))
    result.recommendations.sort(key=lambda r: not r.primary)
    result.warnings = _warnings(answers, today)
    return result


def _warnings(answers: dict, today: dt.date) -> list[str]:
    warnings = []
    basis, purpose, end = answers["basis"], answers["purpose"], answers.get("stay_end")
    if end and basis != "abroad":
        days = (end - today).days
        if days < 0:
            warnings.append(
                _(
                    "Your right to stay ended on %(date)s. An application filed now does not make your stay legal "
                    "and you will not get the certificate or stamp. Talk to a consultant before you do anything else."
                )
                % {"date": date_format(end, "DATE_FORMAT")}
            )
        elif days <= URGENT_DAYS:
            warnings.append(
                ngettext(
                    "Only %(days)d day is left until your right to stay ends. File as soon as possible: the "
                    "application must be complete and signed by then.",
                    "Only %(days)d days are left until your right to stay ends. File as soon as possible: the "
                    "application must be complete and signed by then.",
                    days,
                )
                % {"days": days}
            )
    if basis == "visa_tourist" and purpose == "work":
        warnings.append(
            _(
                "A tourist Schengen visa does not let you get the temporary residence and work permit "
                "(such an application is refused). Ask a consultant what you can do."
            )
        )
    if basis == "temporary_protection" and purpose not in WORK_PURPOSES:
        warnings.append(
            _(
                "With PESEL UKR status you may apply only for the permit for work, the EU Blue Card or business. "
                "An application for another purpose may not be examined; ask a consultant."
            )
        )
    if basis == "abroad":
        warnings.append(
            _(
                "You are outside Poland. Residence permits are applied for while staying in Poland; to come, you "
                "usually need a visa from a Polish consulate. In family reunification, your family member in Poland "
                "can file for you on paper."
            )
        )
    if basis == "stamp":
        warnings.append(
            _(
                "You already have a pending application. A new one for another purpose does not replace it; "
                "ask a consultant before filing."
            )
        )
    return warnings
