"""The coding scheme of the interview evidence: first-cycle labels and final variables."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, frame, locator, raw_input, source_id

RAW = raw_input(
    "alibayev2017.xlsx", "Coding", {"stage": "Stage", "position": "Position", "label": "Label", "group": "Group"}
)


class CodingScheme(pa.DataFrameModel):
    stage: Series[str] = pa.Field(
        isin=["first cycle", "final"],
        description="'first cycle': in vivo labels; 'final': variables after pattern coding.",
        metadata={"unit": "category"},
    )
    position: Series[int] = pa.Field(ge=1, description="Order within the stage, as printed.", metadata={"unit": "id"})
    label: Series[str] = pa.Field(description="Label or variable, as printed.", metadata={"unit": "text"})
    group: Series[str] = pa.Field(
        nullable=True,
        isin=["government", "entrepreneurs"],
        description="Group of a final variable; NA in the first cycle.",
        metadata={"unit": "category"},
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "coding_scheme"
        title = "Coding scheme of the interview evidence"
        description = (
            "The 13 first-cycle (in vivo) labels and the 6 final variables in their two groups, "
            "government and entrepreneurs."
        )
        unique = ["stage", "label"]
        metadata = {
            "order": 100,
            "rows": ["stage", "position"],
            "locator": "§ Data Analysis Strategy and Coding, p. 26",
        }

    @pa.dataframe_check(description="final variables have a group, first-cycle labels none")
    def group_iff_final__group(cls, df: pd.DataFrame) -> pd.Series:
        return df["group"].notna() == (df["stage"] == "final")


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    return frame(
        raw,
        RAW,
        {
            "stage": raw.parse(h["stage"], p.text),
            "position": raw.parse(h["position"], p.whole),
            "label": raw.parse(h["label"], p.text),
            "group": raw.parse(h["group"], p.optional_text),
        },
    )
