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
