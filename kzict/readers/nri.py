"""The World Economic Forum's Networked Readiness Index, 2012-2016 (facts file)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzict.errors import RawDataError
from kzict.readers import snapshots

SNAPSHOT = "wef-nri-2012-2016-facts.csv"
HEADER = ["edition", "iso3", "country", "nri_rank", "nri_score", "economies_ranked"]
OUT = ["edition", "iso3", "country", "rank", "score", "economies_ranked", "source_id", "locator"]


def read_facts(path: Path, source_id: str) -> pd.DataFrame:
    path = Path(path)
    # Rank and score are empty where an economy was not covered in an edition (Tajikistan 2014).
    df = pd.read_csv(path, dtype={"iso3": "str", "country": "str", "nri_rank": "Int64"})
    if list(df.columns) != HEADER:
        raise RawDataError(path, f"expected the columns {', '.join(HEADER)}", found=list(df.columns))
    for col in ("edition", "economies_ranked"):
        if not pd.api.types.is_integer_dtype(df[col]):
            raise RawDataError(path, "expected whole numbers in every row", column=col)
    if (df["nri_rank"].isna() != df["nri_score"].isna()).any():
        raise RawDataError(path, "a rank without a score or a score without a rank", column="nri_rank")
    over = df.index[((df["nri_rank"] < 1) | (df["nri_rank"] > df["economies_ranked"])).fillna(False)]
    if len(over):
        raise RawDataError(path, f"line {over[0] + 2}: rank outside 1..economies_ranked", column="nri_rank")
    if not df["nri_score"].dropna().between(1, 7).all():
        raise RawDataError(path, "an NRI score lies between 1 and 7", column="nri_score")
    per_edition = df.groupby("edition")["economies_ranked"].nunique()
    if (per_edition > 1).any():
        raise RawDataError(path, "economies_ranked differs within an edition", column="economies_ranked")
    out = df.rename(columns={"nri_rank": "rank", "nri_score": "score"})
    out["source_id"] = source_id
    out["locator"] = [f"{path.name}, line {i + 2}" for i in range(len(df))]
    return out[OUT]


def nri_index(snap_dir: Path | None = None) -> pd.DataFrame:
    """NRI rank and score (1-7) per edition for Kazakhstan and its comparators."""
    path, row = snapshots.verified(SNAPSHOT, snap_dir)
    return read_facts(path, row["source_id"]).sort_values(["edition", "iso3"], ignore_index=True)
