"""Outcomes: what happened after the targets, as full series from public files and statements.

Where a table read from the data snapshots (``data/raw/snapshots``) holds the same
indicator and year, its value replaces the sheet's: e-government rank and index
(``egov_index``), internet users and ICT service exports (``wdi_indicators``:
``IT.NET.USER.ZS``, ``BX.GSR.CCIS.CD``) and the Doing Business rank
(``doing_business_rank``, its data year mapped to the report edition). The sheet's
row stays only where no file covers it; ``grade`` says which.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import egov
from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, raw_input, year
from kzict.tables.doing_business_rank import RECALCULATED

RAW = raw_input(  # no provenance pair appended: its locator is the outcome's own
    "outcomes.xlsx",
    "Outcomes",
    {
        "indicator": "Indicator",
        "year": "Year",
        "period": "Period",
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
# The clean tables read from the snapshots whose Kazakhstan rows replace the sheet's.
INPUTS = ("wdi_indicators", "egov_index", "doing_business_rank")


class IndicatorOutcomes(pa.DataFrameModel):
    indicator: Series[str] = pa.Field(
        str_matches=r"^[a-z][a-z0-9_]*$",
        description="Stable id of the outcome indicator (shared with the targets' links).",
        metadata={"unit": "id"},
    )
    year: Series[int] = year(
        "Year of the figure (for Doing Business: the report's edition); for a bound over a range, its first year."
    )
    period: Series[str] = pa.Field(
        nullable=True,
        description="The range a bound holds over, as the source gives it ('since 2016'); NA for one year's figure.",
        metadata={"unit": "text"},
    )
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
    source_id: Series[str] = pa.Field(
        nullable=True,
        description="Original publisher of the figure (a row of `sources`); NA where no figure was found.",
        metadata={"unit": "id", "foreign_key": "sources.source_id"},
    )
    grade: Series[str] = pa.Field(
        nullable=True,
        isin=["file", "press"],
        description="'file': read from a data snapshot in data/raw/snapshots; 'press': quoted from a news "
        "or official statement (weaker); NA where no figure was found.",
        metadata={"unit": "category"},
    )
    locator: Series[str] = pa.Field(
        nullable=True,
        description="Where in the source: the snapshot file, line and column, or the statement.",
        metadata={"unit": "text"},
    )
    note: Series[str] = pa.Field(
        nullable=True, description="Definition differences, discontinued series, gaps.", metadata={"unit": "text"}
    )

    class Config(Strict):
        name = "indicator_outcomes"
        title = "Outcomes: what happened after the targets"
        description = (
            "Outcome figures from public data files and statements, as full series where given: internet "
            "users 2005-2024, e-government ranks 2010-2022, Doing Business ranks, digital literacy, "
            "broadband, ICT service exports. Each row has its source, grade (file: read from a data snapshot; "
            "press: a statement, kept only where no file covers the year) and a note."
        )
        unique = ["indicator", "year"]
        metadata = {
            "order": 150,
            "locator": "each row's source_id and locator (compiled by kzict from the publishers)",
            "note": "Nothing was estimated: a figure that was looked for and not found is NA with a note. "
            "File-grade values come from the snapshots in data/raw/snapshots, press-grade ones only where no "
            "file covers the indicator and year.",
            "printed_in": "kzict",
        }

    @pa.dataframe_check(description="a missing figure says why in its note")
    def missing_has_note__note(cls, df: pd.DataFrame) -> pd.Series:
        return df["value"].notna() | df["note"].notna()

    @pa.dataframe_check(description="a figure has its source, grade and locator")
    def figure_has_source__source_id(cls, df: pd.DataFrame) -> pd.Series:
        cited = df["source_id"].notna() & df["grade"].notna() & df["locator"].notna()
        return df["value"].isna() | cited

    @pa.dataframe_check(description="a period is the range of a bound")
    def period_is_a_bound__period(cls, df: pd.DataFrame) -> pd.Series:
        return df["period"].isna() | df["qualifier"].isin(["at most", "more than"])


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


def process(raw: RawTable, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    h = RAW.headers
    figures = raw.parse(h["printed"], _outcome)
    sheet = pd.DataFrame(
        {
            "indicator": raw.parse(h["indicator"], p.text),
            "year": raw.parse(h["year"], p.year),
            "period": raw.parse(h["period"], p.optional_text),
            "value": [v for v, _ in figures],
            "qualifier": [q for _, q in figures],
            "unit": raw.parse(h["unit"], p.text),
            "printed": raw.parse(h["printed"], p.text),
            "source_id": raw.parse(h["source_id"], p.optional_text),
            "grade": raw.parse(h["grade"], p.optional_text),
            "locator": raw.parse(h["locator"], p.optional_text),
            "note": raw.parse(h["note"], p.optional_text),
        },
        index=pd.Index(raw.row_numbers, name="raw_row", dtype="Int64"),
    )
    dup = sheet.duplicated(["indicator", "year"])
    if dup.any():  # checked here: a file row replacing both copies would hide the repeat from the runner
        row = int(sheet.index[dup][0])
        raise raw.error(row, h["indicator"], "repeats the indicator and year of an earlier row")
    return with_files(sheet, file_series(tables))


def with_files(sheet: pd.DataFrame, files: pd.DataFrame) -> pd.DataFrame:
    """The sheet with every indicator-year a file covers replaced by the file's value.

    A file series is taken over the years the sheet spans for that indicator (its outcome window), so a
    file also fills the window's gaps (the 2016 EGDI value) but does not extend it.
    """
    span = sheet.groupby("indicator")["year"].agg(["min", "max"])
    files = files[files["indicator"].isin(span.index)]
    years = files["year"]
    files = files[(years >= files["indicator"].map(span["min"])) & (years <= files["indicator"].map(span["max"]))]
    covered = pd.MultiIndex.from_frame(files[["indicator", "year"]])
    keep = ~pd.MultiIndex.from_frame(sheet[["indicator", "year"]]).isin(covered)
    files = files.set_index(pd.Index([pd.NA] * len(files), name="raw_row", dtype="Int64"))
    return pd.concat([sheet[keep], files[sheet.columns]])


DB_DISCONTINUED = (
    "Doing Business was discontinued in September 2021 after data irregularities were found in DB2018 and DB2020."
)


def _printed(v: float) -> str:
    text = repr(v)  # the shortest text that reads back as the file's value
    return text[:-2] if text.endswith(".0") else text


def file_series(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Kazakhstan's outcome series from the clean tables of the snapshots (``INPUTS``)."""
    rows: list[dict] = []

    def add(indicator: str, year: int, value: float, unit: str, r, column: str, note: str | None = None) -> None:
        rows.append(
            {
                "indicator": indicator,
                "year": int(year),
                "period": None,
                "value": float(value),
                "qualifier": None,
                "unit": unit,
                "printed": _printed(float(value)),
                "source_id": r.source_id,
                "grade": "file",
                "locator": f"{r.locator}, column {column}",
                "note": note,
            }
        )

    r: Any  # a row of an input table: its fields are the table's columns
    w = tables["wdi_indicators"]
    w = w[w["iso3"] == "KAZ"]
    for r in w[w["indicator_code"] == "IT.NET.USER.ZS"].itertuples():
        add("internet_users_pct", r.year, r.value, "% of population", r, str(r.year), f"Release {r.release}.")
    for r in w[w["indicator_code"] == "BX.GSR.CCIS.CD"].itertuples():
        note = (
            f"Release {r.release}; `printed` in current US$ as the file gives it. ICT service exports from the "
            "balance of payments: services only, a comparison series for the thesis's IT trade."
        )
        add("ict_service_exports_usd_mn", r.year, r.value, "USD mn (current)", r, str(r.year), note)
        rows[-1]["value"] = r.value / 1e6
    e = tables["egov_index"]
    for r in e[e["iso3"] == "KAZ"].itertuples():
        rank, index = (egov.file_column(r.file_format, c) for c in (egov.RANK, "e-gov-index"))
        decimals = "the published 4 decimals" if r.file_format == "unu-egov" else "the file's 5 decimals"
        add("egov_rank", r.edition, r.egdi_rank, "rank", r, rank)
        add("egov_index", r.edition, r.egdi, "index (0-1)", r, index, f"As {decimals}.")
    d = tables["doing_business_rank"]
    # The DB2016 ranking as recalculated in DB2017 is not the rank the report printed: it never replaces
    # the printed figure of the sheet (41), and the rank stays in doing_business_rank with its label.
    d = d[d["report_edition"] != RECALCULATED]
    for r in d[d["iso3"] == "KAZ"].itertuples():
        note = f"The ranking of {r.report_edition} (WDI data year {r.data_year}). "
        column = "ease_rank" if r.locator.startswith("wb-doing-business-2018") else "ease-doing-business"
        add(
            "doing_business_rank",
            r.edition,
            r.rank,
            "rank",
            r,
            column,
            note + (r.note if isinstance(r.note, str) else "") + " " + DB_DISCONTINUED,
        )
    out = pd.DataFrame(rows)
    out["note"] = out["note"].map(lambda n: " ".join(n.split()) if isinstance(n, str) else None)
    return out
