"""Information Kazakhstan 2020: the 13 target indicators of the state programme."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, frame, locator, raw_input, source_id, year

RAW = raw_input(
    "alibayev2017.xlsx",
    "IK2020Targets",
    {
        "indicator_id": "No.",
        "indicator": "Indicator",
        "target_value": "Target as printed",
        "target_year": "Target year",
    },
    derived={"unit": "target_value", "comparison": "target_value"},
)


class Ik2020Targets(pa.DataFrameModel):
    indicator_id: Series[int] = pa.Field(
        ge=1, le=13, unique=True, description="Number of the target in the programme's list.", metadata={"unit": "id"}
    )
    indicator: Series[str] = pa.Field(
        description="Short label of the target indicator (kzict's words).", metadata={"unit": "text"}
    )
    target_value: Series[float] = pa.Field(
        ge=0, description="Target level; unit in `unit`.", metadata={"unit": "see `unit`"}
    )
    unit: Series[str] = pa.Field(
        isin=["%", "rank"], description="Unit of `target_value`.", metadata={"unit": "category"}
    )
    comparison: Series[str] = pa.Field(
        isin=["at_least", "at_most"],
        description="Met when the outcome is at least / at most the target.",
        metadata={"unit": "category"},
    )
    target_year: Series[int] = year("Year by which the target is to be met.")
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "ik2020_targets"
        title = "Information Kazakhstan 2020: the 13 target indicators"
        description = (
            "Targets of the State Programme 'Information Kazakhstan - 2020', to be met by its completion in 2020."
        )
        unique = ["indicator_id"]
        metadata = {
            "order": 50,
            "locator": "§ The National ICT Policy, p. 34",
            "note": "Indicator labels are kzict's short paraphrases.",
        }

    @pa.dataframe_check(description="a share target is at most 100")
    def pct_at_most_100__target_value(cls, df: pd.DataFrame) -> pd.Series:
        return (df["unit"] != "%") | (df["target_value"] <= 100)

    @pa.dataframe_check(description="a rank target compares 'at_most'")
    def rank_is_at_most__comparison(cls, df: pd.DataFrame) -> pd.Series:
        return (df["unit"] != "rank") | (df["comparison"] == "at_most")


def _target(value) -> tuple[float, str, str]:
    """'top 35' -> (35, rank, at_most); '75%' -> (75, %, at_least)"""
    text = p.text(value)
    if text.lower().startswith("top "):
        return float(p.whole(text[4:].strip())), "rank", "at_most"
    try:
        return p.percent(text), "%", "at_least"
    except ValueError:
        raise ValueError("expected a target such as 'top 35' or '75%'") from None


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    targets = raw.parse(h["target_value"], _target)
    return frame(
        raw,
        RAW,
        {
            "indicator_id": raw.parse(h["indicator_id"], p.whole),
            "indicator": raw.parse(h["indicator"], p.text),
            "target_value": [t[0] for t in targets],
            "unit": [t[1] for t in targets],
            "comparison": [t[2] for t in targets],
            "target_year": raw.parse(h["target_year"], p.year),
        },
    )
