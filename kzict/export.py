"""``kzict export --xlsx PATH``: every clean table in one Excel workbook, for analysts who live in Excel.

Sheets: README (what, version, citation, licence), Dictionary (every column with type, unit and
description), Corrections, then one sheet per table with typed cells. Text that a spreadsheet would
take for a formula (starting with ``=``, ``+``, ``-``, ``@``, tab or CR) is written as text, never
as a formula.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import kzict

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_MAX = 31  # Excel's limit


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
        ws.cell(row=1, column=j, value=col).font = Font(bold=True)
    for i, row in enumerate(df.astype(object).itertuples(index=False), start=2):
        for j, value in enumerate(row, start=1):
            _put(ws, i, j, value)
    ws.freeze_panes = "A2"
    return ws


def export_xlsx(path: Path) -> Path:
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
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
