"""Reading raw workbooks safely, and parsing printed values with cell-exact errors (was kzict/build/rawbook.py)."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kzict.errors import RawDataError
from kzict.readers.guard import MAX_BYTES, MAX_ROWS, cell_value, check_container, check_path, check_sheet

__all__ = ["MAX_BYTES", "MAX_ROWS", "RawTable", "Workbooks", "open_workbook", "read_sheet"]


@dataclass
class RawTable:
    """One sheet: its header letters and the data rows, each with its sheet row number."""

    path: Path
    sheet: str
    letters: dict[str, str]  # header text -> column letter
    rows: list[tuple[int, dict[str, Any]]]

    def cell(self, row: int, header: str) -> str:
        return f"{self.letters[header]}{row}"

    def error(self, row: int, header: str, problem: str, found=None) -> RawDataError:
        return RawDataError(
            self.path, problem, sheet=self.sheet, cell=self.cell(row, header), column=header, found=found
        )

    def check(self, row: int, header: str, parser: Callable[[Any], Any], value: Any) -> Any:
        try:
            return parser(value)
        except ValueError as exc:
            raise self.error(row, header, str(exc), found=value) from None

    def parse(self, header: str, parser: Callable[[Any], Any]) -> list[Any]:
        """Parse one column; a value the parser rejects names its cell."""
        return [self.check(row, header, parser, values[header]) for row, values in self.rows]

    @property
    def row_numbers(self) -> list[int]:
        return [r for r, _ in self.rows]


def open_workbook(path: Path, root: Path | None = None):
    """Check the path and the container, then open it: formulas stay unevaluated, external links unloaded.

    Not read-only mode: that trusts a sheet's ``<dimension>`` and hides rows outside it, and it cannot
    see hidden rows or number formats. The container checks bound what this costs.
    """
    check_path(path, path.parent if root is None else root)
    check_container(path)
    from openpyxl import load_workbook  # defusedxml, when installed, makes its XML parsing safe

    try:
        return load_workbook(path, read_only=False, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many types for broken parts
        raise RawDataError(path, f"cannot be read as a workbook ({type(exc).__name__}: {exc})") from None


class Workbooks:
    """Each raw workbook opened once per build, however many sheets are read from it."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._open: dict[str, Any] = {}
        self._read: dict[tuple, RawTable] = {}

    def sheet(self, name: str, sheet: str, headers: list[str]) -> RawTable:
        """The sheet, read once however many datasets use it (both scorecards read the same Links)."""
        path = self.folder / name
        if name not in self._open:
            self._open[name] = open_workbook(path, self.folder)
        key = (name, sheet, tuple(headers))
        if key not in self._read:
            self._read[key] = read_sheet(path, sheet, headers, self._open[name])
        return self._read[key]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        for wb in self._open.values():
            wb.close()


