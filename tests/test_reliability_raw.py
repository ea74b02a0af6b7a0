"""Raw input that used to build silently wrong, or cost unbounded time and memory: each class once, by its cell.

The per-dataset cell faults (non-finite numbers, control characters, formula-like text, hidden rows, ...)
are in the fault matrix (tests/faultlib.py); these are the workbook-level classes and the ones whose
right answer is "read correctly" rather than "refused".
"""

from __future__ import annotations

import os
import re
import resource
import shutil
import time
import tracemalloc
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from conftest import RAW
from faultlib import _edit

from kzict.errors import RawDataError
from kzict.pipeline.run import process
from kzict.readers.guard import MAX_DIMENSION, MAX_UNCOMPRESSED
from kzict.tables import registry

PERCENT_DATASETS = sorted(
    n
    for n, d in registry().items()
    if d.raw is not None and n not in ("sources",)  # sources holds no number
)


def _first_percent_cell(raw: Path, step):
    """A percentage typed as text ('85.94%'), else the first non-year number: where a % format can strike."""
    from openpyxl import load_workbook

    ws = load_workbook(raw / step.workbook)[step.sheet]
    cells = [c for row in ws.iter_rows(min_row=2) for c in row]
    for c in cells:
        if isinstance(c.value, str) and re.fullmatch(r"[0-9]+(\.[0-9]+)?%|[0-9]+\.[0-9]+", c.value.strip()):
            return c.coordinate, float(c.value.strip().rstrip("%"))
    for c in cells:
        if isinstance(c.value, (int, float)) and not isinstance(c.value, bool) and not 1990 <= c.value <= 2035:
            return c.coordinate, float(c.value)
    return None, None


@pytest.mark.parametrize("name", PERCENT_DATASETS)
def test_excel_percent_is_read_as_printed_or_refused(name, tmp_path):
    """Excel keeps a typed 85.94% as 0.8594 with a % format: never taken at face value, in any sheet."""
    step = registry()[name].raw
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    ref, printed = _first_percent_cell(raw, step)
    if ref is None:
        pytest.skip(f"{name} prints no number")
    before = process(raw, only=[name])[0][name]

    def fn(ws, wb):
        c = ws[ref]
        c.value, c.number_format = printed / 100, "0.00%"

    _edit(raw, step, fn)
    try:
        after = process(raw, only=[name])[0][name]
    except RawDataError as exc:
        assert f"{step.sheet}!{ref}" in str(exc)
    else:  # the same numbers; a column that keeps the printed text may show the % that Excel shows
        for col in after.columns:
            if pd.api.types.is_string_dtype(after[col].dtype):
                after[col], before[col] = after[col].str.removesuffix("%"), before[col].str.removesuffix("%")
        pd.testing.assert_frame_equal(after, before)


