"""``kzict export --xlsx PATH``: every clean table in one Excel workbook, for analysts who live in Excel.

Sheets: README (what, version, citation, licence), Dictionary (every column with type, unit and
description), Corrections, then one sheet per table with typed cells. Text that a spreadsheet would
take for a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) is written as text, never
as a formula, in headers and data alike.

The workbook is byte-reproducible (fixed zip entry and document dates: ``SOURCE_DATE_EPOCH`` if set,
else 1980-01-01), because the data site publishes it. It is written to a temporary file beside the
target and renamed into place, so a failed export leaves the previous file as it was.
"""

from __future__ import annotations

import io
import os
import re
import tempfile
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

import kzict
from kzict.errors import KzictError

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_MAX = 31  # Excel's limit
ZIP_EPOCH = datetime(1980, 1, 1, tzinfo=UTC)  # the earliest date a zip entry can hold


class ExportError(KzictError, ValueError):
    """An export target kzict will not write: a folder, a wrong extension, an existing file without force."""


def check_target(path: Path, force: bool = False, suffix: str = ".xlsx", what: str = "an Excel workbook") -> Path:
    """``path`` if an export may write there, else an :class:`ExportError` saying why not."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name, such as {path / ('kzict' + suffix)}")
    if path.suffix.lower() != suffix:
        raise ExportError(f"{path}: {what}'s name ends in {suffix}; try {path.with_suffix(suffix)}")
    if path.exists() and not force:
        raise ExportError(f"{path} exists; add --force to replace it")
    folder = next(p for p in path.absolute().parents if p.exists())
    if not folder.is_dir():
        raise ExportError(f"cannot write {path}: {folder} is a file, not a folder")
    return path


def _when() -> datetime:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return max(datetime.fromtimestamp(int(epoch), UTC), ZIP_EPOCH) if epoch else ZIP_EPOCH


def _put(ws, row: int, col: int, value):
    if value is None or (isinstance(value, float) and pd.isna(value)) or value is pd.NA:
        return
    if hasattr(value, "item"):  # numpy scalars -> Python
        value = value.item()
    cell = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str):
        cell.data_type = "s"  # openpyxl would otherwise store '=...' as a formula
        if value.startswith(FORMULA_STARTS):
            cell.quotePrefix = True  # and Excel shows it as typed text


def _table(wb, title: str, df: pd.DataFrame):
    from openpyxl.styles import Font

    ws = wb.create_sheet(title[:SHEET_NAME_MAX])
    for j, col in enumerate(df.columns, start=1):
        _put(ws, 1, j, str(col))
        ws.cell(row=1, column=j).font = Font(bold=True)
    for i, row in enumerate(df.astype(object).itertuples(index=False), start=2):
        for j, value in enumerate(row, start=1):
            _put(ws, i, j, value)
    ws.freeze_panes = "A2"
    return ws


def export_xlsx(path: Path, force: bool = False) -> Path:
    """Write every table to the workbook ``path``; refuses a folder, a name not ending in .xlsx, and an
    existing file unless ``force``."""
    from kzict._extras import require

    require("export", "kzict.export")
    path = check_target(path, force)
    try:
        _replace(path, _pinned(_workbook(), _when()))
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
    return path


def _workbook() -> bytes:
    """The workbook as openpyxl saves it (dates not yet pinned)."""
    from openpyxl import Workbook

    wb = Workbook()
    readme = wb.active
    readme.title = "README"
    lines = [
        ("kzict", f"version {kzict.__version__}"),
        ("What", "Statistics of Kazakhstan's ICT sector as clean, validated, sourced tables."),
        ("Citation", kzict.cite(style="text")),
        ("Licence", "Data: CC-BY-4.0 (cite kzict and the original sources in the 'sources' sheet). Code: MIT."),
        (
            "Provenance",
            "Every row names its original source (source_id, a row of 'sources') and where it was "
            "printed (locator). Departures from the print are on the 'corrections' sheet.",
        ),
        ("Sheets", ", ".join(["Dictionary", "corrections", *kzict.datasets()])),
    ]
    for i, (k, v) in enumerate(lines, start=1):
        _put(readme, i, 1, k)
        _put(readme, i, 2, v)
    rows = []
    for name in kzict.datasets():
        book = kzict.describe(name)
        rows += [{"dataset": name, "title": book.title, **c, "locator": book.locator} for c in book.columns]
    _table(wb, "Dictionary", pd.DataFrame(rows))
    _table(wb, "corrections", kzict.corrections())
    for name in kzict.datasets():
        _table(wb, name, kzict.load(name))
    wb.properties.created = wb.properties.modified = _when().replace(tzinfo=None)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _pinned(xlsx: bytes, when: datetime) -> bytes:
    """The same workbook with fixed zip entry dates and document dates, so equal data give equal bytes."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(xlsx)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps `modified` with the time of saving
                text = re.sub(r"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rf"\g<1>{stamp}", data.decode("utf-8"))
                data = text.encode("utf-8")
            fixed = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            zout.writestr(fixed, data)
    return out.getvalue()


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path`` and rename it into place (all or nothing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; an export is an ordinary file
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
