"""Structure of IT expenditure in Kazakhstan, 2014-2015: the printed shares by category."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, frame, locator, pct, raw_input, source_id, year

RAW = raw_input("alibayev2017.xlsx", "ITSpendShares", {"year": "Year", "category": "Category", "share_pct": "Share"})


class ItExpenditureStructure(pa.DataFrameModel):
    year: Series[int] = year("Year the share refers to.")
    category: Series[str] = pa.Field(
        description="Spending category, as the thesis names it.", metadata={"unit": "text"}
    )
    share_pct: Series[float] = pct("Share of total IT expenditure in Kazakhstan.")
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "it_expenditure_structure"
        title = "Structure of IT expenditure in Kazakhstan, 2014-2015"
        description = (
            "Shares of total IT spending by category, as printed. Only the categories the "
            "thesis names: the shares do not sum to 100."
        )
        unique = ["year", "category"]
        metadata = {"order": 20, "locator": "§ Expenditure on IT, p. 31"}


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    return frame(
        raw,
        RAW,
        {
            "year": raw.parse(h["year"], p.year),
            "category": raw.parse(h["category"], p.text),
            "share_pct": raw.parse(h["share_pct"], p.percent),
        },
    )
