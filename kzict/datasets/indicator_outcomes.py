"""Outcomes: what happened after the targets, as full series from public files and statements."""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.datasets._fields import Strict, raw_input, source_id, year
from kzict.pipeline import parse as p
from kzict.pipeline.parse import RawTable

RAW = raw_input(  # no provenance pair appended: its locator is the outcome's own
    "outcomes.xlsx",
    "Outcomes",
    {
        "indicator": "Indicator",
        "year": "Year",
        "printed": "Printed value",
        "unit": "Unit",
        "source_id": "source_id",
        "grade": "Grade",
        "locator": "Locator",
        "note": "Note",
    },
    derived={"value": "printed", "qualifier": "printed"},
    provenance=False,
)


class IndicatorOutcomes(pa.DataFrameModel):
    indicator: Series[str] = pa.Field(
        str_matches=r"^[a-z][a-z0-9_]*$",
        description="Stable id of the outcome indicator (shared with the targets' links).",
        metadata={"unit": "id"},
    )
    year: Series[int] = year("Year of the figure (for Doing Business: the report's edition).")
    value: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        description="The figure; NA where it was looked for and not found (see `note`).",
        metadata={"unit": "see `unit`"},
    )
    qualifier: Series[str] = pa.Field(
        nullable=True,
        isin=["about", "more than", "at most"],
        description="How the source qualifies the figure; NA for an exact figure.",
        metadata={"unit": "category"},
    )
    unit: Series[str] = pa.Field(description="Unit of `value`.", metadata={"unit": "text"})
    printed: Series[str] = pa.Field(description="The figure as the source gives it.", metadata={"unit": "text"})
    source_id: Series[str] = source_id()
    grade: Series[str] = pa.Field(
        isin=["file", "press"],
        description="'file': read from a published data file; 'press': quoted from a news "
        "or official statement (weaker).",
        metadata={"unit": "category"},
    )
    locator: Series[str] = pa.Field(
        description="Where in the source (file row and column, or the statement).", metadata={"unit": "text"}
    )
    note: Series[str] = pa.Field(
        nullable=True, description="Definition differences, discontinued series, gaps.", metadata={"unit": "text"}
    )

    class Config(Strict):
        name = "indicator_outcomes"
        title = "Outcomes: what happened after the targets"
        description = (
            "Outcome figures from public data files and statements, as full series where given: internet "
            "users 2005-2023, e-government ranks 2010-2022, Doing Business ranks, digital literacy, "
            "broadband, ICT service exports. Each row has its source, grade (file | press) and a note."
        )
        unique = ["indicator", "year"]
        metadata = {
            "order": 150,
            "locator": "shared/reference/outcomes.md",
            "note": "Nothing was estimated: a figure that was looked for and not found is NA with a note.",
            "printed_in": "kzict_outcomes_reference",
        }

    @pa.dataframe_check(description="a missing figure says why in its note")
    def missing_has_note__note(cls, df: pd.DataFrame) -> Series[bool]:
        return df["value"].notna() | df["note"].notna()


_OUTCOME = re.compile(r"(?:(about|more than|at most)\s+)?([0-9]+(?:\.[0-9]+)?)\s*%?(?:\s+\(.*\))?")


def _outcome(value) -> tuple[float | None, str | None]:
    """'85.94' -> (85.94, None); 'about 90%' -> (90, 'about'); '41 (up 12 places)' -> (41, None);
    'not found' -> (None, None): the figure was looked for and not found, and stays missing."""
    text = p.text(value)
    if text == "not found":
        return None, None
    m = _OUTCOME.fullmatch(text)
    if not m:
        raise ValueError("expected a figure such as '85.94', 'about 90%', 'more than 90%' or 'not found'")
    return p.number(m.group(2)), m.group(1)


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    figures = raw.parse(h["printed"], _outcome)
    return pd.DataFrame(
        {
            "indicator": raw.parse(h["indicator"], p.text),
            "year": raw.parse(h["year"], p.year),
            "value": [v for v, _ in figures],
            "qualifier": [q for _, q in figures],
            "unit": raw.parse(h["unit"], p.text),
            "printed": raw.parse(h["printed"], p.text),
            "source_id": raw.parse(h["source_id"], p.text),
            "grade": raw.parse(h["grade"], p.text),
            "locator": raw.parse(h["locator"], p.text),
            "note": raw.parse(h["note"], p.optional_text),
        },
        index=pd.Index(raw.row_numbers, name="raw_row"),
    )
