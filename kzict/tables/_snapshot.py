"""What the datasets read from public data snapshots share: provenance, economy and WDI fields.

Their locator is the snapshot file and its line (or spreadsheet row), so a
reader can open ``data/raw/snapshots/<file>`` and find the number.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa

from kzict.tables._fields import YEAR_MAX
from kzict.tables._wdi import COLUMNS, INDICATORS

FIRST_WDI_YEAR = 1960  # the first year column of every WDI bulk download


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


def wdi_fields(names: str) -> dict[str, Any]:
    """The columns shared by ``wdi_indicators`` and ``wdi_vintages``, in contract order; ``names`` says whose."""
    fields = {
        "iso3": iso3(aggregates=True),
        "country": country(names),
        "indicator_code": pa.Field(isin=sorted(INDICATORS), description="WDI indicator code.", metadata={"unit": "id"}),
        "indicator": pa.Field(description=f"WDI indicator name ({names}).", metadata={"unit": "text"}),
        "year": pa.Field(
            ge=FIRST_WDI_YEAR, le=YEAR_MAX, description="Year the value refers to.", metadata={"unit": "year"}
        ),
        "value": pa.Field(
            description="The value as published (full precision of the file).", metadata={"unit": "see `unit`"}
        ),
        "unit": pa.Field(
            isin=sorted(set(INDICATORS.values())), description="Unit of `value`.", metadata={"unit": "text"}
        ),
        "release": pa.Field(
            nullable=True,
            str_matches=r"^\d{4}-\d{2}-\d{2}$",
            description="The file's Last Updated Date; NA for the open-numbers subsets, which do not state it.",
            metadata={"unit": "date"},
        ),
        "snapshot": pa.Field(
            description="The snapshot file in data/raw/snapshots the value is read from.", metadata={"unit": "text"}
        ),
        "source_id": source_id(),
        "locator": locator(),
    }
    assert list(fields) == COLUMNS
    return fields


def ordered(df: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    return df[columns].reset_index(drop=True)
