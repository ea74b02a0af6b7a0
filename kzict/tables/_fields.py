"""What every dataset module shares: the provenance and year/percent fields, the raw declaration, the frame.

A dataframe-level check is named ``<rule>__<column>``: the pipeline blames that
column's raw cell when the check fails.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pandera.pandas as pa

from kzict.readers.parse import PLAUSIBLE_YEARS, RawTable, text

YEAR_MIN, YEAR_MAX = PLAUSIBLE_YEARS
THESIS = "alibayev2017"
PROVENANCE = {"source_id": "source_id", "locator": "locator"}  # clean column -> raw header


class Strict:
    """Base of every Config: each table is strict (no column the model does not declare) and coerced.

    pandera reads only a Config's own attributes, so the two are copied into every subclass (scorecard
    Configs that derive from a shared Config included) when it is defined.
    """

    strict = True
    coerce = True

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.strict, cls.coerce = Strict.strict, Strict.coerce


def source_id() -> Any:
    return pa.Field(
        description="Original source the thesis names for this value (a row of `sources`).",
        metadata={"unit": "id", "foreign_key": "sources.source_id"},
        str_length={"min_value": 1},
    )


def locator() -> Any:
    return pa.Field(
        description="Where the thesis prints the value (table/figure or section, page).",
        metadata={"unit": "text"},
        str_length={"min_value": 1},
    )


def year(description: str, nullable: bool = False) -> Any:
    return pa.Field(ge=YEAR_MIN, le=YEAR_MAX, nullable=nullable, description=description, metadata={"unit": "year"})


def pct(description: str) -> Any:
    return pa.Field(ge=0, le=100, description=description, metadata={"unit": "%"})


@dataclass(frozen=True)
class Raw:
    """A dataset's raw input: one sheet of one workbook in data/raw, with exactly these headers."""

    workbook: str
    sheet: str
    headers: dict[str, str]  # clean column -> raw header it comes from
    derived: dict[str, str] = field(default_factory=dict)  # clean column -> clean column it derives from

    @property
    def raw_headers(self) -> list[str]:
        return list(self.headers.values())

    def read(self, books: Any) -> Any:
        """This input as the build hands it to ``process``: the sheet, read from the build's open workbooks."""
        return books.sheet(self.workbook, self.sheet, self.raw_headers)

    def raw_header(self, column: str) -> str | None:
        """The raw header a clean column is read from: what a cell-exact error names."""
        return self.headers.get(self.derived.get(column, column))


def raw_input(
    workbook: str, sheet: str, headers: dict[str, str], derived: dict[str, str] | None = None, provenance: bool = True
) -> Raw:
    """Declare a raw sheet; ``provenance`` adds the source_id and locator columns every thesis sheet ends with."""
    return Raw(workbook, sheet, {**headers, **(PROVENANCE if provenance else {})}, derived or {})


def frame(raw: RawTable, decl: Raw, columns: dict[str, Any]) -> pd.DataFrame:
    """A dataset's processed table with its provenance columns, indexed by raw sheet row."""
    prov = {c: raw.parse(decl.headers[c], text) for c in PROVENANCE}
    return pd.DataFrame({**columns, **prov}, index=pd.Index(raw.row_numbers, name="raw_row"))


def one_of(*allowed: str):
    """A parser accepting exactly these texts."""

    def parse(value):
        found = text(value)
        if found not in allowed:
            raise ValueError(f"expected one of {list(allowed)}")
        return found

    return parse
