"""``kzict ingest wdi``: real World Bank downloads in, refusals leave everything as it was."""

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

from kzict.errors import RawDataError
from kzict.ingest import ingest_wdi, main
from kzict.pipeline.run import snapshot_files
from kzict.readers import snapshots
from kzict.tables import registry

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
SNAP = RAW / "snapshots"
# The snapshots under the names the World Bank serves them with (see MANIFEST notes and the README).
CEL_2023 = ("wdi-IT.CEL.SETS.P2-2023-03-01.csv", "API_IT.CEL.SETS.P2_DS2_en_csv_v2_4903391.csv")
ICTG_XLS = ("wdi-TM.VAL.ICTG.ZS.UN-2021-03-19.xls", "API_TM.VAL.ICTG.ZS.UN_DS2_en_excel_v2_2178789.xls")
KAZ = ("wdi-KAZ-all-indicators-2026-04-08.csv", "API_KAZ_DS2_en_csv_v2_18751.csv")
KAZ_META = (
    "wdi-KAZ-all-indicators-2026-04-08-metadata-country.csv",
    "Metadata_Country_API_KAZ_DS2_en_csv_v2_18751.csv",
)


def _state(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (raw and clean alike, and whatever an ingest might leave beside them)."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _without(tmp_path: Path, removed) -> Path:
    """A data/raw and data/clean in ``tmp_path``, the ``removed`` snapshots moved out under their download names."""
    raw = tmp_path / "raw"
    shutil.copytree(RAW, raw)
    shutil.copytree(RAW.parent / "clean", tmp_path / "clean")  # the clean folder an ingest rebuilds
    rows = snapshots.read_manifest(raw / "snapshots")
    for snap, download in removed:
        shutil.move(raw / "snapshots" / snap, tmp_path / download)
        del rows[snap]
    shutil.copy(SNAP / KAZ_META[0], tmp_path / KAZ_META[1])
    snapshots.write_manifest(rows, raw / "snapshots")
    return raw


@pytest.fixture
def raw(tmp_path) -> Path:
    """A data/raw with the snapshots, minus two that the tests ingest again from download copies."""
    return _without(tmp_path, (CEL_2023, ICTG_XLS))


@pytest.fixture
def raw_no_kaz(tmp_path) -> Path:
    """As ``raw``, and without the Kazakhstan all-indicators file (which names the DDF subsets' codes)."""
    return _without(tmp_path, (CEL_2023, ICTG_XLS, KAZ))


def _download(raw: Path, name: str) -> Path:
    return raw.parent / name


def test_zip_and_xls_downloads_become_byte_identical_snapshots(raw_no_kaz):
    raw = raw_no_kaz
    z = raw.parent / "API_KAZ_DS2_en_csv_v2_18751.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for name in (KAZ[1], KAZ_META[1]):
            zf.write(_download(raw, name), name)
    added = ingest_wdi([z, _download(raw, ICTG_XLS[1])], raw, today="2026-11-29")
    assert added == [KAZ[0], ICTG_XLS[0]]
    snaps = raw / "snapshots"
    for name in added:
        assert (snaps / name).read_bytes() == (SNAP / name).read_bytes()
    rows = snapshots.read_manifest(snaps)
    assert rows[KAZ[0]]["release"] == "2026-04-08"
    assert rows[KAZ[0]]["url"] == "https://data.worldbank.org/country/kazakhstan"
    assert rows[ICTG_XLS[0]]["url"] == "https://data.worldbank.org/indicator/TM.VAL.ICTG.ZS.UN"
    assert rows[KAZ[0]]["note"].startswith("Ingested 2026-11-29 from API_KAZ_DS2_en_csv_v2_18751.zip:API_KAZ")
    snapshots.verify_all(snaps)
    # The new files flow into the tables without code changes.
    ds = registry()["wdi_indicators"]
    ind = ds.run(files=snapshot_files(ds, snaps))
    kaz = ind[(ind["iso3"] == "KAZ") & (ind["indicator_code"] == "BX.GSR.CCIS.CD") & (ind["year"] == 2024)]
    assert round(kaz["value"].item() / 1e6) == 855
    # Ingesting the same bytes again is a no-op.
    before = _state(snaps)
    assert ingest_wdi([z], raw) == []
    assert _state(snaps) == before


def test_main_is_the_cli_entry(raw, capsys):
    assert main(["--raw", str(raw), str(_download(raw, ICTG_XLS[1]))]) == 0
    assert f"added {raw / 'snapshots' / ICTG_XLS[0]}\n" in capsys.readouterr().out  # the folder it wrote


def _refused(raw: Path, files: list[Path], match: str, **kw) -> None:
    """Refused, and data/raw and data/clean byte-identical afterwards, nothing staged left beside them."""
    before, around = _state(raw), sorted(p.name for p in raw.parent.iterdir())
    with pytest.raises(RawDataError, match=match):
        ingest_wdi(files, raw, **kw)
    assert _state(raw) == before
    assert sorted(p.name for p in raw.parent.iterdir()) == around


def test_a_real_newer_release_that_withdrew_values_is_refused_unless_allowed(raw, capsys):
    # The 2023 release no longer has Kosovo 2005-2010, which the 2017 release published.
    cel = _download(raw, CEL_2023[1])
    _refused(raw, [cel], r"would drop 6 published values that wdi-IT\.CEL\.SETS\.P2-2017-03-23\.csv has .*KSV")
    assert main(["--raw", str(raw), str(cel)]) == 2
    assert "refused, nothing changed" in capsys.readouterr().err
    assert ingest_wdi([cel], raw, allow_drops=True) == [CEL_2023[0]]
    assert "Lacks 6 published values" in snapshots.read_manifest(raw / "snapshots")[CEL_2023[0]]["note"]


def test_a_truncated_newer_release_is_refused(raw):
    lines = (SNAP / "wdi-IT.NET.USER.ZS-2023-05-10.csv").read_bytes().split(b"\r\n")
    lines[2] = lines[2].replace(b"2023-05-10", b"2024-01-01")
    lines = [ln for ln in lines if b'"KAZ"' not in ln]
    f = raw.parent / "API_IT.NET.USER.ZS_DS2_en_csv_v2_1.csv"
    f.write_bytes(b"\r\n".join(lines))
    _refused(raw, [f], r"would drop \d+ published values that wdi-IT\.NET\.USER\.ZS-2023-05-10\.csv has .*KAZ")


def test_a_file_name_naming_another_indicator_is_refused(raw):
    f = raw.parent / "API_IT.NET.USER.ZS_DS2_en_csv_v2_9.csv"
    shutil.copy(_download(raw, CEL_2023[1]), f)
    _refused(raw, [f], r"names indicator IT\.NET\.USER\.ZS, its rows hold, found \['IT\.CEL\.SETS\.P2'\]")


def test_a_file_name_naming_another_economy_is_refused(raw):
    f = raw.parent / "API_UZB_DS2_en_csv_v2_1.csv"
    shutil.copy(SNAP / KAZ[0], f)
    _refused(raw, [f], r"names economy UZB, its rows hold, found \['KAZ'\]")


@pytest.mark.parametrize(
    "name, source",
    [
        ("egdi-2016.csv", "egdi-2016.csv"),  # not a World Bank download
        ("API_IT.NET.USER.ZS_DS2_en_csv_v2_1.csv", "egdi-2016.csv"),  # right name, wrong content
        ("API_TM.VAL.ICTG.ZS.UN_DS2_en_csv_v2_1.csv", "wdi-TM.VAL.ICTG.ZS.UN-2021-03-19.xls"),  # xls named .csv
    ],
)
def test_an_unknown_layout_is_refused(raw, name, source):
    f = raw.parent / name
    shutil.copy(SNAP / source, f)
    _refused(raw, [f], f"{name}: (unknown layout|not a WDI bulk CSV)")


def test_one_bad_file_stops_the_whole_batch(raw):
    bad = raw.parent / "notes.txt"
    bad.write_text("hello\n")
    _refused(raw, [_download(raw, ICTG_XLS[1]), bad], r"notes\.txt: unknown layout")


def test_a_different_file_for_an_existing_release_is_refused(raw):
    data = (SNAP / "wdi-IT.CEL.SETS.P2-2017-03-23.csv").read_bytes()
    f = raw.parent / "API_IT.CEL.SETS.P2_DS2_en_csv_v2_7.csv"
    f.write_bytes(data.replace(b"187.173901804764", b"187.173901804765"))
    _refused(raw, [f], r"a different wdi-IT\.CEL\.SETS\.P2-2017-03-23\.csv is already in the snapshots")
