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
from pathlib import Path

import pandas as pd

from kzict.errors import RawDataError

HEADER = ["country-code", "country-name", "e-gov-rank", "e-gov-index", "e-pat-index", "osi", "hci", "tii"]
RANK = "e-gov-rank"
INDICES = ("e-gov-index", "e-pat-index", "osi", "hci", "tii")
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
        raise RawDataError(path, f"line {line}: a rank is a whole number", column=RANK, found=text)
    return int(float(text))


def read_file(path: Path) -> pd.DataFrame:
    """One survey file: its columns (``HEADER``) with ranks whole (``Int64``) and indices at four decimals,
    empty cells NA, and ``line``, the file's line of each row."""
    path = Path(path)
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        if header != HEADER:
            raise RawDataError(path, f"expected the columns {', '.join(HEADER)}", found=header)
        rows = []
        for line, rec in enumerate(reader, start=2):
            if len(rec) != len(HEADER):
                raise RawDataError(path, f"line {line}: expected {len(HEADER)} fields", found=len(rec))
            r = dict(zip(HEADER, rec))
            rows.append(
                {
                    **r,
                    RANK: _rank(r[RANK], path, line),
                    **{c: _index(r[c], path, line, c) for c in INDICES},
                    "line": line,
                }
            )
    df = pd.DataFrame(rows, columns=[*HEADER, "line"])
    return df.astype({RANK: "Int64", **{c: "float64" for c in INDICES}, "line": "int64"})
