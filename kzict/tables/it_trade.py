"""IT exports and imports of Kazakhstan, 2011-2015, with the printed flow labels corrected."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, frame, locator, one_of, raw_input, source_id, year

RAW = raw_input(
    "alibayev2017.xlsx",
    "Trade",
    {"year": "Year", "printed_label": "Flow as printed", "value_usd_mn": "Value, USD million"},
    derived={"flow": "printed_label"},
)


class ItTrade(pa.DataFrameModel):
    year: Series[int] = year("Year of the flow.")
    flow: Series[str] = pa.Field(
        isin=["export", "import"],
        description="Trade flow after kzict's corrections (see `kzict.corrections()`).",
        metadata={"unit": "category"},
    )
    value_usd_mn: Series[float] = pa.Field(
        gt=0, description="Value of IT trade.", metadata={"unit": "USD mn (current)"}
    )
    printed_label: Series[str] = pa.Field(
        isin=["export", "import"],
        description="The flow the thesis's sentence attaches to this number.",
        metadata={"unit": "category"},
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "it_trade"
        title = "IT exports and imports of Kazakhstan, 2011-2015"
        description = (
            "Values of IT trade printed in the text. Only years with a printed figure; "
            "gaps are absent rows, never zeros."
        )
        unique = ["year", "flow"]
        metadata = {
            "order": 40,
            "locator": "§ Export and Import, p. 32",
            "note": "The thesis's labels contradict its own ratios; `flow` is corrected, `printed_label` "
            "keeps the print. See kzict.corrections().",
        }


def process(raw: RawTable) -> pd.DataFrame:
    """`flow` starts as the printed label; corrections.yaml says where the print is wrong."""
    h = RAW.headers
    labels = raw.parse(h["printed_label"], one_of("export", "import"))
    return frame(
        raw,
        RAW,
        {
            "year": raw.parse(h["year"], p.year),
            "flow": labels,
            "value_usd_mn": raw.parse(h["value_usd_mn"], p.number),
            "printed_label": labels,
        },
    )
