"""Kazakhstan in international ICT rankings, one row per ranking the thesis reports."""

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
    "Rankings",
    {"index": "Index", "edition": "Edition", "rank": "Rank as printed", "countries_ranked": "Countries ranked"},
)


class IctRankings(pa.DataFrameModel):
    index: Series[str] = pa.Field(description="Index or report, as the thesis names it.", metadata={"unit": "text"})
    edition: Series[int] = year("Edition (year) of the index.")
    rank: Series[int] = pa.Field(ge=1, description="Kazakhstan's rank (1 = best).", metadata={"unit": "rank"})
    countries_ranked: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=1,
        description="Number of countries ranked; NA if not printed.",
        metadata={"unit": "countries"},
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "ict_rankings"
        title = "Kazakhstan in international ICT rankings"
        description = (
            "Kazakhstan's rank and the number of countries ranked, as the thesis reports them; one row "
            "per ranking. The 2013 Networked Readiness rank is printed twice, once as the Global "
            "Information Technology Report's (43rd of 144): it is stored once."
        )
        unique = ["index", "edition"]
        metadata = {
            "order": 80,
            "rows": ["edition", "index"],
            "locator": "§ Recent Tendencies in the IT Sector, p. 33",
            "note": "The page map puts this passage in § Recent Tendencies (p. 33), just before § The National ICT "
            "Policy (p. 34).",
        }

    @pa.dataframe_check(description="rank is within the number of countries ranked")
    def rank_within_field__rank(cls, df: pd.DataFrame) -> pd.Series:
        return df["countries_ranked"].isna() | (df["rank"] <= df["countries_ranked"])


def _ordinal(value) -> int:
    m = re.fullmatch(r"(\d+)(st|nd|rd|th)", p.text(value))
    if not m:
        raise ValueError("expected an ordinal rank such as '49th'")
    return int(m.group(1))


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    return frame(
        raw,
        RAW,
        {
            "index": raw.parse(h["index"], p.text),
            "edition": raw.parse(h["edition"], p.year),
            "rank": raw.parse(h["rank"], _ordinal),
            "countries_ranked": pd.array(raw.parse(h["countries_ranked"], p.optional(p.whole)), dtype="Int64"),
        },
    )
