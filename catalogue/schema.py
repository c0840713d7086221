"""Validation of catalogue data files.

The files are TOML (read with the standard library's tomllib). Each check
raises CatalogueError naming the file, the key and what is wrong, so a bad file
stops start-up with a message an editor can act on.
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

LANGS = ("pl", "en", "ru", "uk")
KINDS = (
    "temporary_residence",
    "permanent_residence",
    "long_term_resident",
    "residence_card",
    "citizenship",
    "work_permit",
)
PURPOSES = ("work", "study", "family", "business", "research", "other")
DEADLINES = ("last_day_of_legal_stay", "within_14_days_of_change", "before_work_starts", "none")
METHODS = ("mos", "paper", "praca_gov_pl")
FEE_KINDS = ("stamp_duty", "card", "work_permit", "other")


class CatalogueError(Exception):
    def __init__(self, path: Path | str, key: str, message: str):
        self.path, self.key, self.message = str(path), key, message
        super().__init__(f"{path}: {key}: {message}")


@dataclass(frozen=True)
class Text:
    """One text in the four languages. Official values stay Polish via .pl."""

    pl: str
    en: str
    ru: str
    uk: str

    def get(self, lang: str) -> str:
        return getattr(self, lang if lang in LANGS else "pl")


class Reader:
    """Typed access to one TOML table, with errors that name the file and key."""

    def __init__(self, path: Path, data: dict, prefix: str = ""):
        self.path, self.data, self.prefix = path, data, prefix
        self.seen: set[str] = set()

    def _key(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def fail(self, key: str, message: str):
        raise CatalogueError(self.path, self._key(key), message)

    def _get(self, key: str, required: bool, default: Any = None) -> Any:
        self.seen.add(key)
        if key not in self.data:
            if required:
                self.fail(key, "is missing")
            return default
        return self.data[key]

    def string(self, key: str, required: bool = True, default: str = "") -> str:
        value = self._get(key, required, default)
        if not isinstance(value, str) or (required and not value.strip()):
            self.fail(key, "must be a non-empty string")
        return value.strip()

    def integer(self, key: str, required: bool = True, default: int | None = None) -> int | None:
        value = self._get(key, required, default)
        if value is None and not required:
            return None
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            self.fail(key, "must be a whole number ≥ 0")
        return value

    def boolean(self, key: str, default: bool = False) -> bool:
        value = self._get(key, False, default)
        if not isinstance(value, bool):
            self.fail(key, "must be true or false")
        return value

    def choice(self, key: str, choices: tuple[str, ...], required: bool = True, default: str = "") -> str:
        value = self._get(key, required, default)
        if value not in choices and (required or value):
            self.fail(key, f"must be one of {', '.join(choices)}; got {value!r}")
        return value

    def strings(self, key: str, required: bool = True, choices: tuple[str, ...] | None = None) -> tuple[str, ...]:
        value = self._get(key, required, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.fail(key, "must be a list of non-empty strings")
        if required and not value:
            self.fail(key, "must not be empty")
        for item in value:
            if choices and item not in choices:
                self.fail(key, f"{item!r} is not one of {', '.join(choices)}")
        return tuple(value)

    def text(self, key: str, required: bool = True) -> Text | None:
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(key, "must be a table with pl, en, ru and uk")
        for lang in LANGS:
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                self.fail(f"{key}.{lang}", "is missing or empty: every text needs all four languages")
        extra = set(value) - set(LANGS)
        if extra:
            self.fail(key, f"unknown language(s) {', '.join(sorted(extra))}")
        return Text(**{lang: value[lang].strip() for lang in LANGS})

    def table(self, key: str, required: bool = True) -> "Reader | None":
        value = self._get(key, required)
        if value is None:
            return None
        if not isinstance(value, dict):
            self.fail(key, "must be a table")
        return Reader(self.path, value, f"{self._key(key)}.")

    def tables(self, key: str, required: bool = True) -> list["Reader"]:
        value = self._get(key, required, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.fail(key, "must be an array of tables ([[" + key + "]])")
        if required and not value:
            self.fail(key, "must not be empty")
        return [Reader(self.path, item, f"{self._key(key)}[{i}].") for i, item in enumerate(value)]

    def done(self):
        # Unknown keys are usually typos ("atachments"); refuse them loudly.
        unknown = set(self.data) - self.seen
        if unknown:
            self.fail(sorted(unknown)[0], "is not a known key")


def date_from_filename(path: Path) -> dt.date:
    try:
        return dt.date.fromisoformat(path.stem)
    except ValueError:
        raise CatalogueError(path, "(file name)", "must be the effective date, YYYY-MM-DD.toml")