def test_a_number_format_that_shows_another_number_is_refused(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    step = registry()["indicator_outcomes"].raw

    def fn(ws, wb):
        ws["C2"].value, ws["C2"].number_format = 2.96, "0.0"  # shows 3.0
        return "C2"

    ref = _edit(raw, step, fn)
    with pytest.raises(RawDataError, match=rf"{step.sheet}!{ref}.*number format"):
        process(raw, only=["indicator_outcomes"])


def _rewrite_member(path: Path, member: str, edit) -> None:
    with zipfile.ZipFile(path) as zf:
        items = [(i, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in items:
            zf.writestr(info, edit(data) if info.filename == member else data)


def _sheet_member(path: Path, sheet: str) -> str:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    return f"xl/worksheets/sheet{wb.sheetnames.index(sheet) + 1}.xml"


def test_rows_outside_a_stale_dimension_are_read(tmp_path):
    """openpyxl's read-only mode trusts <dimension>: shrinking it dropped six countries with exit 0."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    step = registry()["ict_value_added"].raw
    before = process(raw, only=["ict_value_added"])[0]["ict_value_added"]
    member = _sheet_member(raw / step.workbook, step.sheet)
    _rewrite_member(
        raw / step.workbook, member, lambda x: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:E3"', x)
    )
    pd.testing.assert_frame_equal(process(raw, only=["ict_value_added"])[0]["ict_value_added"], before)


def _refusal(call, needle: str) -> tuple[float, int]:
    """Seconds and peak Python bytes taken to refuse; the message must name ``needle``."""
    tracemalloc.start()
    t0 = time.perf_counter()
    with pytest.raises(RawDataError) as err:
        call()
    seconds = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert needle in str(err.value)
    return seconds, peak


def test_a_million_row_dimension_is_refused_quickly(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    step = registry()["ict_value_added"].raw
    member = _sheet_member(raw / step.workbook, step.sheet)
    _rewrite_member(
        raw / step.workbook, member, lambda x: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:E1048576"', x)
    )
    seconds, peak = _refusal(lambda: process(raw, only=["ict_value_added"]), step.workbook)
    assert seconds < 2 and peak < 20_000_000, (seconds, peak)
    assert MAX_DIMENSION < 1_048_576


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    """A 200 KB file that unpacks to 200 MB: refused on the zip directory, in milliseconds and kilobytes."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    step = registry()["ict_value_added"].raw
    with zipfile.ZipFile(raw / step.workbook, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("xl/media/bomb.bin", b"\0" * (MAX_UNCOMPRESSED + 1))
    assert (raw / step.workbook).stat().st_size < 200_000
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    seconds, peak = _refusal(lambda: process(raw, only=["ict_value_added"]), "unpacks to")
    assert seconds < 2 and peak < 5_000_000, (seconds, peak)
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss < 50_000  # KiB


def test_a_symlink_out_of_raw_is_refused(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    step = registry()["ict_value_added"].raw
    outside = tmp_path / "elsewhere.xlsx"
    (raw / step.workbook).rename(outside)
    (raw / step.workbook).symlink_to(outside)
    with pytest.raises(RawDataError, match="outside the raw folder"):
        process(raw, only=["ict_value_added"])


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_file_is_refused_quickly(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    step = registry()["ict_value_added"].raw
    (raw / step.workbook).unlink()
    os.mknod(raw / step.workbook, 0o600 | 0o020000, os.makedev(1, 5)) if os.geteuid() == 0 else pytest.skip("root")
    seconds, _ = _refusal(lambda: process(raw, only=["ict_value_added"]), "not a regular file")
    assert seconds < 2


def _broken(tmp_path, name, fn):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    step = registry()[name].raw
    _edit(raw, step, fn)
    return raw


def test_a_hidden_sheet_is_refused(tmp_path):
    raw = _broken(tmp_path, "ict_value_added", lambda ws, wb: setattr(ws, "sheet_state", "hidden"))
    with pytest.raises(RawDataError, match=r"Table1.*hidden"):
        process(raw, only=["ict_value_added"])


def test_a_sheet_named_only_by_case_is_refused(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    _rewrite_member(
        raw / "alibayev2017.xlsx", "xl/workbook.xml", lambda x: x.replace(b'name="Table1"', b'name="TABLE1"')
    )
    with pytest.raises(RawDataError, match="'TABLE1' differs from it only by case"):
        process(raw, only=["ict_value_added"])


def test_malformed_sheet_xml_names_the_workbook(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    step = registry()["ict_value_added"].raw
    member = _sheet_member(raw / step.workbook, step.sheet)
    _rewrite_member(raw / step.workbook, member, lambda x: x.replace(b"</sheetData>", b"<row><c></sheetData>"))
    with pytest.raises(RawDataError, match=re.escape(step.workbook)):
        process(raw, only=["ict_value_added"])


def test_a_bad_date_cell_names_its_cell(tmp_path):
    def fn(ws, wb):
        ws["B2"].value, ws["B2"].number_format = 45000, "yyyy-mm-dd"

    raw = _broken(tmp_path, "ict_value_added", fn)
    with pytest.raises(RawDataError, match=r"Table1!B2"):
        process(raw, only=["ict_value_added"])


def test_a_share_whose_unit_column_says_percent_stays_in_range(tmp_path):
    """The unit comes from another column: a '%' value over 100 is refused even where the schema does not say."""
    from kzict.pipeline.validate import _beyond_schema

    ds = registry()["asadel_fund"]
    df = pd.DataFrame({"value": [0.5, 250.0], "unit": ["%", "%"]})
    problems = list(_beyond_schema(ds, df))
    assert problems and problems[0][:2] == ("value", 1) and "'%'" in problems[0][2]


def test_an_id_with_a_look_alike_character_is_refused(tmp_path):
    """'alibayev2017' with a Cyrillic 'а' would pass as text and miss every join: ids are ASCII."""

    def fn(ws, wb):
        ws["D2"].value = "аlibayev2017"  # the first letter is Cyrillic

    raw = _broken(tmp_path, "ict_value_added", fn)
    with pytest.raises(RawDataError, match=r"Table1!D2.*ASCII"):
        process(raw, only=["ict_value_added"])
