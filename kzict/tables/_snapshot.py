"""What the datasets read from public data snapshots share: provenance and economy fields.

Their locator is the snapshot file and its line (or spreadsheet row), so a
reader can open ``data/raw/snapshots/<file>`` and find the number.
"""

from __future__ import annotations

from typing import Any

import pandera.pandas as pa

from kzict.tables._fields import YEAR_MAX


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


def country(names: str = "as the file gives it") -> Any:
    return pa.Field(description=f"Name of the economy ({names}).", metadata={"unit": "text"})


def edition(what: str) -> Any:
    return pa.Field(ge=2000, le=YEAR_MAX, description=f"Edition (year) of the {what}.", metadata={"unit": "year"})
