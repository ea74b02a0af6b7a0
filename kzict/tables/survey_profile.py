"""The thesis's own survey: who was invited, surveyed and interviewed."""

from __future__ import annotations

import re
from functools import partial

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, frame, locator, raw_input, source_id

RAW = raw_input(
    "alibayev2017.xlsx",
    "Survey",
    {
        "measure": "Measure",
        "category": "Category",
        "statistic": "Statistic",
        "group": "Group",
        "printed": "Printed value",
        "unit": "Unit",
    },
    derived={"value": "printed"},
)


class SurveyProfile(pa.DataFrameModel):
    measure: Series[str] = pa.Field(description="What is measured.", metadata={"unit": "id"})
    category: Series[str] = pa.Field(
        description="Category of the measure ('all' for a single figure).", metadata={"unit": "text"}
    )
    statistic: Series[str] = pa.Field(
        isin=[
            "count",
            "share",
            "min",
            "max",
            "mean",
            "mean_lower_bound",
            "mean_upper_bound",
            "approximate",
            "all_of_group",
        ],
        description="Kind of figure ('all_of_group': the text says all of the group, stored as 100 %; not a "
        "rounded share).",
        metadata={"unit": "category"},
    )
    group: Series[str] = pa.Field(
        description="Who the figure describes, in the thesis's words.", metadata={"unit": "text"}
    )
    value: Series[float] = pa.Field(ge=0, description="The figure; unit in `unit`.", metadata={"unit": "see `unit`"})
    unit: Series[str] = pa.Field(
        isin=["persons", "questions", "%", "years", "employees", "minutes"],
        description="Unit of `value`.",
        metadata={"unit": "category"},
    )
    printed: Series[str] = pa.Field(description="The figure as printed.", metadata={"unit": "text"})
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "survey_profile"
        title = "Profile of the entrepreneurs surveyed and interviewed"
        description = (
            "The thesis's own survey: counts of invited, surveyed and interviewed entrepreneurs; shares "
            "by purpose of stay abroad, residence and gender; age, years abroad and experience; the length "
            "of the survey and of the interviews."
        )
        unique = ["measure", "category", "statistic"]
        metadata = {
            "order": 90,
            "rows": "printed",
            "locator": "§ Population and Setting, p. 24",
            "note": "The base of the shares is not printed ('respondents'); the shares are stored as printed. "
            "'All respondents have been abroad' is stored as 100 % (statistic 'all_of_group'), printed 'all'. "
            "A printed range ('about 25-30 minutes') is two rows, min and max, each with the whole range in `printed`.",
        }

    @pa.dataframe_check(description="shares are per cent of at most 100")
    def shares_are_pct__value(cls, df: pd.DataFrame) -> pd.Series:
        share = df["statistic"] == "share"
        return ~share | ((df["unit"] == "%") & (df["value"] <= 100))


_QUALIFIER = re.compile(r"^(?:approximately(?: in)?|about)\s+")


def _figure(value, statistic: str = "") -> float:
    """A printed figure: '42', '2.4', '30%', 'all' (100 %), 'approximately in 10', or a range 'about 25-30'
    (its lower end for statistic 'min', its upper end for 'max'). Qualifiers stay in `printed`."""
    text = _QUALIFIER.sub("", p.text(value))
    if text == "all":
        return 100.0
    if re.fullmatch(r"[0-9.]+-[0-9.]+", text):
        if statistic not in ("min", "max"):
            raise ValueError("a printed range is stored as two rows, statistic 'min' and 'max'")
        low, high = text.split("-")
        return p.number(low if statistic == "min" else high)
    return p.percent(text) if text.endswith("%") else p.number(text)


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    cols = {c: raw.parse(h[c], p.text) for c in ("measure", "category", "statistic", "group")}
    values = [
        raw.check(row, h["printed"], partial(_figure, statistic=stat), cells[h["printed"]])
        for stat, (row, cells) in zip(cols["statistic"], raw.rows)
    ]
    return frame(
        raw,
        RAW,
        {
            **cols,
            "value": values,
            "unit": raw.parse(h["unit"], p.text),
            "printed": raw.parse(h["printed"], lambda v: p.text(str(v))),
        },
    )
