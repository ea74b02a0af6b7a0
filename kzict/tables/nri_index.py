"""The World Economic Forum's Networked Readiness Index 2012-2016: Kazakhstan and 21 comparators."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import nri
from kzict.readers.snapshots import SnapshotFile
from kzict.tables import snapshot_input
from kzict.tables._fields import Strict
from kzict.tables._snapshot import country, country_names, edition, iso3, locator, source_id

SNAPSHOTS = snapshot_input(r"wef-nri-2012-2016-facts\.csv")


class NriIndex(pa.DataFrameModel):
    edition: Series[int] = edition("Global Information Technology Report")
    iso3: Series[str] = iso3()
    country: Series[str] = country()
    rank: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=1,
        description="Networked Readiness Index rank (1 = best); NA where the economy was not covered.",
        metadata={"unit": "rank"},
    )
    score: Series[float] = pa.Field(
        nullable=True,
        ge=1,
        le=7,
        description="Networked Readiness Index score (1-7, three decimals); NA where the economy was not covered.",
        metadata={"unit": "score 1-7"},
    )
    economies_ranked: Series[int] = pa.Field(
        ge=1, description="Number of economies ranked in the edition.", metadata={"unit": "economies"}
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "nri_index"
        title = "WEF Networked Readiness Index, 2012-2016"
        description = (
            "Overall rank and score of the Networked Readiness Index for Kazakhstan and 21 comparators, editions "
            "2012-2016 of the Global Information Technology Report, with the number of economies ranked."
        )
        unique = ["edition", "iso3"]
        metadata = {
            "order": 240,
            "printed_in": "wef_nri",
            "locator": "data/raw/snapshots: wef-nri-2012-2016-facts.csv (line of each row)",
            "note": "Facts with attribution to the World Economic Forum, transcribed from its NRI historical dataset "
            "2012-2016; the WEF workbook itself is not redistributed (its terms forbid it).",
            "licence": "wef-facts",
        }

    @pa.dataframe_check(description="rank is within the number of economies ranked")
    def rank_within_field__rank(cls, df: pd.DataFrame) -> pd.Series:
        return df["rank"].isna() | (df["rank"] <= df["economies_ranked"])


def process(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    """NRI rank and score (1-7) per edition for Kazakhstan and its comparators."""
    frames = []
    for f in files.values():
        df = nri.read_facts(f.path).rename(columns={"nri_rank": "rank", "nri_score": "score"})
        frames.append(df.assign(source_id=f.source_id, locator=f.name + ", line " + df["line"].astype(str)))
    out = pd.concat(frames, ignore_index=True)
    out["country"] = country_names(out["iso3"], out["country"])
    return out[list(NriIndex.to_schema().columns)].sort_values(["edition", "iso3"], ignore_index=True)
