"""Load the effective-dated catalogue from catalogue/data/.

Layout (one file per version, named by the date it takes effect):
    fees/YYYY-MM-DD.toml                 the whole fee schedule in force from that date
    filing/YYYY-MM-DD.toml               how and where each kind of case is filed
    procedures/<slug>/YYYY-MM-DD.toml    one version of one procedure
    triage/YYYY-MM-DD.toml               the "which procedure fits me?" rules

A change of the law is a new file with a later date; old files stay, so the
catalogue can answer "what applied on date D" for any D since the first file.
"""

import bisect
import hashlib
import datetime as dt
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .schema import (
    DEADLINES,
    FEE_KINDS,
    KINDS,
    METHODS,
    PURPOSES,
    CatalogueError,
    Reader,
    Text,
    date_from_filename,
)

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Fee:
    key: str
    amount: int
    kind: str
    name: Text
    legal_basis: str
    note: Text | None = None
    unconfirmed: bool = False


@dataclass(frozen=True)
class Channel:
    key: str
    method: str
    name: Text
    how: Text
    proof_of_stay: Text | None
    photos: Text | None
    unconfirmed: bool = False


@dataclass(frozen=True)
class Item:
    """A condition, attachment or step: a text with optional details."""

    text: Text
    note: Text | None = None
    mandatory: bool = True
    unconfirmed: bool = False


@dataclass(frozen=True)
class ProcedureVersion:
    slug: str
    effective_from: dt.date
    path: str
    kind: str
    purposes: tuple[str, ...]
    title: Text
    who: Text
    legal_basis: str
    fees: tuple[str, ...]
    filing: str
    deadline: str
    deadline_text: Text
    decision_days: int | None
    decision_text: Text
    next_steps: Text
    conditions: tuple[Item, ...]
    attachments: tuple[Item, ...]
    sources: tuple[str, ...]
    unconfirmed: tuple[str, ...] = ()
    order: int = 100


@dataclass(frozen=True)
class TriageRule:
    purpose: str
    detail: str
    recommend: str
    reason: Text
    primary: bool


@dataclass(frozen=True)
class Versioned:
    """Several versions of one thing, each in force from its date to the next one's."""

    dates: tuple[dt.date, ...]
    items: tuple

    def at(self, date: dt.date):
        i = bisect.bisect_right(self.dates, date) - 1
        return self.items[i] if i >= 0 else None

    def intervals(self):
        ends = self.dates[1:] + (dt.date.max,)
        return zip(self.dates, ends, self.items)


@dataclass(frozen=True)
class Snapshot:
    """Everything in force on one date."""

    date: dt.date
    procedures: dict[str, ProcedureVersion]
    fees: dict[str, Fee]
    channels: dict[str, Channel]
    triage: dict[str, tuple[TriageRule, ...]]  # purpose -> rules
    details: dict[str, tuple[tuple[str, Text], ...]]  # purpose -> (detail key, label)
    free_movement: frozenset[str]  # ISO codes of EU/EEA/Swiss states: not our clients

    def procedure_list(self, kind: str | None = None) -> list[ProcedureVersion]:
        items = [p for p in self.procedures.values() if kind is None or p.kind == kind]
        return sorted(items, key=lambda p: (p.order, p.slug))

    def fees_for(self, procedure: ProcedureVersion) -> list[Fee]:
        return [self.fees[key] for key in procedure.fees]


@dataclass
class Catalogue:
    fee_schedules: Versioned
    filing_schedules: Versioned
    triage_versions: Versioned
    procedures: dict[str, Versioned] = field(default_factory=dict)
    version: str = ""  # a hash of every data file: changes whenever the data does
    _cache: dict = field(default_factory=dict, repr=False)

    def at(self, date: dt.date) -> Snapshot:
        if date not in self._cache:
            self._cache[date] = self._snapshot(date)
        return self._cache[date]

    def _snapshot(self, date: dt.date) -> Snapshot:
        fees = self.fee_schedules.at(date)
        channels = self.filing_schedules.at(date)
        triage = self.triage_versions.at(date)
        if fees is None or channels is None or triage is None:
            raise LookupError(f"The catalogue has no data for {date.isoformat()}.")
        procedures = {}
        for slug, versions in self.procedures.items():
            version = versions.at(date)
            if version is not None:
                procedures[slug] = version
        rules, details, free_movement = triage
        by_purpose = {p: tuple(r for r in rules if r.purpose == p and r.recommend in procedures) for p in PURPOSES}
        return Snapshot(date, procedures, fees, channels, by_purpose, details, free_movement)

    def history(self, slug: str) -> list[ProcedureVersion]:
        versions = self.procedures.get(slug)
        return list(versions.items) if versions else []


def _text_or_none(reader: Reader, key: str) -> Text | None:
    return reader.text(key, required=False)


def _items(reader: Reader, key: str, text_key: str) -> tuple[Item, ...]:
    items = []
    for r in reader.tables(key):
        items.append(
            Item(
                text=r.text(text_key),
                note=_text_or_none(r, "note"),
                mandatory=r.boolean("mandatory", True),
                unconfirmed=r.boolean("unconfirmed"),
            )
        )
        r.done()
    return tuple(items)


def _read(path: Path) -> Reader:
    try:
        with path.open("rb") as fh:
            return Reader(path, tomllib.load(fh))
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(path, "(syntax)", str(error))


