"""The build: deterministic, committed output current, all-or-nothing on bad input."""

import shutil
from pathlib import Path

import pytest
import yaml
from conftest import CLEAN
from openpyxl import load_workbook

import kzict
from kzict.errors import IntegrityError, RawDataError
from kzict.pipeline.run import build


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_committed_clean_data_is_exactly_what_the_build_makes(fresh_build):
    assert _files(fresh_build) == _files(CLEAN), "data/clean is stale or hand-edited: run `make data`"


def test_two_builds_are_byte_identical(fresh_build, tmp_path):
    again = tmp_path / "again"
    build(Path(CLEAN).parent / "raw", again)
    assert _files(again) == _files(fresh_build)


def test_clean_files_use_unix_line_ends(fresh_build):
    for name, data in _files(fresh_build).items():
        assert b"\r" not in data, name


def _set_cell(raw: Path, book: str, ref: str, value):
    wb = load_workbook(raw / book)
    sheet, cell = ref.split("!")
    wb[sheet][cell] = value
    wb.save(raw / book)


@pytest.mark.parametrize(
    "ref, value, needle",
    [
        ("Table1!B9", "6,3%", "Table1!B9"),
        ("Table1!B9", "n/a", "Table1!B9"),
        ("Table1!B9", "106.3%", "Table1!B9"),
        ("Table1!C9", 1899, "Table1!C9"),
        ("Trade!B2", "exports", "Trade!B2"),
        ("Table1!A9", "Atlantis", "Table1!A9"),
        ("Table1!D9", "nosuchsource", "source_id"),
    ],
)
def test_bad_cell_is_named_and_clean_is_untouched(raw_copy, tmp_path, ref, value, needle):
    out = tmp_path / "clean"
    shutil.copytree(CLEAN, out)
    before = _files(out)
    _set_cell(raw_copy, "alibayev2017.xlsx", ref, value)
    with pytest.raises(RawDataError) as err:
        build(raw_copy, out)
    assert needle in str(err.value) and "alibayev2017.xlsx" in str(err.value)
    assert _files(out) == before
    assert not list(tmp_path.glob(".clean-*")), "no staging folder is left behind"


def test_stale_correction_is_refused(raw_copy, tmp_path):
    _set_cell(raw_copy, "alibayev2017.xlsx", "Trade!B2", "import")  # 2014 now printed as import twice
    with pytest.raises(RawDataError, match="correction|unique|fails check"):
        build(raw_copy, tmp_path / "clean")


def test_correction_must_match_its_printed_value(raw_copy, tmp_path):
    path = raw_copy / "corrections.yaml"
    doc = yaml.safe_load(path.read_text())
    doc["corrections"][0]["rows"][0]["printed"] = "import"
    path.write_text(yaml.safe_dump(doc))
    with pytest.raises(RawDataError, match="it_trade-flow-labels'?, row 1"):
        build(raw_copy, tmp_path / "clean")


def test_hand_edited_clean_file_is_caught(clean_copy):
    assert kzict.verify().files == len(list(clean_copy.glob("*")))
    path = clean_copy / "ict_value_added.csv"
    path.write_text(path.read_text().replace("6.3", "7.3"))
    with pytest.raises(IntegrityError, match="ict_value_added.csv"):
        kzict.load("ict_value_added")
    with pytest.raises(IntegrityError):
        kzict.verify()


def test_cli_exits_nonzero_and_names_the_cell(raw_copy, tmp_path, capsys):
    from kzict.pipeline.__main__ import main

    _set_cell(raw_copy, "alibayev2017.xlsx", "Table1!B2", "9,9%")
    assert main(["--raw", str(raw_copy), "--out", str(tmp_path / "clean")]) == 1
    assert "Table1!B2" in capsys.readouterr().err
    assert not (tmp_path / "clean").exists()


def test_workbook_xml_is_parsed_with_defusedxml():
    import openpyxl.xml

    assert openpyxl.xml.DEFUSEDXML, "defusedxml must be installed so openpyxl parses workbook XML safely"


def test_external_links_are_refused(raw_copy, tmp_path):
    import zipfile

    with zipfile.ZipFile(raw_copy / "sources.xlsx", "a") as zf:
        zf.writestr("xl/externalLinks/externalLink1.xml", "<externalLink/>")
    with pytest.raises(RawDataError, match="external links"):
        build(raw_copy, tmp_path / "clean")
