"""The World Bank's full WDI download (``WDI_CSV.zip``): the rows of chosen indicators, cut verbatim, streamed.

The layout, checked against public copies of the download:

- The zip holds ``WDICSV.csv`` (the data, about 200 MB), ``WDICountry.csv``, ``WDISeries.csv``,
  ``WDIcountry-series.csv``, ``WDIfootnote.csv`` and ``WDIseries-time.csv`` at its top level
  (GitHub ``deluair/WDI_3d``: the six members, ``WDICSV.csv`` 196,918,309 bytes; ``Mangerona01/Homework-2``
  and ``Francisco772/A-Comparative-Analysis-of-Scientific-Output-2023``: 192.5 and 197.7 MB). The member
  names' case varies between releases, so they are matched without case.
- Older downloads name the data ``WDIData.csv``, under a ``WDI_csv/`` folder beside ``WDICountry.csv``
  and ``WDIFootNote.csv`` (``basedosdados/mais``, ``bases/mundo_bm_wdi/code/build.do``; 213 MB in
  ``korenmiklos/dc-economics-data``, ``data/WDIData.csv``); older still, ``WDI_Data.csv``.
- The data's header is ``"Country Name","Country Code","Indicator Name","Indicator Code"`` and one
  column per year from 1960, one line per economy (or aggregate) and indicator. Older files start with a
  byte-order mark (``riceissa/world-development-indicators``, ``proc_wdi.py``) and end every line with a
  comma, an empty unnamed last column (``drop v67`` in the Stata script above), as the per-indicator
  downloads in ``data/raw/snapshots`` do. Unlike those, it has no "Data Source"/"Last Updated Date"
  preamble: the file states no release.
- ``WDISeries.csv`` has one record per indicator: ``"Series Code","Topic","Indicator Name",
  "Short definition","Long definition","Unit of measure",…,"Source",…,"License Type"`` (and a trailing
  comma); definitions span several lines inside quotes (``korenmiklos/dc-economics-data``,
  ``data/WDISeries.csv``).
- A DataBank export saved as ``WDICSV.csv`` (``Series Name``, ``1960 [YR1960]``, ``..`` for missing;
  ``ElenaRossetto/Access-to-electricity``) is another layout, and is refused.

Nothing is unpacked to disk and no file is read whole: the member is read through the ``csv`` module
record by record, and each kept record is written as the very bytes it was read from.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
import zlib
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from kzict.errors import RawDataError
from kzict.readers import download as caps
from kzict.readers.guard import text_value
from kzict.readers.stream import Digest, Tap, file_digest, open_member, records

if TYPE_CHECKING:
    import pandas as pd

# The caps are the ingest's, one set for every download (kzict.readers.download): they admit the real
# download (~90 MB zipped, its data member ~200-250 MB) and refuse a bomb from the zip's directory.
HEADER = ("Country Name", "Country Code", "Indicator Name", "Indicator Code")
SERIES_NEEDS = ("Series Code", "Indicator Name", "Long definition", "Unit of measure", "Source", "License Type")
MAIN_NAMES = ("wdicsv.csv", "wdidata.csv", "wdi_data.csv")
SERIES_NAMES = ("wdiseries.csv", "wdi_series.csv")
OTHER_NAMES = ("wdicountry.csv", "wdi_country.csv", "wdifootnote.csv", "wdicountry-series.csv", "wdiseries-time.csv")
FIRST_YEAR = 1960
_BOM = "\ufeff"
# A value as the World Bank's files write one (kzict.readers.wdi reads the per-indicator files by it too)
NUMBER = re.compile(r"-?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?")  # ASCII digits only, as float() is not
_ECONOMY = re.compile(r"[A-Z0-9]{3}")


@dataclass
class Cut:
    """What a cut read and kept; ``note()`` says how, for the snapshot manifest."""

    download: Digest
    member: Digest
    subset: Digest
    series_member: Digest | None = None
    series_subset: Digest | None = None
    rows_read: int = 0
    rows_kept: int = 0
    codes: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()
    economies: int = 0
    years: tuple[int, int] = (0, 0)
    series_missing: tuple[str, ...] = field(default=())

    def note(self) -> str:
        d, m = self.download, self.member
        whence = m.name if d.name == m.name else f"{m.name} (member of {d.name}, {d.size:,} bytes, sha256 {d.sha256})"
        out = (
            f"Row subset of {whence}, {m.size:,} bytes, sha256 {m.sha256}: the header line and the "
            f"{self.rows_kept:,} lines whose Indicator Code is one of {len(self.codes) + len(self.missing)} tracked "
            f"indicators, verbatim, in file order; the other {self.rows_read - self.rows_kept:,} lines dropped. "
            f"{self.economies} economies and aggregates, years {self.years[0]}-{self.years[1]}."
        )
        if self.missing:
            out += f" No rows for {', '.join(self.missing)}."
        return out

    def series_note(self) -> str:
        s = self.series_member
        if s is None or self.series_subset is None:
            return ""
        out = (
            f"Record subset of {s.name} (member of {self.download.name}), {s.size:,} bytes, sha256 {s.sha256}: "
            f"the header and the records of the tracked indicators, verbatim, in file order."
        )
        if self.series_missing:
            out += f" No record for {', '.join(self.series_missing)}."
        return out


def _header(fields: list[str], origin: str) -> tuple[int, list[int]]:
    """The number of fields of every line, and the years, of a WDI bulk data header."""
    names = [fields[0].removeprefix(_BOM), *fields[1:]] if fields else []
    if names[:2] == ["Data Source", "World Development Indicators"]:
        raise RawDataError(origin, "a per-indicator or per-economy download (API_…), not the full WDI_CSV.zip")
    if names[:4] == ["Country Name", "Country Code", "Series Name", "Series Code"]:
        raise RawDataError(origin, "a DataBank export (Series Name, '1960 [YR1960]'), not the full WDI_CSV.zip")
    if tuple(names[:4]) != HEADER:
        raise RawDataError(origin, f"line 1: expected the header {', '.join(HEADER)}, then years", found=names[:4])
    years = names[4:-1] if names[-1:] == [""] else names[4:]
    if not years or not all(re.fullmatch(r"[0-9]{4}", y) for y in years):
        raise RawDataError(origin, "line 1: expected a year in every column after Indicator Code", found=years[:3])
    numbers = [int(y) for y in years]
    if numbers[0] != FIRST_YEAR or numbers != list(range(FIRST_YEAR, FIRST_YEAR + len(numbers))):
        raise RawDataError(origin, f"line 1: expected one column per year from {FIRST_YEAR}, in order", found=years[:3])
    return len(names), numbers


def _check_row(fields: list[str], years: list[int], origin: str, line: int) -> None:
    """A kept row: plain names, an economy code, numbers or nothing in the year columns."""
    for i in (0, 2):
        try:
            text_value(fields[i])
        except ValueError as exc:
            raise RawDataError(origin, f"line {line}: {exc}", column=HEADER[i]) from None
    if not _ECONOMY.fullmatch(fields[1]):
        raise RawDataError(origin, f"line {line}: expected a three-letter economy code", found=fields[1])
    if any(fields[4 + len(years) :]):
        raise RawDataError(origin, f"line {line}: a value in the unnamed last column", found=fields[-1])
    for year, cell in zip(years, fields[4:]):
        if cell and not (NUMBER.fullmatch(cell) and math.isfinite(float(cell))):
            raise RawDataError(
                origin, f"line {line}: expected a finite number or nothing", column=str(year), found=cell
            )


def _cut_data(fh: BinaryIO, origin: str, wanted: Collection[str], out: BinaryIO) -> dict:
    rows = records(fh, origin, caps.MAX_RECORD_BYTES)
    first = next(rows, None)
    if first is None:
        raise RawDataError(origin, "empty file")
    width, years = _header(first[0], origin)
    out.write(first[1])
    seen: set[tuple[str, str]] = set()
    read = 0
    for fields, raw, line in rows:
        if not fields:
            continue
        read += 1
        if len(fields) != width:
            raise RawDataError(origin, f"line {line}: {len(fields)} fields, the header has {width}")
        if fields[3] not in wanted:
            continue
        if raw.count(b"\n") > 1:
            raise RawDataError(origin, f"line {line}: a row of a tracked indicator spans several lines")
        _check_row(fields, years, origin, line)
        key = (fields[1], fields[3])
        if key in seen:
            raise RawDataError(origin, f"line {line}: a second row for {key[0]} {key[1]}")
        seen.add(key)
        out.write(raw)
    found = {c for _, c in seen}
    if not found:
        raise RawDataError(
            origin, f"holds none of the {len(wanted)} indicators asked for ({', '.join(sorted(wanted))})"
        )
    return {
        "rows_read": read,
        "rows_kept": len(seen),
        "codes": tuple(sorted(found)),
        "missing": tuple(sorted(set(wanted) - found)),
        "economies": len({e for e, _ in seen}),
        "years": (years[0], years[-1]),
    }


def _cut_series(fh: BinaryIO, origin: str, wanted: Collection[str], out: BinaryIO) -> tuple[str, ...]:
    rows = records(fh, origin, caps.MAX_RECORD_BYTES)
    first = next(rows, None)
    names = [first[0][0].removeprefix(_BOM), *first[0][1:]] if first and first[0] else []
    lacking = [c for c in SERIES_NEEDS if c not in names]
    if first is None or names[:1] != ["Series Code"] or lacking:
        raise RawDataError(origin, f"expected the series columns {', '.join(SERIES_NEEDS)}", found=names[:6])
    out.write(first[1])
    found = set()
    for fields, raw, line in rows:
        if fields and fields[0] in wanted:
            if len(fields) != len(names):
                raise RawDataError(origin, f"line {line}: {len(fields)} fields, the header has {len(names)}")
            if fields[0] in found:
                raise RawDataError(origin, f"line {line}: a second record for {fields[0]}")
            found.add(fields[0])
            out.write(raw)
    return tuple(sorted(set(wanted) - found))


def cut(path: Path | str, codes: Collection[str], out: Path | str, series_out: Path | str | None = None) -> Cut:
    """Write the header and the rows of ``codes`` of a WDI bulk download to ``out``, byte for byte.

    ``path`` is ``WDI_CSV.zip`` or its unpacked data CSV. From a zip, the records of ``codes`` in
    its ``WDISeries.csv`` go to ``series_out`` too. Raises RawDataError naming ``path`` (and the
    member), and leaves no output behind, for a file over a cap, a zip without exactly one data
    member, another layout, a ragged or corrupt line, or a kept row that is not plain names and numbers.
    """
    path, wanted = Path(path), frozenset(codes)
    where = str(path)
    written = [Path(out)] + ([Path(series_out)] if series_out else [])
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise RawDataError(where, f"cannot be read ({exc.strerror})") from None
    if size > caps.MAX_DOWNLOAD_BYTES:
        raise RawDataError(where, f"is {size:,} bytes, over the {caps.MAX_DOWNLOAD_BYTES:,}-byte cap of a download")
    try:
        return _cut(path, wanted, Path(out), Path(series_out) if series_out else None)
    except BaseException:
        for p in written:
            p.unlink(missing_ok=True)
        raise


def _members(zf: zipfile.ZipFile, where: str) -> tuple[zipfile.ZipInfo, zipfile.ZipInfo | None]:
    """The data member and the series member (if any), after checking the zip's directory against the caps."""
    infos = [i for i in zf.infolist() if not i.is_dir()]
    caps.check_directory(where, infos)
    main = [i for i in infos if Path(i.filename).name.lower() in MAIN_NAMES]
    if len(main) != 1:
        named = ", ".join(i.filename for i in main) or "none"
        raise RawDataError(
            where, f"expected exactly one data member ({', '.join(MAIN_NAMES)}, any case), found {named}"
        )
    series = [i for i in infos if Path(i.filename).name.lower() in SERIES_NAMES]
    if len(series) > 1:
        raise RawDataError(where, f"expected one series member, found {', '.join(i.filename for i in series)}")
    return main[0], (series[0] if series else None)


