"""Fault injection: every kind of bad raw input, against every dataset it applies to, must be caught.

Each fault mutates a copy of the raw folder and runs the build for that dataset; the error
must name the workbook and, where the fault is in a cell, the sheet and cell (``Table1!B9``).
The matrix (fault kind x dataset -> caught / missed / n/a) is printed at the end of the run.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

import pytest
from conftest import CLEAN
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from kzict.datasets import registry
from kzict.errors import RawDataError
from kzict.pipeline.parse import MAX_BYTES, MAX_ROWS
from kzict.pipeline.run import build, process

STEPS = {n: d.raw for n, d in registry().items() if d.raw is not None}

# Per dataset, the raw header of a cell to break for each cell-level fault (None: does not apply).
# number: a cell parsed as a number; share: a printed percentage of a whole; year: a year cell.
TARGETS = {
    "ict_value_added": dict(
        number="ICT producing sector as % of total business value added",
        share="ICT producing sector as % of total business value added",
        year="Last available year",
    ),
    "it_expenditure_structure": dict(number="Share", share="Share", year="Year"),
    "it_expenditure_total": dict(number="Printed value", share=None, year="Year"),
    "it_trade": dict(number="Value, USD million", share=None, year="Year"),
    "ik2020_targets": dict(number="No.", share="Target as printed", year="Target year"),
    "ict_programme_2010_2014": dict(number="No.", share="Kazakhstan 2014", year=None),
    "ict_policy_documents": dict(number="No.", share=None, year="Date"),
    "ict_rankings": dict(number="Countries ranked", share=None, year="Edition"),
    "survey_profile": dict(number="Printed value", share="Printed value", year=None),
    "coding_scheme": dict(number="Position", share=None, year=None),
    "asadel_fund": dict(number="Printed value", share="Printed value", year=None),
    "sector_facts": dict(number="Printed value", share="Printed value", year="Year"),
    "transnational_channels": dict(number=None, share=None, year=None),
    "electronics_business_models": dict(number="Model", share=None, year=None),
    "indicator_outcomes": dict(number="Printed value", share=None, year="Year"),
    "sources": dict(number=None, share=None, year=None),
}
NA = "n/a"


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
]


def _inject(fault, name, tmp: Path):
    raw = tmp / f"raw-{fault.__name__}"
    shutil.copytree(CLEAN.parent / "raw", raw)
    needles = fault(raw, STEPS[name], TARGETS[name])
    return raw, needles


def test_every_dataset_has_fault_targets():
    assert set(TARGETS) == set(STEPS)


@pytest.mark.parametrize("name", list(STEPS))
def test_faults_are_caught(name, tmp_path, record_property):
    results, missed = {}, []
    for fault in FAULTS:
        raw, needles = _inject(fault, name, tmp_path)
        if needles == NA:
            results[fault.__name__] = NA
            continue
        try:
            process(raw, only=[name])
        except RawDataError as exc:
            msg = str(exc)
            ok = STEPS[name].workbook in msg and all(n in msg for n in needles)
            results[fault.__name__] = "caught" if ok else "vague"
            if not ok:
                missed.append(f"{fault.__name__}: {msg!r} lacks {needles}")
        else:
            results[fault.__name__] = "MISSED"
            missed.append(f"{fault.__name__}: no error")
    record_property("faults", results)
    assert not missed, "\n".join(missed)


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.__name__)
def test_failed_build_leaves_clean_byte_identical(fault, tmp_path):
    """The full build, all or nothing: after any fault data/clean is exactly as before."""
    out = tmp_path / "clean"
    shutil.copytree(CLEAN, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    raw, needles = _inject(fault, "ict_value_added", tmp_path)
    with pytest.raises(RawDataError):
        build(raw, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["clean", raw.name])  # no staging left


def test_cli_exits_nonzero_on_a_fault(tmp_path):
    import subprocess
    import sys

    raw, needles = _inject(decimal_comma, "ict_value_added", tmp_path)
    out = tmp_path / "clean"
    shutil.copytree(CLEAN, out)
    proc = subprocess.run(
        [sys.executable, "-m", "kzict.pipeline", "--raw", str(raw), "--out", str(out)], capture_output=True, text=True
    )
    assert proc.returncode == 1 and needles[0] in proc.stderr and "left as it was" in proc.stderr
