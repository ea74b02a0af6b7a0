"""World Bank Doing Business: the ease-of-doing-business rank as the files give it.

A file's year label is the WDI data year, which is one less than the report
edition that published the rank (data year 2016 = Doing Business 2017).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pandas as pd

from kzict.errors import RawDataError
from kzict.readers import snapshots

SOURCE_ID = "wb_doing_business"
FILE = re.compile(r"^wb-doing-business-file(\d{4})\.csv$")
HEADER = ["country-code", "country-name", "ease-doing-business"]
# The data-year -> report-edition mapping, stated once.
REPORT_EDITION = {2015: "Doing Business 2016", 2016: "Doing Business 2017", 2017: "Doing Business 2018"}
# Where a file and the printed report disagree: (data year, iso3) -> note.
NOTES = {
    (2015, "KAZ"): "The file gives 51; the Doing Business 2016 report printed 41 for Kazakhstan. Kept as in the file.",
}
OUT = ["data_year", "report_edition", "iso3", "country", "rank", "note", "source_id", "locator"]


def read_file(path: Path, data_year: int, source_id: str = SOURCE_ID) -> pd.DataFrame:
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
    if data_year not in REPORT_EDITION:
        raise RawDataError(path, f"no report edition is known for data year {data_year}")
    iso3 = df["country-code"]
    return pd.DataFrame(
        {
            "data_year": data_year,
            "report_edition": REPORT_EDITION[data_year],
            "iso3": iso3,
            "country": df["country-name"],
            "rank": rank.astype("int64"),
            "note": [NOTES.get((data_year, c)) for c in iso3],
            "source_id": source_id,
            "locator": [f"{path.name}, line {i + 2}" for i in range(len(df))],
        }
    )[OUT]


def doing_business_rank(snap_dir: Path | None = None) -> pd.DataFrame:
    """Ease-of-doing-business rank (1 = best) per file, with the report edition it belongs to."""
    rows = snapshots.read_manifest(snap_dir)
    frames = []
    for name in sorted(rows):
        m = FILE.match(name)
        if m:
            path, row = snapshots.verified(name, snap_dir)
            frames.append(_read_cached(path, int(m.group(1)), row["source_id"]))
    if not frames:
        raise RawDataError(Path(snap_dir or snapshots.default_dir()), "no Doing Business snapshot in the manifest")
    return pd.concat(frames, ignore_index=True).sort_values(["data_year", "iso3"], ignore_index=True)


def _read_cached(path: Path, *args) -> pd.DataFrame:
    """``read_file``, parsed once per build however many tables read the file (a rewritten file is read afresh)."""
    st = Path(path).stat()
    return _read_once(Path(path), st.st_size, st.st_mtime_ns, *args).copy()


@cache
def _read_once(path: Path, _size: int, _mtime_ns: int, *args) -> pd.DataFrame:
    return read_file(path, *args)