def _cut(path: Path, wanted: frozenset[str], out: Path, series_out: Path | None) -> Cut:
    where = str(path)
    if not zipfile.is_zipfile(path):
        with open(path, "rb", buffering=0) as raw, open(out, "wb") as dst:
            tap = Tap(raw, where, caps.MAX_MEMBER_BYTES)
            stats = _cut_data(tap.buffered(), where, wanted, dst)
        member = tap.digest(path.name)
        return Cut(member, member, file_digest(out), **stats)
    download = file_digest(path)
    try:
        with zipfile.ZipFile(path) as zf:
            main, series = _members(zf, where)
            origin = f"{where}:{main.filename}"
            with open_member(zf, main, origin, caps.MAX_MEMBER_BYTES) as tap, open(out, "wb") as dst:
                stats = _cut_data(tap.buffered(), origin, wanted, dst)
            result = Cut(download, tap.digest(main.filename), file_digest(out), **stats)
            if series is not None and series_out is not None:
                origin = f"{where}:{series.filename}"
                with open_member(zf, series, origin, caps.MAX_MEMBER_BYTES) as tap, open(series_out, "wb") as dst:
                    result.series_missing = _cut_series(tap.buffered(), origin, wanted, dst)
                result.series_member, result.series_subset = tap.digest(series.filename), file_digest(series_out)
            return result
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error) as exc:
        raise RawDataError(where, f"corrupt zip ({type(exc).__name__}: {exc})") from None


