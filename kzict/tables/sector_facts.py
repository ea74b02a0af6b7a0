"""The single sourced figures and dates of Ch. 3 on the ICT sector."""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, frame, locator, raw_input, source_id, year

RAW = raw_input(
    "alibayev2017.xlsx",
    "Facts",
    {
        "fact_id": "Fact ID",
        "fact": "Fact",
        "geography": "Geography",
        "year": "Year",
        "period": "Period",
        "printed": "Printed value",
        "unit": "Unit",
        "note": "Note",
    },
    derived={"value": "printed"},
)


class SectorFacts(pa.DataFrameModel):
    fact_id: Series[str] = pa.Field(
        str_matches=r"^[a-z][a-z0-9_]*$", unique=True, description="Identifier.", metadata={"unit": "id"}
    )
    fact: Series[str] = pa.Field(description="What the figure is (kzict's short label).", metadata={"unit": "text"})
    geography: Series[str] = pa.Field(description="Where the figure applies.", metadata={"unit": "text"})
    year: Series[pd.Int64Dtype] = year(
        "Year, where printed (for a date fact: its year); NA otherwise, never inferred.", nullable=True
    )
    period: Series[str] = pa.Field(
        nullable=True,
        description="Period, where printed (for a date fact spanning years: 'first-last'); NA otherwise.",
        metadata={"unit": "text"},
    )
    value: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        le=100,
        description="The figure; unit in `unit`. NA for a date fact (its date is in `year` / `period`).",
        metadata={"unit": "see `unit`"},
    )
    unit: Series[str] = pa.Field(
        str_matches=r"^(%.*|date)$",
        description="Unit of `value` (a per cent of what), or 'date' for a fact that is a date.",
        metadata={"unit": "text"},
    )
    printed: Series[str] = pa.Field(description="The figure or date as printed.", metadata={"unit": "text"})
    note: Series[str] = pa.Field(
        nullable=True,
        description="Why a year is missing, or where the text and a figure disagree.",
        metadata={"unit": "text"},
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "sector_facts"
        title = "Single sourced figures on the ICT sector (Ch. 3)"
        description = (
            "The other sourced single figures of Ch. 3: shares of value added, telecom's share of the "
            "sector, coverage, local content, growth targets, ICT goods' share of trade; and its dates: "
            "IITU's and the Infocommunication Development Fund's launch, the two steps of IK2020."
        )
        unique = ["fact_id"]
        metadata = {
            "order": 120,
            "rows": "printed",
            "locator": "Ch. 3, pp. 28-37",
            "note": "Qualifiers such as 'approximately' are kept in `printed`. A year the text does not print "
            "is NA with a note.",
        }

    @pa.dataframe_check(description="a figure has a value; a date has none, and a year or period instead")
    def value_iff_figure__value(cls, df: pd.DataFrame) -> pd.Series:
        date = df["unit"] == "date"
        return (df["value"].isna() == date) & (~date | df["year"].notna() | df["period"].notna())


def _approximate_percent(value) -> float:
    """'approximately 8.6%' -> 8.6 (the qualifier stays in `printed`)."""
    return p.percent(re.sub(r"^(approximately|about)\s+", "", p.text(value)))


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    units = raw.parse(h["unit"], p.text)
    values = [
        None if unit == "date" else raw.check(row, h["printed"], _approximate_percent, cells[h["printed"]])
        for unit, (row, cells) in zip(units, raw.rows)
    ]
    return frame(
        raw,
        RAW,
        {
            "fact_id": raw.parse(h["fact_id"], p.text),
            "fact": raw.parse(h["fact"], p.text),
            "geography": raw.parse(h["geography"], p.text),
            "year": pd.array(raw.parse(h["year"], p.optional(p.year)), dtype="Int64"),
            "period": raw.parse(h["period"], p.optional_text),
            "value": pd.array(values, dtype="Float64").astype(float),
            "unit": units,
            "printed": raw.parse(h["printed"], lambda v: p.text(str(v))),
            "note": raw.parse(h["note"], p.optional_text),
        },
    )
