"""Every work a value comes from: the thesis and the original sources it names."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, raw_input

RAW = raw_input(
    "sources.xlsx",
    "Sources",
    {c: c for c in ("source_id", "citation", "author", "year", "title", "container", "kind", "url", "accessed", "via")},
    provenance=False,
)


class Sources(pa.DataFrameModel):
    source_id: Series[str] = pa.Field(
        str_matches=r"^[a-z][a-z0-9_]*$",
        unique=True,
        description="Identifier used by `source_id` in every table.",
        metadata={"unit": "id"},
    )
    citation: Series[str] = pa.Field(description="Full citation, formatted.", metadata={"unit": "text"})
    author: Series[str] = pa.Field(
        nullable=True,
        description="Author or organisation, as cited ('Family, Given' for a person); NA where the work does not "
        "state it.",
        metadata={"unit": "text"},
    )
    year: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=1990,
        le=2100,
        description="Year of publication (for a series of editions: the newest used); NA where not stated.",
        metadata={"unit": "year"},
    )
    title: Series[str] = pa.Field(description="Title of the work.", metadata={"unit": "text"})
    container: Series[str] = pa.Field(
        nullable=True,
        description="Where the work appears: publisher, site, journal, database or file.",
        metadata={"unit": "text"},
    )
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
    accessed: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^\d{4}-\d{2}-\d{2}$",
        description="Date kzict read the work at `url` (ISO 8601); NA for works known only through the thesis.",
        metadata={"unit": "date"},
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


OPTIONAL = ("author", "container", "url", "accessed", "via")


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    cols = {col: raw.parse(h[col], p.optional_text if col in OPTIONAL else p.text) for col in h if col != "year"}
    cols["year"] = pd.array(  # type: ignore[assignment]  # a column of any array-like
        raw.parse(h["year"], p.optional(p.year)), dtype="Int64"
    )
    return pd.DataFrame({c: cols[c] for c in h}, index=pd.Index(raw.row_numbers, name="raw_row"))