def looks_bulk(path: Path | str) -> bool:
    """Whether ``path`` is a full WDI download (a zip with a data member, or its bare-header CSV)."""
    path = Path(path)
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                # Any member of the full download's: one without its data member is then refused as such.
                known = MAIN_NAMES + SERIES_NAMES + OTHER_NAMES
                return any(Path(n).name.lower() in known for n in zf.namelist())
        with open(path, "rb") as fh:
            head = fh.read(200).decode("utf-8", "replace").removeprefix(_BOM).replace('"', "")
        return head.startswith(",".join(HEADER) + ",")
    except (OSError, zipfile.BadZipFile):
        return False


def read_subset(
    path: Path | str, codes: Collection[str] | None = None, economies: Collection[str] | None = None
) -> pd.DataFrame:
    """A subset written by :func:`cut`, tidy (``kzict.readers.wdi.TIDY``); ``line`` is the subset's own line."""
    return tidy(read_wide(path, codes), economies)


def read_wide(path: Path | str, codes: Collection[str] | None = None) -> pd.DataFrame:
    """A subset written by :func:`cut` as it is laid out (a row per economy and indicator, a column per year,
    as numbers), with ``_line``, each row's line in the file."""
    import pandas as pd

    text = Path(path).read_bytes().decode("utf-8-sig")
    wide = pd.read_csv(io.StringIO(text), dtype={c: "string" for c in HEADER}, keep_default_na=False, na_values=[""])
    wide = wide.drop(columns=[c for c in wide.columns if str(c).startswith("Unnamed:")])
    wide["_line"] = range(2, 2 + len(wide))
    if codes is not None:
        wide = wide[wide["Indicator Code"].isin(list(codes))]
    years = [c for c in wide.columns if re.fullmatch(r"\d{4}", str(c))]
    return wide.astype({y: "float64" for y in years})


