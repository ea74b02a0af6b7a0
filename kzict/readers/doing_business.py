"""World Bank Doing Business files (as repackaged by UNU-EGOV): economy and ease-of-doing-business rank."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzict.errors import RawDataError

HEADER = ["country-code", "country-name", "ease-doing-business"]


def read_file(path: Path) -> pd.DataFrame:
    """One file: its columns (``HEADER``), the rank a whole number from 1 (``int64``), and ``line``."""
    path = Path(path)
    df = pd.read_csv(path, dtype={"country-code": "str", "country-name": "str"})
    if list(df.columns) != HEADER:
        raise RawDataError(path, f"expected the columns {', '.join(HEADER)}", found=list(df.columns))
    rank = df["ease-doing-business"]
    whole = rank.notna() & (rank == rank.round()) & (rank >= 1)
    if not whole.all():
        line = int(whole.to_numpy().argmin()) + 2
        raise RawDataError(
            path, f"line {line}: a rank is a whole number from 1", column=HEADER[2], found=rank[line - 2]
        )
    df[HEADER[2]] = rank.astype("int64")
    return df.assign(line=range(2, 2 + len(df)))


FACTS_HEADER = ["db_year", "iso3", "economy", "ease_rank", "ease_score_db17_20", "economies_ranked"]


def read_facts(path: Path) -> pd.DataFrame:
    """Facts transcribed from the Doing Business historical dataset: ``FACTS_HEADER`` (ranks and counts
    ``Int64``, NA where the dataset gives none; the score a float) and ``line``."""
    path = Path(path)
    df = pd.read_csv(path, dtype={"iso3": "str", "economy": "str"})
    if list(df.columns) != FACTS_HEADER:
        raise RawDataError(path, f"expected the columns {', '.join(FACTS_HEADER)}", found=list(df.columns))
    for column in ("db_year", "ease_rank", "economies_ranked"):
        v = df[column]
        bad = v.notna() & ((v != v.round()) | (v < 1))
        if bad.any() or (column == "db_year" and v.isna().any()):
            line = int((bad | v.isna()).to_numpy().argmax()) + 2 if column == "db_year" else int(bad.argmax()) + 2
            raise RawDataError(path, f"line {line}: a whole number from 1", column=column, found=v[line - 2])
        df[column] = v.astype("Int64")
    return df.assign(line=range(2, 2 + len(df)))
