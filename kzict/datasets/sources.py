"""Every work a value comes from: the thesis and the original sources it names."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.datasets._fields import Strict, raw_input
from kzict.pipeline import parse as p
from kzict.pipeline.parse import RawTable

RAW = raw_input(
    "sources.xlsx",
    "Sources",
    {"source_id": "source_id", "citation": "citation", "kind": "kind", "url": "url", "via": "via"},
    provenance=False,
)


class Sources(pa.DataFrameModel):
    source_id: Series[str] = pa.Field(
        str_matches=r"^[a-z][a-z0-9_]*$",
        unique=True,
        description="Identifier used by `source_id` in every table.",
        metadata={"unit": "id"},
    )
    citation: Series[str] = pa.Field(description="Full citation.", metadata={"unit": "text"})
    kind: Series[str] = pa.Field(
        isin=["thesis", "report", "decree", "database", "web", "paper"],
        description="Kind of work.",
        metadata={"unit": "category"},
    )
    url: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^https?://",
        description="Address of the work; NA if none is known.",
        metadata={"unit": "URL"},
    )
    via: Series[str] = pa.Field(
        nullable=True,
        description="source_id of the work that printed the figure (NA for a primary work).",
        metadata={"unit": "id", "foreign_key": "sources.source_id"},
    )

    class Config(Strict):
        name = "sources"
        title = "Sources"
        description = "Every work a value comes from: the thesis and the original sources it names."
        unique = ["source_id"]
        metadata = {
            "order": 1000,  # last in the catalogue
            "rows": "printed",  # the thesis first, then as listed
            "locator": "Reference list (after the Appendix)",
        }


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    return pd.DataFrame(
        {
            col: raw.parse(h[col], p.optional_text if col in ("url", "via") else p.text)
            for col in ("source_id", "citation", "kind", "url", "via")
        },
        index=pd.Index(raw.row_numbers, name="raw_row"),
    )