def tidy(wide: pd.DataFrame, economies: Collection[str] | None = None) -> pd.DataFrame:
    """Rows of :func:`read_wide` (of ``economies``), tidy, each value with its decimals and line."""
    from kzict.readers import wdi

    if economies is not None:
        wide = wide[wide["Country Code"].isin(list(economies))]
    return wdi._melt(wide.drop(columns="_line"), first_line=2, lines=wide["_line"].to_numpy())


def values(wide: pd.DataFrame) -> pd.DataFrame:
    """Every value of :func:`read_wide` as ``iso3``, ``indicator_code``, ``year``, ``value``: no decimals or
    lines, so that all economies of a full download can be compared at little cost."""
    import numpy as np
    import pandas as pd

    years = [c for c in wide.columns if re.fullmatch(r"\d{4}", str(c))]
    cells = wide[years].to_numpy("float64")
    row, col = np.nonzero(~np.isnan(cells))
    return pd.DataFrame(
        {
            "iso3": wide["Country Code"].to_numpy(object)[row],
            "indicator_code": wide["Indicator Code"].to_numpy(object)[row],
            "year": np.asarray([int(y) for y in years], dtype="int64")[col],
            "value": cells[row, col],
        }
    )


SERIES_COLUMNS = {
    "Series Code": "indicator_code",
    "Indicator Name": "indicator",
    "Long definition": "definition",
    "Unit of measure": "unit",
    "Source": "source",
    "License Type": "licence",
}


def read_series(path: Path | str) -> pd.DataFrame:
    """A series subset written by :func:`cut`: one row per indicator, ``SERIES_COLUMNS`` renamed, text as printed."""
    import pandas as pd

    text = Path(path).read_bytes().decode("utf-8-sig")
    df = pd.read_csv(io.StringIO(text), dtype="string", keep_default_na=False)
    return df[list(SERIES_COLUMNS)].rename(columns=SERIES_COLUMNS)
