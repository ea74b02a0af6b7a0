"""The single sourced figures of Ch. 3 on the ICT sector."""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.datasets._fields import Strict, frame, locator, raw_input, source_id, year
from kzict.pipeline import parse as p
from kzict.pipeline.parse import RawTable

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
    },
    derived={"value": "printed"},
)


class SectorFacts(pa.DataFrameModel):
    fact_id: Series[str] = pa.Field(
        str_matches=r"^[a-z][a-z0-9_]*$", unique=True, description="Identifier.", metadata={"unit": "id"}
    )
    fact: Series[str] = pa.Field(description="What the figure is (kzict's short label).", metadata={"unit": "text"})
    geography: Series[str] = pa.Field(description="Where the figure applies.", metadata={"unit": "text"})
    year: Series[pd.Int64Dtype] = year("Year, where printed; NA otherwise.", nullable=True)
    period: Series[str] = pa.Field(
        nullable=True, description="Period, where printed; NA otherwise.", metadata={"unit": "text"}
    )
    value: Series[float] = pa.Field(
        ge=0, le=100, description="The figure; unit in `unit`.", metadata={"unit": "see `unit`"}
    )
    unit: Series[str] = pa.Field(
        str_startswith="%", description="Unit of `value` (a per cent of what).", metadata={"unit": "text"}
    )
    printed: Series[str] = pa.Field(description="The figure as printed.", metadata={"unit": "text"})
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "sector_facts"
        title = "Single sourced figures on the ICT sector (Ch. 3)"
        description = (
            "The other sourced single figures of Ch. 3: shares of value added, telecom's share of the "
            "sector, coverage, local content, growth targets, ICT goods' share of trade."
        )
        unique = ["fact_id"]
        metadata = {
            "order": 120,
            "rows": "printed",
            "locator": "Ch. 3, pp. 28-33",
            "note": "Qualifiers such as 'approximately' are kept in `printed`.",
        }


def _approximate_percent(value) -> float:
    """'approximately 8.6%' -> 8.6 (the qualifier stays in `printed`)."""
    return p.percent(re.sub(r"^(approximately|about)\s+", "", p.text(value)))


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    return frame(
        raw,
        RAW,
        {
            "fact_id": raw.parse(h["fact_id"], p.text),
            "fact": raw.parse(h["fact"], p.text),
            "geography": raw.parse(h["geography"], p.text),
            "year": pd.array(raw.parse(h["year"], p.optional(p.year)), dtype="Int64"),
            "period": raw.parse(h["period"], p.optional_text),
            "value": raw.parse(h["printed"], _approximate_percent),
            "unit": raw.parse(h["unit"], p.text),
            "printed": raw.parse(h["printed"], p.text),
        },
    )
