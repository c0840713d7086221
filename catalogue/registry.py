"""The process-wide catalogue, loaded once at start-up, and "what applies today"."""

import datetime as dt
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from .loader import Catalogue, Snapshot, load_catalogue

_catalogue: Catalogue | None = None


def get_catalogue() -> Catalogue:
    global _catalogue
    if _catalogue is None:
        _catalogue = load_catalogue(Path(settings.CATALOGUE_DATA_DIR))
    return _catalogue


def today() -> dt.date:
    if settings.CATALOGUE_DATE:
        return dt.date.fromisoformat(settings.CATALOGUE_DATE)
    return timezone.localdate()


def current(date: dt.date | None = None) -> Snapshot:
    """The catalogue in force on date (default: today in Warsaw)."""
    return get_catalogue().at(date or today())
