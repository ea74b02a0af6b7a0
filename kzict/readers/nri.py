"""The World Economic Forum's Networked Readiness Index, 2012-2016 (facts file)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzict.errors import RawDataError

HEADER = ["edition", "iso3", "country", "nri_rank", "nri_score", "economies_ranked"]


def read_facts(path: Path) -> pd.DataFrame:
    """The facts file: its columns (``HEADER``), checked for consistency, and ``line``."""
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
    return df.assign(line=range(2, 2 + len(df)))
