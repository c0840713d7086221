"""Country names in the reader's language (pycountry's ISO 3166 translations)."""

import gettext
import unicodedata
from functools import cache

import pycountry


@cache
def _translation(lang: str):
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def country_name(code: str, lang: str) -> str:
    country = pycountry.countries.get(alpha_2=code)
    return _translation(lang).gettext(country.name) if country else code


def _sort_key(name: str) -> str:
    # "Łotwa" next to "Litwa", not after "Zambia": sort on the letters without diacritics.
    decomposed = unicodedata.normalize("NFKD", name.replace("Ł", "L").replace("ł", "l"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@cache
def country_choices(lang: str) -> tuple[tuple[str, str], ...]:
    """All ISO countries, sorted by their name in lang."""
    items = [(c.alpha_2, country_name(c.alpha_2, lang)) for c in pycountry.countries]
    return tuple(sorted(items, key=lambda item: _sort_key(item[1])))
