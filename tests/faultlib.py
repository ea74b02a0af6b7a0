"""The fault kinds of tests/test_faults.py, and where each one strikes a dataset.

Every fault breaks a copy of the raw folder for one dataset. Where a cell-level
fault strikes is read off the dataset's schema and raw declaration, never listed
by hand, so a new dataset module is in the fault matrix as soon as it exists.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from kzict.errors import RawDataError
from kzict.pipeline.run import _selected, process
from kzict.readers.parse import MAX_BYTES, MAX_ROWS
from kzict.tables import registry

NA = "n/a"
YEAR = "year"


def _is_share(ds, column: str) -> bool:
    """A column the schema bounds to a share of at most 100: a field check or a named dataframe check."""
    col = ds.schema.columns[column]
    if any(c.name == "less_than_or_equal_to" and c.statistics["max_value"] == 100 for c in col.checks):
        return True
    return any(c.name.rsplit("__", 1)[-1] == column and ("pct" in c.name) for c in ds.schema.checks)


def targets(ds) -> dict[str, str | None]:
    """The raw header of a cell to break for each cell-level fault, read off the schema and the raw declaration.

    number: the first numeric column that is not a year; share: the first column bounded to a share of at
    most 100; year: the first year column. None: the dataset has no such column, the fault does not apply.
    """
    found: dict[str, str | None] = {"number": None, "share": None, "year": None}
    for column, col in ds.schema.columns.items():
        header = ds.raw.raw_header(column)
        if header is None:
            continue
        is_year = (col.metadata or {}).get("unit") == YEAR
        kinds = {
            "number": not is_year and str(col.dtype) in ("int64", "float64", "Int64"),
            "share": _is_share(ds, column),
            "year": is_year,
        }
        for kind, applies in kinds.items():
            if applies and found[kind] is None:
                found[kind] = header
    return found


def _cell(ws, headers, header, want=None):
    """The first data cell under ``header`` whose value satisfies ``want`` (default: not empty)."""
    col = headers.index(header) + 1
    for row in range(2, ws.max_row + 1):
        v = ws.cell(row=row, column=col).value
        if v is not None and (want is None or want(v)):
            return ws.cell(row=row, column=col)
    raise LookupError(header)


def _edit(raw: Path, step, fn):
    path = raw / step.workbook
    wb = load_workbook(path)
    out = fn(wb[step.sheet], wb)
    wb.save(path)
    return out


def _set(raw, step, header, value, want=None):
    if header is None:
        return NA

    def fn(ws, wb):
        c = _cell(ws, step.raw_headers, header, want)
        c.value = value(c.value) if callable(value) else value
        return [f"{step.sheet}!{c.coordinate}"]

    return _edit(raw, step, fn)


def _pct(v):
    return isinstance(v, str) and v.rstrip().endswith("%")


# --- the fault kinds: each breaks `raw` for `step` and returns what the error must name, or NA


def missing_sheet(raw, step, t):
    def fn(ws, wb):
        wb.create_sheet("Notes")  # a workbook must keep one sheet
        del wb[step.sheet]
        return [f"sheet {step.sheet!r}"]

    return _edit(raw, step, fn)


def missing_column(raw, step, t):
    i = len(step.raw_headers) // 2 + 1
    return _edit(raw, step, lambda ws, wb: (ws.delete_cols(i), [f"{step.sheet}!{get_column_letter(i)}1"])[1])


def renamed_column(raw, step, t):
    def fn(ws, wb):
        ws.cell(row=1, column=2).value = f"{ws.cell(row=1, column=2).value} (renamed)"
        return [f"{step.sheet}!B1"]

    return _edit(raw, step, fn)


def extra_column(raw, step, t):
    j = len(step.raw_headers) + 1

    def fn(ws, wb):
        ws.cell(row=1, column=j).value = "extra"
        return [f"{step.sheet}!{get_column_letter(j)}1"]

    return _edit(raw, step, fn)


def junk_text(raw, step, t):
    return _set(raw, step, t["number"], "n/a (see notes)")


def decimal_comma(raw, step, t):
    def comma(v):
        text = str(v)
        return text.replace(".", ",") if "." in text else text.replace("%", ",5%") if "%" in text else text + ",5"

    return _set(raw, step, t["number"], comma)


def share_over_100(raw, step, t):
    return _set(raw, step, t["share"], "106.3%", _pct)


def negative_share(raw, step, t):
    return _set(raw, step, t["share"], "-5%", _pct)


def duplicate_key(raw, step, t):
    def fn(ws, wb):
        ws.append([c.value for c in ws[2]])
        return [step.sheet, "!"]

    return _edit(raw, step, fn)


def year_out_of_range(raw, step, t):
    return _set(raw, step, t["year"], 1850)


def empty_sheet(raw, step, t):
    return _edit(raw, step, lambda ws, wb: (ws.delete_rows(1, ws.max_row), [step.sheet, "empty"])[1])


def formula_without_cache(raw, step, t):
    def fn(ws, wb):
        c = ws.cell(row=2, column=1)
        c.value = "=1+1"  # openpyxl stores the formula with no cached value
        return [f"{step.sheet}!A2", "formula"]

    return _edit(raw, step, fn)


def truncated_xlsx(raw, step, t):
    path = raw / step.workbook
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    return [step.workbook]


def non_xlsx_renamed(raw, step, t):
    (raw / step.workbook).write_text("Country,Share\nKazakhstan,6.3%\n")
    return [step.workbook, "not an .xlsx"]


def macro_enabled(raw, step, t):
    path = raw / step.workbook
    with zipfile.ZipFile(path, "a") as zf:
        zf.writestr("xl/vbaProject.bin", b"\x00" * 64)
    return [step.workbook, "macro"]


def oversized_file(raw, step, t):
    path = raw / step.workbook
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("xl/media/padding.bin", os.urandom(MAX_BYTES + 1))
    return [step.workbook, "cap"]


def oversized_rows(raw, step, t):
    def fn(ws, wb):
        row = [c.value for c in ws[2]]
        for _ in range(MAX_ROWS + 1):
            ws.append(row)
        return [step.sheet, f"more than {MAX_ROWS}"]

    return _edit(raw, step, fn)


def non_finite_number(raw, step, t):
    return _set(raw, step, t["number"], float("inf"))


def nan_number(raw, step, t):
    return _set(raw, step, t["number"], float("nan"))


def text_number(raw, step, t):
    return _set(raw, step, t["number"], "1e999")


def fullwidth_year(raw, step, t):
    return _set(raw, step, t["year"], "２０１４")


def _text_header(step, t) -> str:
    """The first raw header that is not a number, share or year column: where text is expected."""
    return next(h for h in step.raw_headers if h not in t.values())


def control_character(raw, step, t):
    return _set(raw, step, _text_header(step, t), lambda v: f"{v}\rinjected")


def escaped_character(raw, step, t):
    return _set(raw, step, _text_header(step, t), lambda v: f"{v}_x000D_")


def formula_text(raw, step, t):
    return _set(raw, step, _text_header(step, t), lambda v: f'=HYPERLINK("http://x","{v}")')


def hidden_row(raw, step, t):
    def fn(ws, wb):
        ws.row_dimensions[3].hidden = True
        return [f"{step.sheet}!A3", "hidden"]

    return _edit(raw, step, fn)


FAULTS = [
    missing_sheet,
    missing_column,
    renamed_column,
    extra_column,
    junk_text,
    decimal_comma,
    share_over_100,
    negative_share,
    duplicate_key,
    year_out_of_range,
    empty_sheet,
    formula_without_cache,
    truncated_xlsx,
    non_xlsx_renamed,
    macro_enabled,
    oversized_file,
    oversized_rows,
    non_finite_number,
    nan_number,
    text_number,
    fullwidth_year,
    control_character,
    escaped_character,
    formula_text,
    hidden_row,
]


# Kinds whose code path is shared by every sheet (each cell goes through parse.read_sheet's cell check):
# proven on one dataset of each workbook, not repeated on every dataset, to keep `make test` fast.
SHARED = {non_finite_number, nan_number, text_number, fullwidth_year, control_character, escaped_character}
SHARED |= {formula_text, hidden_row}
PROVEN_ON = {"ict_value_added", "ik2020_targets", "indicator_outcomes", "electronics_business_models", "sources"}
PROVEN_ONCE = "once"


def inject(fault, name: str, raw_src: Path, tmp: Path):
    """A copy of ``raw_src`` broken by ``fault`` for dataset ``name``, and what the error must name (or NA)."""
    raw = tmp / f"raw-{fault.__name__}"
    ds = registry()[name]
    # The snapshots (2 MB) are never broken here: linked, not copied, when the dataset's inputs read them.
    shutil.copytree(raw_src, raw, ignore=shutil.ignore_patterns("snapshots"))
    if any(d.snapshots is not None for d in _selected([name]).values()):
        (raw / "snapshots").symlink_to(Path(raw_src).resolve() / "snapshots", target_is_directory=True)
    return raw, fault(raw, ds.raw, targets(ds))


def matrix_row(name: str, raw_src: Path, tmp: Path) -> tuple[dict[str, str], list[str]]:
    """Every fault against dataset ``name``: caught | vague | MISSED | n/a, and what went wrong."""
    results, missed = {}, []
    workbook = registry()[name].raw.workbook
    for fault in FAULTS:
        if fault in SHARED and name not in PROVEN_ON:
            results[fault.__name__] = PROVEN_ONCE
            continue
        raw, needles = inject(fault, name, raw_src, tmp)
        if needles == NA:
            results[fault.__name__] = NA
            continue
        try:
            process(raw, only=[name])
        except RawDataError as exc:
            msg = str(exc)
            ok = workbook in msg and all(n in msg for n in needles)
            results[fault.__name__] = "caught" if ok else "vague"
            if not ok:
                missed.append(f"{fault.__name__}: {msg!r} lacks {needles}")
        else:
            results[fault.__name__] = "MISSED"
            missed.append(f"{fault.__name__}: no error")
    return results, missed
