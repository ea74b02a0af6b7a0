"""Fault injection: every kind of bad raw input, against every dataset it applies to, must be caught.

Each fault (tests/faultlib.py) mutates a copy of the raw folder and runs the build for one dataset;
the error must name the workbook and, where the fault is in a cell, the sheet and cell (``Table1!B9``).
The matrix (fault kind x dataset -> caught / missed / n/a) is printed at the end of the run, with the ingest
faults (tests/faultlib_ingest.py: bad downloads for ``kzict ingest wdi``) and their count.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from conftest import CLEAN, RAW
from faultlib import decimal_comma, duplicate_key, inject, matrix_row, non_xlsx_renamed, oversized_rows
from faultlib_ingest import INGEST_FAULTS, ingest_fault
from test_ingest import CEL_2023, _without

from kzict.errors import RawDataError
from kzict.pipeline.run import build
from kzict.tables import registry

pytestmark = pytest.mark.slow(7)  # scheduled early: see tests/conftest.py

FROM_RAW = [n for n, d in registry().items() if d.raw is not None]


@pytest.mark.parametrize("name", FROM_RAW)
def test_faults_are_caught(name, tmp_path, record_property):
    results, missed = matrix_row(name, RAW, tmp_path)
    record_property("faults", results)
    assert not missed, "\n".join(missed)


@pytest.mark.parametrize(
    "fault", [decimal_comma, duplicate_key, non_xlsx_renamed, oversized_rows], ids=lambda f: f.__name__
)
def test_failed_build_leaves_clean_byte_identical(fault, tmp_path):
    """The full build, all or nothing: after a fault data/clean is exactly as before (a cell, a key, a file, a cap)."""
    out = tmp_path / "clean"
    shutil.copytree(CLEAN, out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    raw, needles = inject(fault, "ict_value_added", RAW, tmp_path)
    with pytest.raises(RawDataError):
        build(raw, out)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["clean", raw.name])  # no staging left


def test_cli_exits_nonzero_on_a_fault(tmp_path):
    raw, needles = inject(decimal_comma, "ict_value_added", RAW, tmp_path)
    out = tmp_path / "clean"
    shutil.copytree(CLEAN, out)
    proc = subprocess.run(
        [sys.executable, "-m", "kzict.pipeline", "--raw", str(raw), "--out", str(out)], capture_output=True, text=True
    )
    assert proc.returncode == 1 and needles[0] in proc.stderr and "left as it was" in proc.stderr


@pytest.mark.parametrize("fault", INGEST_FAULTS, ids=lambda f: f.__name__)
def test_ingest_faults_are_refused_and_change_nothing(fault, tmp_path, record_property):
    """Every ingest fault: refused in one line naming the user's file; data/raw and data/clean byte-identical."""
    result = ingest_fault(fault, _without(tmp_path, (CEL_2023,)))
    record_property("ingest_fault", (fault.__name__, result))
    assert result == "caught", result
