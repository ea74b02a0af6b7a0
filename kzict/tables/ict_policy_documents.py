"""Figure 3: the major ICT policy documents, dated at the printed precision."""

from __future__ import annotations

import re
from datetime import datetime

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, frame, locator, raw_input, source_id, year

RAW = raw_input(
    "alibayev2017.xlsx",
    "Figure3",
    {
        "doc_id": "No.",
        "title": "Title of document",
        "date": "Date",
        "responsible_body": "Organisation responsible",
        "legal_act": "Legal Status",
    },
    derived={"date_precision": "date", "year": "date", "act_number": "legal_act"},
)


class IctPolicyDocuments(pa.DataFrameModel):
    doc_id: Series[int] = pa.Field(
        ge=1, unique=True, description="Row of Figure 3, top to bottom.", metadata={"unit": "id"}
    )
    title: Series[str] = pa.Field(description="Title of the document, as printed.", metadata={"unit": "text"})
    date: Series[str] = pa.Field(
        str_matches=r"^\d{4}(-\d{2}-\d{2})?$",
        description="Date in ISO 8601 at the printed precision: a year alone stays a year.",
        metadata={"unit": "ISO 8601 date"},
    )
    date_precision: Series[str] = pa.Field(
        isin=["year", "day"], description="Precision of the printed date.", metadata={"unit": "category"}
    )
    year: Series[int] = year("Year of the document.")
    responsible_body: Series[str] = pa.Field(
        description="Organisation responsible, as printed.", metadata={"unit": "text"}
    )
    legal_act: Series[str] = pa.Field(description="Legal status, as printed.", metadata={"unit": "text"})
    act_number: Series[int] = pa.Field(
        ge=1, description="Number of the decree in `legal_act`.", metadata={"unit": "id"}
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "ict_policy_documents"
        title = "Major ICT policy documents of the Kazakh government"
        description = (
            "Figure 3: main ICT policy documents adopted since 2010-2011, with date at the printed "
            "precision, responsible body and legal act."
        )
        unique = ["doc_id"]
        metadata = {"order": 70, "locator": "Figure 3, p. 35"}

    @pa.dataframe_check(description="year is the date's year; precision fits the date")
    def date_consistent__date(cls, df: pd.DataFrame) -> pd.Series:
        return (df["date"].str[:4].astype(int) == df["year"]) & (
            (df["date"].str.len() == 4) == (df["date_precision"] == "year")
        )


def _printed_date(value) -> tuple[str, str]:
    """2011 -> ('2011', 'year'); 'September 29, 2010' -> ('2010-09-29', 'day'); the printed precision is kept."""
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        return f"{p.year(value):04d}", "year"
    text = " ".join(p.text(value).replace(",", " ").split())
    try:
        return datetime.strptime(text, "%B %d %Y").date().isoformat(), "day"
    except ValueError:
        raise ValueError("expected a year or a date such as 'September 29, 2010'") from None


def _act_number(value) -> int:
    m = re.search(r"№\s*(\d+)$", p.text(value))
    if not m:
        raise ValueError("expected a legal act ending in '№ <number>'")
    return int(m.group(1))


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    dates = raw.parse(h["date"], _printed_date)
    return frame(
        raw,
        RAW,
        {
            "doc_id": raw.parse(h["doc_id"], p.whole),
            "title": raw.parse(h["title"], p.text),
            "date": [d for d, _ in dates],
            "date_precision": [q for _, q in dates],
            "year": [int(d[:4]) for d, _ in dates],
            "responsible_body": raw.parse(h["responsible_body"], p.text),
            "legal_act": raw.parse(h["legal_act"], p.text),
            "act_number": raw.parse(h["legal_act"], _act_number),
        },
    )
