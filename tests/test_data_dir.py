"""A rebuilt clean folder is usable: kzict.load(data_dir=), KZICT_DATA and the commands' --data-dir."""

import shutil

import pytest
from conftest import CLEAN

import kzict
from kzict.cli import main
from kzict.errors import IntegrityError


@pytest.fixture
def rebuilt(fresh_build, tmp_path):
    """A folder the real build wrote, with one value changed by a rebuild-like edit of its own checksums."""
    dst = tmp_path / "mine"
    shutil.copytree(fresh_build, dst)
    return dst


def test_load_reads_a_folder_the_build_wrote(rebuilt):
    df = kzict.load("it_trade", data_dir=rebuilt)
    assert df.equals(kzict.load("it_trade")) and df.attrs["units"]["value_usd_mn"] == "USD mn (current)"
    assert kzict.datasets(rebuilt) == kzict.datasets()
    assert kzict.verify(data_dir=rebuilt).files == len(list(rebuilt.iterdir()))
    assert kzict.peers("IT.NET.USER.ZS", data_dir=rebuilt).equals(kzict.peers("IT.NET.USER.ZS"))


def test_the_folder_has_the_same_integrity_checks(rebuilt):
    with open(rebuilt / "it_trade.csv", "a", encoding="utf-8") as f:
        f.write("2016,export,1.0,export,kisi2016,x\n")
    with pytest.raises(IntegrityError, match="it_trade.csv differs from the checksum"):
        kzict.load("it_trade", data_dir=rebuilt)
    with pytest.raises(IntegrityError, match="it_trade.csv"):
        kzict.verify(data_dir=rebuilt)
    assert len(kzict.load("it_trade")) == len(kzict.load("it_trade", data_dir=CLEAN))  # the package's own is intact


def test_kzict_data_points_every_loader_at_the_folder(rebuilt, monkeypatch, capsys):
    (rebuilt / "it_trade.csv").unlink()
    monkeypatch.setenv("KZICT_DATA", str(rebuilt))
    with pytest.raises(IntegrityError, match=f"it_trade.csv is missing from {rebuilt}"):
        kzict.load("it_trade")
    assert len(kzict.load("ict_value_added")) == len(kzict.load("ict_value_added", data_dir=CLEAN))
    assert main(["show", "it_trade"]) == 2 and "it_trade.csv is missing" in capsys.readouterr().err


def test_show_describe_verify_and_validate_take_data_dir(rebuilt, capsys):
    assert main(["show", "it_trade", "--data-dir", str(rebuilt)]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("year,flow,value_usd_mn")
    assert main(["describe", "it_trade", "--data-dir", str(rebuilt)]) == 0 and "value_usd_mn" in capsys.readouterr().out
    assert main(["verify", "--data-dir", str(rebuilt)]) == 0 and "files match" in capsys.readouterr().out
    (rebuilt / "datapackage.json").write_text("{}", encoding="utf-8")
    assert main(["verify", "--data-dir", str(rebuilt)]) == 2 and "datapackage.json" in capsys.readouterr().err
    assert main(["show", "it_trade", "--data-dir", str(rebuilt.parent / "none")]) == 2
    assert "checksums.sha256 is missing" in capsys.readouterr().err


def test_build_names_the_folder_and_the_line_that_loads_it(tmp_path, monkeypatch, capsys):
    import kzict.pipeline.run

    def fake_build(raw, out):  # the real build is tested elsewhere; here, its message
        shutil.copytree(CLEAN, out)
        return kzict.datasets()

    monkeypatch.setattr(kzict.pipeline.run, "build", fake_build)
    out = tmp_path / "out"
    assert main(["build", "--out", str(out)]) == 0
    built, loads = capsys.readouterr().out.splitlines()
    assert built == f"built {len(kzict.datasets())} datasets into {out}"
    line = loads.removeprefix("load with: ").split("  (or ")[0]
    assert line == f"kzict.load('{kzict.datasets()[0]}', data_dir='{out}')"
    assert eval(line, {"kzict": kzict}).equals(kzict.load(kzict.datasets()[0]))
