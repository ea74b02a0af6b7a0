"""What the datasets read from public data snapshots share: provenance and economy fields.

Their locator is the snapshot file and its line (or spreadsheet row), so a
reader can open ``data/raw/snapshots/<file>`` and find the number.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import pandas as pd
import pandera.pandas as pa

from kzict.tables._fields import YEAR_MAX

# One spelling per economy across the clean tables: the ISO 3166 name (pycountry's common name where it
# has one, e.g. "Moldova", else its name, e.g. "Türkiye", "Kyrgyzstan"). Files spell economies their own way
# ("Turkey", "Kyrgyz Republic", "Georgia (Country)"); the raw files keep that spelling.
COUNTRY_NAMES = "ISO 3166-1 short name, as pycountry gives it (its common name where it has one)"


def source_id() -> Any:
    return pa.Field(
        description="Publisher of the data file (a row of `sources`).",
        metadata={"unit": "id", "foreign_key": "sources.source_id"},
        str_length={"min_value": 1},
    )


def locator() -> Any:
    return pa.Field(
        description="The snapshot file in data/raw/snapshots and the line (or spreadsheet row) of the value.",
        metadata={"unit": "text"},
        str_matches=r"^[\w.-]+\.(csv|xls), ",
    )


def iso3(aggregates: bool = False) -> Any:
    extra = " or a World Bank aggregate (WLD World, ECS Europe & Central Asia, UMC Upper middle income)"
    return pa.Field(
        str_matches=r"^[A-Z]{3}$",
        description=f"ISO 3166-1 alpha-3 code of the economy{extra if aggregates else ''}.",
        metadata={"unit": "id"},
    )


def country(names: str | None = None) -> Any:
    """The ``country`` field: one spelling per ``iso3`` in every table (:func:`country_name`)."""
    return pa.Field(description=f"Name of the economy ({names or COUNTRY_NAMES}).", metadata={"unit": "text"})


def edition(what: str) -> Any:
    return pa.Field(ge=2000, le=YEAR_MAX, description=f"Edition (year) of the {what}.", metadata={"unit": "year"})


def country_name(code: str, fallback: str | None = None) -> str:
    """The canonical name of the economy ``code`` (ISO3). A code ISO 3166 does not know (a World Bank
    aggregate such as WLD, or Kosovo's XKX) keeps ``fallback``, the file's name; without one, an error."""
    import pycountry  # the build extra; tables run only in the build

    found = pycountry.countries.get(alpha_3=code)
    if found is not None:
        return str(getattr(found, "common_name", None) or found.name)
    if fallback is None:
        raise KeyError(f"no ISO 3166 name for {code!r} and no name from the file")
    return fallback


def country_names(codes: Iterable[str], fallback: Iterable[str | None] | None = None) -> list[str]:
    """:func:`country_name` of each code, with the file's names as fallbacks."""
    codes = _as_list(codes)
    names = _as_list(fallback) if fallback is not None else [None] * len(codes)
    cache: dict[tuple[str, str | None], str] = {}
    for pair in zip(codes, names):
        if pair not in cache:
            cache[pair] = country_name(*pair)
    return [cache[pair] for pair in zip(codes, names)]


def _as_list(values: Iterable[Any]) -> list[Any]:
    """A column as a list in one step (a Series of text iterated element by element is slow)."""
    return values.tolist() if isinstance(values, pd.Series) else list(values)


def iso3_of(name: str) -> str | None:
    """The ISO3 code of an economy's name as a file spells it, through ISO 3166 (None if it knows none)."""
    import pycountry

    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_3)
    except LookupError:
        return None
