"""Figure 2: the goals of the ICT Programme 2010-2014, 2014 targets against 2009 values."""

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
    "Figure2",
    {
        "goal_id": "No.",
        "section": "Section",
        "goal": "Goal",
        "printed_2009": "Kazakhstan 2009",
        "printed_2014": "Kazakhstan 2014",
    },
    derived={"value_2009": "printed_2009", "target_2014": "printed_2014", "unit": "printed_2014"},
)


class IctProgramme20102014(pa.DataFrameModel):
    goal_id: Series[int] = pa.Field(
        ge=1, unique=True, description="Row of Figure 2, top to bottom.", metadata={"unit": "id"}
    )
    section: Series[str] = pa.Field(
        isin=["Government of Kazakhstan ICT plan (selected goals)", "OECD country capability survey, IT sector"],
        description="Block of Figure 2 the row belongs to, as printed.",
        metadata={"unit": "category"},
    )
    goal: Series[str] = pa.Field(description="Goal or survey item, as printed.", metadata={"unit": "text"})
    value_2009: Series[float] = pa.Field(
        nullable=True, ge=0, description="2009 value; NA for a qualitative row.", metadata={"unit": "see `unit`"}
    )
    target_2014: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        description="2014 target; NA for a qualitative or empty row.",
        metadata={"unit": "see `unit`"},
    )
    unit: Series[str] = pa.Field(
        nullable=True,
        isin=["KZT bn", "%"],
        description="Unit of value_2009 and target_2014; NA for qualitative rows.",
        metadata={"unit": "category"},
    )
    printed_2009: Series[str] = pa.Field(description="The 2009 cell as printed.", metadata={"unit": "text"})
    printed_2014: Series[str] = pa.Field(
        nullable=True, description="The 2014 cell as printed; NA if empty.", metadata={"unit": "text"}
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "ict_programme_2010_2014"
        title = "ICT Programme 2010-2014: goals for 2014 against 2009"
        description = (
            "Figure 2: each goal of the 2010-2014 ICT programme with its 2009 value and 2014 target "
            "(numeric where printed with a unit), and the qualitative rows on industry structure and the "
            "OECD capability survey kept as text."
        )
        unique = ["goal_id"]
        metadata = {
            "order": 60,
            "locator": "Figure 2, p. 33",
            "note": "Figure 2 credits the Decree of 2010 for both blocks, including the OECD survey rows.",
        }

    @pa.dataframe_check(description="a 2009 percentage is at most 100")
    def pct_at_most_100__value_2009(cls, df: pd.DataFrame) -> pd.Series:
        return (df["unit"] != "%") | (df["value_2009"].fillna(0) <= 100)

    @pa.dataframe_check(description="a 2014 percentage is at most 100")
    def pct_at_most_100__target_2014(cls, df: pd.DataFrame) -> pd.Series:
        return (df["unit"] != "%") | (df["target_2014"].fillna(0) <= 100)

    @pa.dataframe_check(description="a row has a unit exactly when it has a value")
    def unit_iff_value__unit(cls, df: pd.DataFrame) -> pd.Series:
        return (df["value_2009"].notna() | df["target_2014"].notna()) == df["unit"].notna()


def _amount(value) -> tuple[float | None, str | None]:
    """'KZT 90 Bn' -> (90, 'KZT bn'); '3.3%' -> (3.3, '%'); any other text -> (None, None): a qualitative cell."""
    text = p.optional_text(value)
    if text is None:
        return None, None
    m = re.fullmatch(r"KZT\s+([0-9.]+)\s+Bn", text)
    if m:
        return p.number(m.group(1)), "KZT bn"
    if re.fullmatch(r"[0-9.]+\s*%", text):
        return p.percent(text), "%"
    if re.fullmatch(r"[-+−0-9.,\s%]+", text):  # looks like a number but is not one we read
        raise ValueError("expected 'KZT <n> Bn', '<n>%' or descriptive text")
    return None, None


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    base = raw.parse(h["printed_2009"], _amount)
    target = raw.parse(h["printed_2014"], _amount)
    units = []
    for row, (_, u0), (_, u1) in zip(raw.row_numbers, base, target):
        if u0 and u1 and u0 != u1:
            raise raw.error(row, h["printed_2014"], f"expected the same unit as 2009 ({u0})", found=u1)
        units.append(u0 or u1)
    return frame(
        raw,
        RAW,
        {
            "goal_id": raw.parse(h["goal_id"], p.whole),
            "section": raw.parse(h["section"], p.text),
            "goal": raw.parse(h["goal"], p.text),
            "value_2009": [v for v, _ in base],
            "target_2014": [v for v, _ in target],
            "unit": units,
            "printed_2009": raw.parse(h["printed_2009"], p.text),
            "printed_2014": raw.parse(h["printed_2014"], p.optional_text),
        },
    )
