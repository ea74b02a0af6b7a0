"""What a raw workbook must be before, and each cell as, the build reads it: bounded, plain, visible, literal.

Every refusal names the file (and the cell); every cap is checked on the zip's directory and the
first bytes of a sheet, before anything is decompressed in full, so a hostile file is refused in
milliseconds and kilobytes.
"""

from __future__ import annotations

import math
import os
import re
import stat
import zipfile
from pathlib import Path
from typing import Any

from kzict.errors import RawDataError

MAX_BYTES = 2_000_000  # our workbooks are a few KB; anything this big is not a transcription
MAX_UNCOMPRESSED = 20_000_000  # all members of a workbook, decompressed
MAX_ROWS = 500
MAX_DIMENSION = 100 * MAX_ROWS  # a <dimension> past this is refused before any row is read
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"[A-Z]*[0-9]*:?[A-Z]*([0-9]+)\"")


def check_path(path: Path, root: Path) -> None:
    """A raw input is a regular file inside ``root``: no symlink out of it, no device, fifo or folder."""
    path = Path(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise RawDataError(path, "file not found") from None
    except OSError as exc:
        raise RawDataError(path, f"cannot be read ({exc.strerror})") from None
    if not stat.S_ISREG(st.st_mode):
        raise RawDataError(path, "not a regular file (a folder, device or pipe); raw inputs are plain files")
    real, top = os.path.realpath(path), os.path.realpath(root)
    if os.path.commonpath([real, top]) != top:
        raise RawDataError(path, f"is a link to {real}, outside the raw folder {top}")


def check_container(path: Path) -> None:
    """Reject what is not a plain, small .xlsx before openpyxl parses it."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise RawDataError(path, f"workbook is {size:,} bytes, over the {MAX_BYTES:,}-byte cap")
    if not zipfile.is_zipfile(path):
        raise RawDataError(path, "not an .xlsx workbook (not a zip archive: truncated, corrupt or another format)")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
            unpacked = sum(i.file_size for i in infos)
            if unpacked > MAX_UNCOMPRESSED:
                raise RawDataError(
                    path, f"workbook unpacks to {unpacked:,} bytes, over the {MAX_UNCOMPRESSED:,}-byte cap"
                )
            names = [i.filename for i in infos]
            if zf.testzip() is not None:
                raise RawDataError(path, "corrupt .xlsx (a member fails its CRC check)")
            if "[Content_Types].xml" not in names:
                raise RawDataError(path, "not an .xlsx workbook (no [Content_Types].xml)")
            types = zf.read("[Content_Types].xml").decode("utf-8", "replace")
            for name in names:
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with zf.open(name) as fh:
                        _check_dimension(path, name, fh.read(4096))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError) as exc:
        raise RawDataError(path, f"corrupt .xlsx ({type(exc).__name__}: {exc})") from None
    if any(n.lower().endswith("vbaproject.bin") for n in names) or "macroEnabled" in types:
        raise RawDataError(path, "macro-enabled workbook; save it as a plain .xlsx")
    if any(n.startswith("xl/externalLinks/") for n in names):
        raise RawDataError(path, "workbook has external links; paste the values instead")


def _check_dimension(path: Path, member: str, head: bytes) -> None:
    m = _DIMENSION.search(head)
    if m and int(m.group(1)) > MAX_DIMENSION:
        raise RawDataError(
            path, f"{member} declares {int(m.group(1)):,} rows in its <dimension>, over the {MAX_DIMENSION:,} cap"
        )


def check_sheet(path: Path, ws) -> None:
    """Everything a person reading the sheet in Excel sees, and nothing hidden: no hidden sheet, row or column."""
    if ws.sheet_state != "visible":
        raise RawDataError(path, f"sheet is {ws.sheet_state}; raw data must be visible", sheet=ws.title)
    hidden = [r for r, d in ws.row_dimensions.items() if d.hidden]
    if hidden:
        raise RawDataError(path, "hidden row; unhide it or delete it", sheet=ws.title, cell=f"A{min(hidden)}")
    cols = [c for c, d in ws.column_dimensions.items() if d.hidden]
    if cols:
        raise RawDataError(path, "hidden column; unhide it or delete it", sheet=ws.title, cell=f"{min(cols)}1")


_PLAIN_FORMAT = re.compile(r"(#,##)?0(\.(0+))?")
_ESCAPE = re.compile(r"_x[0-9A-Fa-f]{4}_")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_NUMBERLIKE = re.compile(r"[-+−–]?[0-9.,\s%]*")


def cell_value(cell) -> Any:
    """The value a reader sees in ``cell``, or ValueError(why it is refused).

    A number is read through its number format: Excel stores a typed ``85.94%`` as 0.8594 with a
    ``%`` format, which is returned as the text ``'85.94%'`` for the column's parser to accept or
    refuse; a format that shows another number than the one stored is refused.
    """
    value = cell.value
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise ValueError("expected a finite number (inf and nan are not data)")
        fmt = (cell.number_format or "General").strip()
        if fmt == "General":
            return value
        if fmt.endswith("%") and _PLAIN_FORMAT.fullmatch(fmt[:-1]):
            return f"{round(value * 100, 10):.15g}%"
        plain = _PLAIN_FORMAT.fullmatch(fmt)
        if plain:
            decimals = len(plain.group(3) or "")
            if round(value, decimals) == value:
                return value
            raise ValueError(f"the number format {fmt!r} shows {value:.{decimals}f}, not the {value!r} the cell stores")
        raise ValueError(f"a number with the format {fmt!r}; raw numbers use General, 0.0 or 0.0% formats")
    if isinstance(value, str):
        return text_value(value)
    return value


_FORMULA_LEAD = ("=", "+", "-", "@")


def may_refuse(texts: list[str]) -> list[str]:
    """Those of ``texts`` that :func:`text_value` may refuse: every one when any holds a control character or
    an escape (one search over them all, which a match across two texts only makes cautious), else those
    with a formula-like lead. A table of thousands of distinct locators is checked at the cost of one pass."""
    joined = "".join(texts)
    if _CONTROL.search(joined) or _ESCAPE.search(joined):
        return texts
    return [t for t in texts if t.strip()[:1] in _FORMULA_LEAD]


def text_value(value: str) -> str:
    """Raw text as printed: no control characters, no leftover ``_x000D_`` escapes, no formula-like lead."""
    if _CONTROL.search(value):
        raise ValueError("text with a control character (line break, tab or other); type it on one line")
    if _ESCAPE.search(value):
        raise ValueError("text with an escaped character such as '_x000D_' left in")
    text = value.strip()
    if text[:1] in _FORMULA_LEAD and not _NUMBERLIKE.fullmatch(text):
        raise ValueError("text starting with =, +, - or @ (read as a formula by spreadsheets)")
    return text