def load_fee_schedule(path: Path) -> dict[str, Fee]:
    root = _read(path)
    root.strings("sources")
    table = root.table("fees")
    fees = {}
    for key in table.data:
        r = table.table(key)
        fees[key] = Fee(
            key=key,
            amount=r.integer("amount"),
            kind=r.choice("kind", FEE_KINDS),
            name=r.text("name"),
            legal_basis=r.string("legal_basis"),
            note=_text_or_none(r, "note"),
            unconfirmed=r.boolean("unconfirmed"),
        )
        r.strings("sources", required=False)
        r.done()
    root.done()
    return fees


def load_filing_schedule(path: Path) -> dict[str, Channel]:
    root = _read(path)
    root.strings("sources")
    table = root.table("channels")
    channels = {}
    for key in table.data:
        r = table.table(key)
        channels[key] = Channel(
            key=key,
            method=r.choice("method", METHODS),
            name=r.text("name"),
            how=r.text("how"),
            proof_of_stay=_text_or_none(r, "proof_of_stay"),
            photos=_text_or_none(r, "photos"),
            unconfirmed=r.boolean("unconfirmed"),
        )
        r.done()
    root.done()
    return channels


def load_triage(path: Path):
    root = _read(path)
    free_movement = root.strings("free_movement")
    for code in free_movement:
        if len(code) != 2 or not code.isupper():
            root.fail("free_movement", f"{code!r} is not an ISO 3166 alpha-2 code")
    details = {}
    detail_table = root.table("details")
    for purpose in detail_table.data:
        if purpose not in PURPOSES:
            detail_table.fail(purpose, f"is not one of {', '.join(PURPOSES)}")
        entries = []
        for r in detail_table.tables(purpose):
            entries.append((r.string("key"), r.text("label")))
            r.done()
        details[purpose] = tuple(entries)
    rules = []
    for r in root.tables("rules"):
        purpose = r.choice("purpose", PURPOSES)
        detail = r.string("detail")
        if detail != "*" and detail not in {k for k, _ in details.get(purpose, ())}:
            r.fail("detail", f"{detail!r} is not a detail of purpose {purpose!r} (see [details.{purpose}])")
        rules.append(TriageRule(purpose, detail, r.string("recommend"), r.text("reason"), r.boolean("primary", True)))
        r.done()
    root.done()
    return tuple(rules), details, frozenset(free_movement)


def load_procedure(path: Path) -> ProcedureVersion:
    r = _read(path)
    version = ProcedureVersion(
        slug=path.parent.name,
        effective_from=date_from_filename(path),
        path=str(path),
        kind=r.choice("kind", KINDS),
        purposes=r.strings("purposes", choices=PURPOSES),
        order=r.integer("order", required=False, default=100),
        title=r.text("title"),
        who=r.text("who"),
        legal_basis=r.string("legal_basis"),
        fees=r.strings("fees", required=False),
        filing=r.string("filing"),
        deadline=r.choice("deadline", DEADLINES),
        deadline_text=r.text("deadline_text"),
        decision_days=r.integer("decision_days", required=False),
        decision_text=r.text("decision_text"),
        next_steps=r.text("next_steps"),
        conditions=_items(r, "conditions", "text"),
        attachments=_items(r, "attachments", "name"),
        sources=r.strings("sources"),
        unconfirmed=r.strings("unconfirmed", required=False),
    )
    r.done()
    return version


def _versions(paths: list[Path], load) -> Versioned:
    pairs = sorted((date_from_filename(p), p) for p in paths)
    return Versioned(tuple(d for d, _ in pairs), tuple(load(p) for _, p in pairs))


def _check_references(catalogue: Catalogue):
    """Every fee and channel a procedure names must exist wherever it is in force."""
    for slug, versions in catalogue.procedures.items():
        for start, end, proc in versions.intervals():
            for f_start, f_end, fees in catalogue.fee_schedules.intervals():
                if f_start < end and start < f_end:
                    for key in proc.fees:
                        if key not in fees:
                            raise CatalogueError(proc.path, "fees", f"{key!r} is not in the fee schedule from {f_start}")
            for c_start, c_end, channels in catalogue.filing_schedules.intervals():
                if c_start < end and start < c_end and proc.filing not in channels:
                    raise CatalogueError(proc.path, "filing", f"{proc.filing!r} is not in the filing schedule from {c_start}")
    for start, end, (rules, _details, _free) in catalogue.triage_versions.intervals():
        for rule in rules:
            if rule.recommend not in catalogue.procedures:
                raise CatalogueError(f"triage/{start}.toml", "rules", f"unknown procedure {rule.recommend!r}")


def load_catalogue(data_dir: Path = DATA_DIR) -> Catalogue:
    def files(sub: str) -> list[Path]:
        found = sorted((data_dir / sub).glob("*.toml"))
        if not found:
            raise CatalogueError(data_dir / sub, "(folder)", "has no version files")
        return found

    catalogue = Catalogue(
        fee_schedules=_versions(files("fees"), load_fee_schedule),
        filing_schedules=_versions(files("filing"), load_filing_schedule),
        triage_versions=_versions(files("triage"), load_triage),
    )
    for folder in sorted(p for p in (data_dir / "procedures").iterdir() if p.is_dir()):
        catalogue.procedures[folder.name] = _versions(files(f"procedures/{folder.name}"), load_procedure)
    _check_references(catalogue)
    digest = hashlib.sha256()
    for path in sorted(data_dir.rglob("*.toml")):
        digest.update(path.read_bytes())
    catalogue.version = digest.hexdigest()[:16]
    return catalogue
