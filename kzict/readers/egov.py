"""UN E-Government Survey results (EGDI and its components), one snapshot per edition.

The files (as repackaged by UNU-EGOV) write floats with binary artefacts
(``0.7249899999999999``) and up to five decimals; the survey publishes four.
Values are therefore rounded half-up to four decimals from their decimal text,
never through binary floats, so 0.72499 becomes the published 0.7250.
"""

from __future__ import annotations

import csv
import re
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

import pandas as pd

from kzict.errors import RawDataError
from kzict.readers import snapshots

SOURCE_ID = "un_egov_survey"
FILE = re.compile(r"^egdi-(\d{4})\.csv$")
# File column -> egov_index column.
COLUMNS = {
    "country-code": "iso3",
    "country-name": "country",
    "e-gov-rank": "egdi_rank",
    "e-gov-index": "egdi",
    "e-pat-index": "epart_index",
    "osi": "osi",
    "hci": "hci",
    "tii": "tii",
}
INDICES = ("egdi", "epart_index", "osi", "hci", "tii")
OUT = ["edition", "iso3", "country", "egdi_rank", "egdi", "epart_index", "osi", "hci", "tii", "source_id", "locator"]
_FOUR = Decimal("0.0001")


def _index(text: str, path: Path, line: int, column: str) -> float | None:
    if text == "":
        return None
    try:
        # The artefacts sit in the 15th-17th digit: five decimals recover the file's value.
        value = Decimal(text).quantize(Decimal("0.00001"), ROUND_HALF_UP).quantize(_FOUR, ROUND_HALF_UP)
    except ArithmeticError:
        raise RawDataError(path, f"line {line}: not a number", column=column, found=text) from None
    if not 0 <= value <= 1:
        raise RawDataError(path, f"line {line}: an index lies between 0 and 1", column=column, found=text)
    return float(value)


def _rank(text: str, path: Path, line: int) -> int | None:
    if text == "":
        return None
    if not re.fullmatch(r"\d+(\.0)?", text):
        raise RawDataError(path, f"line {line}: a rank is a whole number", column="e-gov-rank", found=text)
    return int(float(text))


def read_edition(path: Path, edition: int, source_id: str = SOURCE_ID) -> pd.DataFrame:
    """One ``egdi-<year>.csv`` file as rows of ``egov_index``."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        if header != list(COLUMNS):
            raise RawDataError(path, f"expected the columns {', '.join(COLUMNS)}", found=header)
        rows = []
        for line, rec in enumerate(reader, start=2):
            if len(rec) != len(COLUMNS):
                raise RawDataError(path, f"line {line}: expected {len(COLUMNS)} fields", found=len(rec))
            r = dict(zip(COLUMNS.values(), rec))
            rows.append(
                {
                    "edition": edition,
                    "iso3": r["iso3"],
                    "country": r["country"],
                    "egdi_rank": _rank(r["egdi_rank"], path, line),
                    **{c: _index(r[c], path, line, c) for c in INDICES},
                    "source_id": source_id,
                    "locator": f"{path.name}, line {line}",
                }
            )
    df = pd.DataFrame(rows, columns=OUT)
    return df.astype({"egdi_rank": "Int64", **{c: "float64" for c in INDICES}})


def egov_index(snap_dir: Path | None = None) -> pd.DataFrame:
    """Every country and edition of the E-Government Survey snapshots."""
    rows = snapshots.read_manifest(snap_dir)
    frames = []
    for name in sorted(rows):
        m = FILE.match(name)
        if m and rows[name]["source_id"] == SOURCE_ID:
            path, row = snapshots.verified(name, snap_dir)
            frames.append(_read_cached(path, int(m.group(1)), row["source_id"]))
    if not frames:
        raise RawDataError(Path(snap_dir or snapshots.default_dir()), "no egdi-<year>.csv snapshot in the manifest")
    return pd.concat(frames, ignore_index=True).sort_values(["edition", "iso3"], ignore_index=True)


def _read_cached(path: Path, *args) -> pd.DataFrame:
    """``read_edition``, parsed once per build however many tables read the file (a rewritten file is read afresh)."""
    st = Path(path).stat()
    return _read_once(Path(path), st.st_size, st.st_mtime_ns, *args).copy()


@cache
def _read_once(path: Path, _size: int, _mtime_ns: int, *args) -> pd.DataFrame:
    return read_edition(path, *args)
