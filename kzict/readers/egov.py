"""UN E-Government Survey results (EGDI and its components), one snapshot per edition, in three layouts.

- ``unu-egov`` (2010-2018, as repackaged by UNU-EGOV): ISO3 codes; floats with binary artefacts
  (``0.7249899999999999``) and up to five decimals where the survey publishes four. Values are rounded
  half-up to four decimals from their decimal text, never through binary floats (0.72499 -> 0.7250).
- ``un-desa`` (UN DESA's data-centre CSV, 2020 and 2022): no ISO codes; names with a trailing space,
  sometimes quoted; five decimals, read as written.
- ``reformatted`` (a third party's copy of 2024): the UN DESA columns renamed by the uploader and a
  ``Region`` column of their own added; otherwise as ``un-desa``.

Every layout comes back in the columns of ``HEADER`` (the names the UNU-EGOV files use), names stripped of
surrounding spaces, with ``survey_year`` (NA where the file has none), ``layout`` and ``line``.
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
# Each layout's header -> the HEADER name of each column (None: a column of the file this reader drops).
LAYOUTS: dict[str, dict[str, str | None]] = {
    "unu-egov": {c: c for c in HEADER},
    "un-desa": {
        "Survey Year": "survey_year",
        "Country Name": "country-name",
        "E-Government Rank": RANK,
        "E-Government Index": "e-gov-index",
        "E-Participation Index": "e-pat-index",
        "Online Service Index": "osi",
        "Human Capital Index": "hci",
        "Telecommunication Infrastructure Index": "tii",
    },
    "reformatted": {
        "Survey Year": "survey_year",
        "Country": "country-name",
        "Rank": RANK,
        "E_Index": "e-gov-index",
        "E_Participation": "e-pat-index",
        "Online_Service": "osi",
        "Human_Capital": "hci",
        "Tele_Infra": "tii",
        "Region": None,  # the uploader's own regions, not UN DESA's
    },
}


def file_column(layout: str, column: str) -> str:
    """The file's own header of a ``HEADER`` column in ``layout`` (for locators)."""
    return next(k for k, v in LAYOUTS[layout].items() if v == column)


def _index(text: str, path: Path, line: int, column: str, artefacts: bool) -> float | None:
    if text == "":
        return None
    try:
        value = Decimal(text)
        if artefacts:
            # The artefacts sit in the 15th-17th digit: five decimals recover the file's value.
            value = value.quantize(Decimal("0.00001"), ROUND_HALF_UP).quantize(_FOUR, ROUND_HALF_UP)
    except ArithmeticError:
        raise RawDataError(path, f"line {line}: not a number", column=column, found=text) from None
    if not 0 <= value <= 1:
        raise RawDataError(path, f"line {line}: an index lies between 0 and 1", column=column, found=text)
    return float(value)


def _rank(text: str, path: Path, line: int, column: str) -> int | None:
    if text == "":
        return None
    if not re.fullmatch(r"\d+(\.0)?", text):
        raise RawDataError(path, f"line {line}: a rank is a whole number", column=column, found=text)
    return int(float(text))


def read_file(path: Path) -> pd.DataFrame:
    """One survey file in any of ``LAYOUTS``: ``HEADER`` with ranks whole (``Int64``), indices as floats,
    empty cells NA, plus ``survey_year``, ``layout`` and ``line`` (the file's line of each row)."""
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = next(reader, [])
        layout = next((k for k, cols in LAYOUTS.items() if header == list(cols)), None)
        if layout is None:
            expected = " or ".join(", ".join(cols) for cols in LAYOUTS.values())
            raise RawDataError(path, f"expected the columns {expected}", found=header)
        names = LAYOUTS[layout]
        own = {c: file_column(layout, c) for c in (RANK, *INDICES)}  # the headers errors name, found once
        rows = []
        for line, rec in enumerate(reader, start=2):
            if len(rec) != len(header):
                raise RawDataError(path, f"line {line}: expected {len(header)} fields", found=len(rec))
            r = {names[h]: v for h, v in zip(header, rec) if names[h]}
            year = r.get("survey_year", "")
            if year and not re.fullmatch(r"\d{4}", year):
                raise RawDataError(path, f"line {line}: a survey year", column="Survey Year", found=year)
            rows.append(
                {
                    "country-code": r.get("country-code"),
                    "country-name": r["country-name"].strip(),
                    RANK: _rank(r[RANK], path, line, own[RANK]),
                    **{c: _index(r[c], path, line, own[c], layout == "unu-egov") for c in INDICES},
                    "survey_year": int(year) if year else None,
                    "layout": layout,
                    "line": line,
                }
            )
    df = pd.DataFrame(rows, columns=[*HEADER, "survey_year", "layout", "line"])
    return df.astype({RANK: "Int64", **{c: "float64" for c in INDICES}, "survey_year": "Int64", "line": "int64"})
