"""The Asadel Venture Fund: size, allocation by sector, ticket and stake ranges."""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, frame, locator, raw_input, source_id

RAW = raw_input(
    "alibayev2017.xlsx",
    "Asadel",
    {"measure": "Measure", "category": "Category", "statistic": "Statistic", "printed": "Printed value"},
    derived={"value": "printed", "unit": "printed"},
)


class AsadelFund(pa.DataFrameModel):
    measure: Series[str] = pa.Field(
        isin=["fund_size", "allocation", "investment_per_company", "stake"],
        description="What is measured.",
        metadata={"unit": "category"},
    )
    category: Series[str] = pa.Field(
        description="Sector for an allocation; 'all' otherwise.", metadata={"unit": "text"}
    )
    statistic: Series[str] = pa.Field(
        isin=["value", "share", "min", "max"], description="Kind of figure.", metadata={"unit": "category"}
    )
    value: Series[float] = pa.Field(gt=0, description="The figure; unit in `unit`.", metadata={"unit": "see `unit`"})
    unit: Series[str] = pa.Field(isin=["USD mn", "%"], description="Unit of `value`.", metadata={"unit": "category"})
    printed: Series[str] = pa.Field(description="The figure as printed.", metadata={"unit": "text"})
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "asadel_fund"
        title = "Asadel Venture Fund: size, allocation and ticket size"
        description = "Fund size, planned allocation by sector, investment range per company and stake range."
        unique = ["measure", "category", "statistic"]
        metadata = {
            "order": 110,
            "rows": "printed",
            "locator": "§ Access to Finance, p. 55",
            "note": "The thesis reports a Facebook post by the fund's managing partner; its date is not printed.",
        }

    @pa.dataframe_check(description="shares are per cent of at most 100")
    def shares_are_pct__value(cls, df: pd.DataFrame) -> pd.Series:
        return (df["unit"] != "%") | (df["value"] <= 100)


def _money_or_share(value) -> tuple[float, str]:
    """'$50 million' -> (50, 'USD mn'); '$500 000' -> (0.5, 'USD mn'); '15%' -> (15, '%')"""
    text = p.text(value)
    if text.endswith("%"):
        return p.percent(text), "%"
    m = re.fullmatch(r"\$\s*([0-9][0-9 ,.]*?)\s*(million)?", text)
    if not m:
        raise ValueError("expected an amount such as '$50 million' or '$500 000', or a share such as '15%'")
    digits = m.group(1).replace(" ", "").replace(",", "")
    amount = p.number(digits)
    return (amount if m.group(2) else amount / 1e6), "USD mn"


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    amounts = raw.parse(h["printed"], _money_or_share)
    return frame(
        raw,
        RAW,
        {
            "measure": raw.parse(h["measure"], p.text),
            "category": raw.parse(h["category"], p.text),
            "statistic": raw.parse(h["statistic"], p.text),
            "value": [v for v, _ in amounts],
            "unit": [u for _, u in amounts],
            "printed": raw.parse(h["printed"], p.text),
        },
    )