def read_sheet(path: Path, sheet: str, headers: list[str], wb=None) -> RawTable:
    """Read ``sheet`` of ``path``: row 1 must hold exactly ``headers``; formulas are refused."""
    owned = wb is None
    if owned:
        wb = open_workbook(path)
    try:
        ws = wb[_sheet_name(path, sheet, wb.sheetnames)]
        check_sheet(path, ws)
        rows = ws.iter_rows()
        head = next(rows, None)
        if head is None or all(c.value is None for c in head):
            what = "sheet is empty" if ws.max_row <= 1 else "row 1 is empty"
            raise RawDataError(path, f"{what}; expected a header row {headers}", sheet=sheet)
        found = [c.value for c in head]
        while found and found[-1] is None:
            found.pop()
        if found != headers:
            for i, (want, got) in enumerate(zip(headers + [None] * len(found), found + [None] * len(headers))):
                if want != got:
                    letter = head[i].column_letter if i < len(head) else _letter(i)
                    expected = f"header {want!r}" if want is not None else "no further column"
                    raise RawDataError(
                        path,
                        f"expected {expected} (headers must be exactly {headers})",
                        sheet=sheet,
                        cell=f"{letter}1",
                        found=got,
                    )
        letters = {h: head[i].column_letter for i, h in enumerate(headers)}
        data: list[tuple[int, dict[str, Any]]] = []
        for row_no, cells in enumerate(rows, start=2):
            values = {}
            for i, c in enumerate(cells):
                if c.value is None:
                    continue
                if i >= len(headers):
                    raise RawDataError(
                        path, "value outside the table's columns", sheet=sheet, cell=c.coordinate, found=c.value
                    )
                if c.data_type == "f":
                    raise RawDataError(
                        path,
                        "formula cell; raw data must hold printed values, not formulas",
                        sheet=sheet,
                        cell=c.coordinate,
                        column=headers[i],
                        found=c.value,
                    )
                try:
                    values[headers[i]] = cell_value(c)
                except ValueError as exc:
                    raise RawDataError(
                        path, str(exc), sheet=sheet, cell=c.coordinate, column=headers[i], found=c.value
                    ) from None
            if not values:
                continue
            if len(data) >= MAX_ROWS:
                raise RawDataError(path, f"more than {MAX_ROWS} data rows; not a transcription", sheet=sheet)
            data.append((row_no, {h: values.get(h) for h in headers}))
        if not data:
            raise RawDataError(path, "sheet has a header but no data rows", sheet=sheet)
        return RawTable(path, sheet, letters, data)
    finally:
        if owned:
            wb.close()


def _sheet_name(path: Path, sheet: str, names: list[str]) -> str:
    if sheet in names:
        if [n for n in names if n.casefold() == sheet.casefold()] != [sheet]:
            raise RawDataError(path, f"sheet {sheet!r} and another sheet differ only by case; keep one", sheet=sheet)
        return sheet
    near = [n for n in names if n.casefold() == sheet.casefold()]
    if near:
        raise RawDataError(path, f"sheet {sheet!r} is missing; sheet {near[0]!r} differs from it only by case")
    raise RawDataError(path, f"sheet {sheet!r} is missing; the workbook has {names}")


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


# --- parsers: each takes a cell value and returns it typed, or raises ValueError(what was expected)

_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?", re.ASCII)
_DIGITS = re.compile(r"[0-9]+", re.ASCII)


def number(value) -> float:
    if isinstance(value, bool) or value is None:
        raise ValueError("expected a number such as '2990.2'")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError("expected a finite number (inf and nan are not data)")
        return float(value)
    text = str(value).strip()
    if re.fullmatch(r"[0-9]+,[0-9]+", text):
        raise ValueError("expected a number with a decimal point; decimal commas are not accepted")
    if not _NUMBER.fullmatch(text):
        raise ValueError("expected a number such as '2990.2'")
    return float(text)


def percent(value) -> float:
    """'9.9%' -> 9.9. The % sign is required: it is how the thesis prints shares."""
    text = "" if value is None else str(value).strip()
    if not text.endswith("%"):
        raise ValueError("expected a percentage such as '9.9%'")
    return number(text[:-1].strip())


def kzt_billion(value) -> float:
    """'KZT 375.6 billion' -> 375.6"""
    m = re.fullmatch(r"KZT\s+(\S+)\s+billion", "" if value is None else str(value).strip())
    if not m:
        raise ValueError("expected an amount such as 'KZT 375.6 billion'")
    return number(m.group(1))


PLAUSIBLE_YEARS = (1990, 2035)


def year(value) -> int:
    lo, hi = PLAUSIBLE_YEARS
    if isinstance(value, bool):
        raise ValueError(f"expected a year from {lo} to {hi}")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        value = int(value.strip())
    if not isinstance(value, int) or not lo <= value <= hi:
        raise ValueError(f"expected a year from {lo} to {hi}")
    return value


def optional(parser):
    def parse(value):
        return None if value is None else parser(value)

    return parse


def text(value) -> str:
    if value is None or not str(value).strip():
        raise ValueError("expected text, found an empty cell")
    return str(value).strip()


def optional_text(value):
    return None if value is None else text(value)


def whole(value) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and _DIGITS.fullmatch(value.strip()):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError("expected a whole number")
    return value
