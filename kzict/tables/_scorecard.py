"""What the two scorecards share: their schema and the Links sheet that ties each target to an outcome series.

The scorecards set each target beside the outcome series that speaks to it
(``outcomes.xlsx``, sheet ``Links``) and judge it with :func:`kzict.tables._score.score`.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import YEAR_MAX, YEAR_MIN, Strict, one_of, raw_input, year
from kzict.tables._score import BOUNDS, PROXY

LINKS = raw_input(
    "outcomes.xlsx",
    "Links",
    {
        "programme": "Programme",
        "target": "Target",
        "indicator": "Indicator",
        "comparability": "Comparability",
        "basis": "Basis",
        "bounds": "Bounds",
        "also": "Also",
    },
    provenance=False,
)
# How the outcome judged relates to the target: the same measure; a related measure standing in for it
# (judged, and said so in `basis`); or none (not judged).
COMPARABILITY = ("same_definition", "proxy", "none")
STEP_YEARS = {"egov_rank": 2}  # the UN survey is biennial; every other series is yearly


def links(raw: RawTable, programme: str) -> dict[int, dict]:
    h = LINKS.headers
    rows = zip(
        raw.parse(h["programme"], p.text),
        raw.parse(h["target"], p.whole),
        raw.parse(h["indicator"], p.optional_text),
        raw.parse(h["comparability"], one_of(*COMPARABILITY)),
        raw.parse(h["basis"], p.text),
        raw.parse(h["bounds"], p.optional(one_of(*BOUNDS))),
        raw.parse(h["also"], p.optional_text),
        raw.row_numbers,
    )
    out = {}
    for g, t, i, c, b, bound, also, row in rows:
        if g != programme:
            continue
        if (c == PROXY) != (bound is not None):
            raise raw.error(row, h["bounds"], "Bounds (below, above or none) is given for a proxy link and only there")
        out[t] = {
            "indicator": i,
            "comparability": c,
            "basis": b,
            "bounds": bound,
            "also": also.split(", ") if also else [],
        }
    return out


class Scorecard(pa.DataFrameModel):
    target_id: Series[int] = pa.Field(
        ge=1, unique=True, description="Number of the target in its programme.", metadata={"unit": "id"}
    )
    target: Series[str] = pa.Field(description="The target (label as in the targets table).", metadata={"unit": "text"})
    target_value: Series[float] = pa.Field(ge=0, description="Target level.", metadata={"unit": "see `unit`"})
    unit: Series[str] = pa.Field(description="Unit of the target and the outcome.", metadata={"unit": "text"})
    comparison: Series[str] = pa.Field(
        isin=["at_least", "at_most"],
        description="Met when the outcome is at least / at most the target.",
        metadata={"unit": "category"},
    )
    target_year: Series[int] = year("Year by which the target was to be met.")
    outcome_indicator: Series[str] = pa.Field(
        nullable=True, description="The `indicator_outcomes` series judged.", metadata={"unit": "id"}
    )
    outcome_year: Series[pd.Int64Dtype] = year("Year of the outcome judged; NA when not measured.", nullable=True)
    outcome_value: Series[float] = pa.Field(
        nullable=True, description="The outcome judged.", metadata={"unit": "see `unit`"}
    )
    outcome_qualifier: Series[str] = pa.Field(
        nullable=True,
        isin=["about", "more than", "at most"],
        description="The source's qualifier of the outcome.",
        metadata={"unit": "category"},
    )
    nearest_year: Series[bool] = pa.Field(
        description="True when the outcome is the nearest year's, not the target year's.", metadata={"unit": "flag"}
    )
    comparability: Series[str] = pa.Field(
        isin=list(COMPARABILITY),
        description="How the outcome relates to the target: 'same_definition' (the target's own measure), "
        "'proxy' (a related measure stands in for it; the verdict rests on it and `basis` says so) or 'none' "
        "(no comparable figure: not judged).",
        metadata={"unit": "category"},
    )
    status: Series[str] = pa.Field(
        isin=["met", "not_met", "not_measured"], description="The verdict.", metadata={"unit": "category"}
    )
    first_met_year: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=YEAR_MIN,
        le=YEAR_MAX,
        description="First year the series shows the target met (after a year below it); NA otherwise.",
        metadata={"unit": "year"},
    )
    basis: Series[str] = pa.Field(
        str_length={"min_value": 10}, description="One line: why this verdict.", metadata={"unit": "text"}
    )
    source_id: Series[str] = pa.Field(
        nullable=True,
        description="Source of the outcome judged; NA when not measured.",
        metadata={"unit": "id", "foreign_key": "sources.source_id"},
    )
    grade: Series[str] = pa.Field(
        nullable=True, isin=["file", "press"], description="Grade of that source.", metadata={"unit": "category"}
    )
    locator: Series[str] = pa.Field(nullable=True, description="Where in that source.", metadata={"unit": "text"})

    class Config(Strict):
        unique = ["target_id"]

    @pa.dataframe_check(description="a measured verdict has an outcome; not_measured has none")
    def outcome_iff_measured__status(cls, df: pd.DataFrame) -> pd.Series:
        return df["outcome_value"].notna() == (df["status"] != "not_measured")

    @pa.dataframe_check(description="no comparable figure, no verdict; a proxy verdict says so in its basis")
    def comparability_agrees__comparability(cls, df: pd.DataFrame) -> pd.Series:
        none_unjudged = (df["comparability"] != "none") | (df["status"] == "not_measured")
        proxy_said = (df["comparability"] != "proxy") | df["basis"].str.contains("proxy", case=False)
        return none_unjudged & proxy_said
