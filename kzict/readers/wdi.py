"""Readers for World Bank WDI bulk downloads, each giving one tidy frame.

Every reader returns the columns of ``TIDY``: one row per published value,
``decimals`` the digits after the decimal point of the value as the file writes it
(the shortest text of the stored number for Excel), ``line`` being the file's own
line (CSV) or spreadsheet row (Excel), so a locator can send a reader straight to
the number in the file.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Collection
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from kzict.errors import RawDataError
from kzict.readers.wdi_bulk import NUMBER

TIDY = ["iso3", "country", "indicator_code", "indicator", "year", "value", "decimals", "line"]
HEADER = ["Country Name", "Country Code", "Indicator Name", "Indicator Code"]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# The four leading quoted fields of a data line: country name, country code, indicator name, indicator code.
_IDS = re.compile(r'^"((?:[^"]|"")*)","([^"]*)","((?:[^"]|"")*)","([^"]*)"')
_DDF_COLUMN = re.compile(r"^[a-z0-9_]+$")
_NUMBER_CHARS = str.maketrans("", "", "0123456789.-+eE ")  # what is left of a number's text without them: nothing
# Rows of the DDF merchandise-exports vintage are in US$ millions; its aggregate rows are
# on no consistent scale (the open-numbers repack), so they are not read at all.
DDF_SCALE = {"tx_val_mrch_cd_wt": 1e6}
DDF_UNREADABLE = {"tx_val_mrch_cd_wt": {"ECS", "WLD"}}


def _preamble_release(path: Path, lines: list[str]) -> str:
    """Check the four preamble lines of a bulk CSV and return its Last Updated Date."""
    rows = list(csv.reader(lines[:5]))
    ok = (
        len(rows) == 5
        and rows[0][:2] == ["Data Source", "World Development Indicators"]
        and not any(rows[1])
        and rows[2][:1] == ["Last Updated Date"]
        and not any(rows[3])
        and rows[4][:4] == HEADER
    )
    if not ok:
        raise RawDataError(path, "not a WDI bulk CSV: expected Data Source, Last Updated Date and a header on line 5")
    release = rows[2][1] if len(rows[2]) > 1 else ""
    if not _DATE.match(release):
        raise RawDataError(path, "line 3: Last Updated Date is not YYYY-MM-DD", found=release)
    try:
        date.fromisoformat(release)
    except ValueError:
        raise RawDataError(path, "line 3: Last Updated Date is not a real date", found=release) from None
    return release


def decimals(text: str) -> int:
    """Digits after the decimal point of a number as written: '0.28' -> 2, '11' -> 0, '6.3E-05' -> 6."""
    mantissa, _, exponent = text.strip().lower().partition("e")
    return max(len(mantissa.partition(".")[2]) - int(exponent or 0), 0)


def decimals_of(texts: np.ndarray) -> np.ndarray:
    """:func:`decimals` of every text, in numpy's string functions (a build counts hundreds of thousands of
    cells); the few written with an exponent or padded with spaces go through :func:`decimals` itself."""
    if not len(texts):
        return np.zeros(0, dtype="int64")
    u = np.asarray(texts).astype(str)
    length, dot = np.strings.str_len(u), np.strings.find(u, ".")
    out = np.where(dot >= 0, length - dot - 1, 0).astype("int64")
    odd = (np.strings.find(u, "e") >= 0) | (np.strings.find(u, "E") >= 0) | (np.strings.strip(u) != u)
    for i in np.flatnonzero(odd):
        out[i] = decimals(str(u[i]))
    return out


def _melt(wide: pd.DataFrame, first_line: int, lines: np.ndarray | None = None) -> pd.DataFrame:
    """Wide WDI rows (names, codes, one column per year, as numbers) to the tidy long form, empty cells dropped;
    ``decimals`` from the shortest text of each number.

    ``lines`` gives each row's line in the file when the rows are not consecutive (a filtered read)."""
    wide = wide.rename(columns=dict(zip(HEADER, ["country", "iso3", "indicator", "indicator_code"])))
    years = [c for c in wide.columns if re.fullmatch(r"\d{4}", str(c))]
    # numpy rather than DataFrame.melt: ten times faster on the 1,486 x 66 country file.
    values = wide[years].to_numpy(dtype="float64")
    row, col = np.nonzero(~np.isnan(values))
    ids = wide[["iso3", "country", "indicator_code", "indicator"]].iloc[row].reset_index(drop=True)
    cells = [repr(float(v)).removesuffix(".0") for v in values[row, col]]
    return ids.assign(
        year=np.asarray([int(y) for y in years], dtype="int64")[col],
        value=values[row, col],
        decimals=decimals_of(np.asarray(cells, dtype=object)),
        line=lines[row] if lines is not None else row + first_line,
    )[TIDY]


def _wanted(
    body: list[str], codes: Collection[str] | None, economies: Collection[str] | None
) -> tuple[list[str], np.ndarray]:
    """The data lines of the wanted indicators and economies, with their line numbers (the body starts on line 6).

    Only the leading quoted fields are looked at; a line they do not parse is kept, so the
    layout checks still see it."""
    kept, numbers = [], []
    every = codes is None and economies is None
    for i, line in enumerate(body, start=6):
        if not line.strip():
            continue
        m = None if every else _IDS.match(line)
        if m is None or ((codes is None or m[4] in codes) and (economies is None or m[2] in economies)):
            kept.append(line)
            numbers.append(i)
    return kept, np.asarray(numbers, dtype="int64")


def read_bulk_csv(
    path: Path, codes: Collection[str] | None = None, economies: Collection[str] | None = None
) -> tuple[str, pd.DataFrame]:
    """A WDI bulk CSV (``API_<code>_DS2_en_csv_v2``): its release and its values, tidy.

    The layout: UTF-8 with a BOM, four preamble lines, a header on line 5,
    one year per column, a trailing comma (an empty, unnamed last column).
    ``codes`` and ``economies`` limit the rows parsed (the 1,486-indicator country
    file is read for a few indicators); the layout checks apply to the rows kept.
    The lines are split by the ``csv`` module once, and each value is read from its own text
    (an ASCII decimal number, or nothing): the same text gives the decimals.
    """
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RawDataError(path, f"not a WDI bulk CSV: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    lines = text.splitlines()
    release = _preamble_release(path, lines)
    kept, numbers = _wanted(lines[5:], codes, economies)
    header = next(csv.reader([lines[4]]))
    rows = _check_widths(path, len(header), kept, numbers)
    unnamed = [i for i, h in enumerate(header) if not h]
    if len(unnamed) > 1 or (unnamed and any(r[unnamed[0]] for r in rows)):
        raise RawDataError(path, "expected one empty trailing column", column=f"Unnamed: {unnamed[-1]}")
    at = [i for i in range(len(HEADER), len(header)) if i not in unnamed]
    years = [header[i] for i in at]
    if not all(re.fullmatch(r"\d{4}", y) for y in years) or len(set(years)) != len(years):
        raise RawDataError(path, "line 5: expected a year in every column after Indicator Code", found=years)
    for r, n in zip(rows, numbers):
        if not (r[0].strip() and r[1].strip() and r[3].strip()):
            raise RawDataError(path, f"row on line {n} has no country or indicator code")
    if not rows:
        return release, pd.DataFrame(
            {c: pd.Series(dtype="int64" if c in ("year", "decimals", "line") else "object") for c in TIDY}
        )
    contiguous = at == list(range(at[0], at[0] + len(at))) if at else True
    cells = [r[at[0] : at[0] + len(at)] for r in rows] if contiguous and at else [[r[i] for i in at] for r in rows]
    texts = np.array(cells, dtype=object).reshape(len(rows), len(at))
    row, col = np.nonzero(texts != "")
    filled = texts[row, col]
    try:  # every character one a number is written with: float() alone reads "nan", "1_000" and other digits
        if "".join(filled.tolist()).translate(_NUMBER_CHARS):
            raise ValueError
        values = filled.astype("float64")
    except ValueError:
        wrong = [j for j, t in zip(col.tolist(), filled.tolist()) if not NUMBER.fullmatch(t.strip())]
        raise RawDataError(path, "expected numbers", column=years[min(wrong or col.tolist())]) from None
    named = (("iso3", 1), ("country", 0), ("indicator_code", 3), ("indicator", 2))
    ids = {k: np.array([r[i] for r in rows], dtype=object)[row] for k, i in named}
    out = pd.DataFrame(
        {
            **ids,
            "year": np.asarray([int(y) for y in years], dtype="int64")[col],
            "value": values,
            "decimals": decimals_of(filled),
            "line": numbers[row],
        }
    )
    return release, out[TIDY]


def _check_widths(path: Path, width: int, body: list[str], numbers) -> list[list[str]]:
    """Every data line has as many fields as the header (``width``; a ragged line would shift its values);
    the fields."""
    rows = list(csv.reader(body))
    for n, row in enumerate(rows):
        if len(row) != width:
            raise RawDataError(path, f"line {numbers[n]} has {len(row)} fields, the header on line 5 has {width}")
    return rows


def read_bulk_xls(path: Path) -> tuple[str, pd.DataFrame]:
    """A WDI Excel bulk download (``.xls``, sheet ``Data``); ``line`` is the spreadsheet row.

    Read with python-calamine directly (the engine pandas would use), as a list of rows:
    a third of the time of ``pandas.read_excel`` on this file.
    """
    from python_calamine import CalamineError, CalamineWorkbook

    path = Path(path)
    try:
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Data").to_python(skip_empty_area=False)
    except (CalamineError, ValueError, OSError) as exc:
        raise RawDataError(path, f"not a WDI Excel bulk download ({exc})", sheet="Data") from None
    if (
        len(rows) < 2
        or rows[0][:2] != ["Data Source", "World Development Indicators"]
        or rows[1][0] != ("Last Updated Date")
    ):
        raise RawDataError(path, "expected Data Source and Last Updated Date in rows 1-2", sheet="Data")
    stamp = rows[1][1]
    if isinstance(stamp, datetime | date):
        release = pd.Timestamp(stamp).date().isoformat()
    else:
        raise RawDataError(path, "Last Updated Date is not a date", sheet="Data", cell="B2", found=stamp)
    head = [i for i, r in enumerate(rows) if r and r[0] == "Country Name"]
    if len(head) != 1 or rows[head[0]][:4] != HEADER:
        raise RawDataError(path, "no WDI header row (Country Name, Country Code, ...)", sheet="Data")
    h = head[0]
    columns = [str(c) if i < 4 else str(int(float(str(c)))) for i, c in enumerate(rows[h])]
    wide = pd.DataFrame(rows[h + 1 :], columns=columns, dtype=object)
    years = columns[4:]
    try:
        wide[years] = wide[years].replace("", np.nan).astype("float64")
    except (TypeError, ValueError):
        raise RawDataError(path, "expected numbers in the year columns", sheet="Data") from None
    # Spreadsheet row = position + 1, the sheet starting on its first row.
    return release, _melt(wide, first_line=h + 2)


def read_ddf(path: Path, names: dict[str, str], indicator: str) -> pd.DataFrame:
    """An open-numbers DDF datapoints file (``economy,year,<code>``), tidy, with WDI codes upper-cased.

    ``names`` maps ISO3 codes to country names (the DDF file has none); ``indicator`` is the WDI name.
    """
    path = Path(path)
    df = pd.read_csv(path, dtype={"economy": "string"})
    texts = pd.read_csv(path, dtype=str, keep_default_na=False).iloc[:, -1]
    cols = list(df.columns)
    if len(cols) != 3 or cols[:2] != ["economy", "year"] or not _DDF_COLUMN.match(cols[2]):
        raise RawDataError(path, "expected the DDF columns economy, year, <indicator>", found=cols)
    col = cols[2]
    df["line"] = range(2, 2 + len(df))
    # in the unit of `value`: a value scaled to US$ from US$ millions has six decimals fewer
    shift = len(str(int(DDF_SCALE.get(col, 1.0)))) - 1
    df["decimals"] = [max(decimals(t) - shift, 0) if t else 0 for t in texts]
    df["iso3"] = df["economy"].str.upper()
    df = df[~df["iso3"].isin(DDF_UNREADABLE.get(col, set())) & df[col].notna()]
    out = pd.DataFrame(
        {
            "iso3": df["iso3"].astype(str),
            "country": df["iso3"].map(names).astype("string"),
            "indicator_code": ddf_code(col),
            "indicator": indicator,
            "year": df["year"].astype("int64"),
            "value": df[col].astype("float64") * DDF_SCALE.get(col, 1.0),
            "decimals": df["decimals"].astype("int64"),
            "line": df["line"],
        }
    )
    return out[TIDY].reset_index(drop=True)


def ddf_code(column: str) -> str:
    """The WDI code of a DDF column: ``tx_val_ictg_zs_un`` -> ``TX.VAL.ICTG.ZS.UN``."""
    return column.upper().replace("_", ".")


def read_country_metadata(path: Path) -> pd.DataFrame:
    """A ``Metadata_Country_…`` companion file: Country Code, Region, IncomeGroup, TableName, SpecialNotes."""
    return _read_metadata(path, {"Country Code", "Region", "IncomeGroup", "TableName"})


def read_indicator_metadata(path: Path) -> pd.DataFrame:
    """A ``Metadata_Indicator_…`` companion file: INDICATOR_CODE, INDICATOR_NAME, SOURCE_NOTE, SOURCE_ORGANIZATION,
    and ``line``, the file line each record starts on (a definition may run over several lines)."""
    df = _read_metadata(path, {"INDICATOR_CODE", "INDICATOR_NAME", "SOURCE_NOTE", "SOURCE_ORGANIZATION"})
    with Path(path).open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        starts, at = [], 1
        for _ in reader:
            starts.append(at)
            at = reader.line_num + 1
    return df.assign(line=starts[1 : 1 + len(df)])


def _read_metadata(path: Path, need: set[str]) -> pd.DataFrame:
    """A metadata companion of a WDI download, refused unless it has the ``need``ed columns."""
    path = Path(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RawDataError(path, f"not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    rows = list(csv.reader(io.StringIO(text)))
    for n, row in enumerate(rows[1:], start=2):
        if row and len(row) != len(rows[0]):
            raise RawDataError(path, f"line {n} has {len(row)} fields, the header {len(rows[0])}")
    df = pd.read_csv(io.StringIO(text), dtype="string")
    if not need <= set(df.columns):
        raise RawDataError(path, f"expected the columns {', '.join(sorted(need))}", found=list(df.columns))
    return df.drop(columns=[c for c in df.columns if c.startswith("Unnamed:")])
