"""Shipping: the wheel carries the data, the Frictionless descriptor validates and matches the schemas,
the Excel export round-trips, the CLI works, citations and one version number."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from conftest import CLEAN, REPO

import kzict
from kzict.tables import registry

MODELS = registry()

UV = Path(sys.prefix) / "bin" / "uv"


def test_one_version_number():
    version = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    assert kzict.__version__ == version
    assert f"version: {version}" in (REPO / "CITATION.cff").read_text()
    assert f"## {version}" in (REPO / "CHANGELOG.md").read_text()
    assert kzict._store.package()["version"] == version


def test_changelog_has_a_data_section_and_licences_are_stated():
    assert "### Data" in (REPO / "CHANGELOG.md").read_text()
    meta = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert meta["license"] == "MIT AND CC-BY-4.0"
    readme = (REPO / "README.md").read_text()
    assert "MIT" in readme and "CC-BY-4.0" in readme


def test_frictionless_validates_the_data_package():
    from frictionless import Package

    report = Package(str(CLEAN / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


@pytest.mark.parametrize("name", list(MODELS))
def test_descriptor_agrees_with_the_pandera_model(name):
    res = kzict._store.resource(name)
    schema = MODELS[name].schema
    fields = {f["name"]: f for f in res["schema"]["fields"]}
    assert list(fields) == list(schema.columns)
    assert res["schema"]["primaryKey"] == list(MODELS[name].key)
    for col, spec in schema.columns.items():
        f = fields[col]
        assert f["description"] == spec.description and f["kzict:unit"] == spec.metadata["unit"]
        assert f.get("constraints", {}).get("required", False) == (not spec.nullable)
        for check in spec.checks:
            if check.name == "isin":
                assert sorted(check.statistics["allowed_values"]) == f["constraints"]["enum"]
            if check.name == "greater_than_or_equal_to":
                assert f["constraints"]["minimum"] == check.statistics["min_value"]
            if check.name == "less_than_or_equal_to":
                assert f["constraints"]["maximum"] == check.statistics["max_value"]
        if spec.metadata.get("foreign_key"):
            assert {
                "fields": col,
                "reference": {"resource": "" if name == "sources" else "sources", "fields": "source_id"},
            } in res["schema"]["foreignKeys"]


@pytest.mark.slow(2)
def test_excel_export_round_trips_every_table(exported):
    from openpyxl import load_workbook

    wb = load_workbook(exported)  # formulas would show as data_type 'f' here
    assert wb.sheetnames[:3] == ["README", "Dictionary", "corrections"]
    assert "CC-BY-4.0" in str(wb["README"]["B4"].value) and kzict.__version__ in str(wb["README"]["B1"].value)
    for name in kzict.datasets():
        ws = wb[name[:31]]
        assert not any(c.data_type == "f" for row in ws.iter_rows() for c in row), name
        back = pd.DataFrame(list(ws.iter_rows(min_row=2, values_only=True)), columns=[c.value for c in ws[1]])
        df = kzict.load(name)
        assert len(back) == len(df) and list(back.columns) == list(df.columns)
        for col in df.columns:
            want = df[col].astype(object).where(df[col].notna(), None).tolist()
            got = back[col].astype(object).where(back[col].notna(), None).tolist()
            if df[col].dtype.kind == "b":
                got = [bool(v) for v in got]
            if df[col].dtype.kind == "f":  # openpyxl writes a float with 16 significant digits ('%.16g')
                want = [v if v is None else float(f"{v:.16g}") for v in want]
            assert got == want, (name, col)
    dictionary = pd.DataFrame(
        list(wb["Dictionary"].iter_rows(min_row=2, values_only=True)), columns=[c.value for c in wb["Dictionary"][1]]
    )
    assert {"dataset", "column", "type", "unit", "description"} <= set(dictionary.columns)
    assert len(dictionary) == sum(len(kzict.describe(n).columns) for n in kzict.datasets())


def test_excel_export_never_writes_formulas(tmp_path):
    from openpyxl import Workbook, load_workbook

    from kzict.export import _table

    wb = Workbook()
    risky = ["=1+1", "+7", "-x", "@SUM(A1)", "\tX", "\rY", "plain"]
    _table(wb, "t", pd.DataFrame({"text": risky}))
    wb.save(tmp_path / "t.xlsx")
    ws = load_workbook(tmp_path / "t.xlsx")["t"]
    cells = [ws.cell(row=i, column=1) for i in range(2, 2 + len(risky))]
    assert [c.value.replace("\n", "\r") for c in cells] == risky  # XML stores a lone CR as LF
    assert all(c.data_type == "s" for c in cells)
    assert [c.quotePrefix for c in cells] == [True] * 6 + [False]


def test_export_is_byte_reproducible_and_escapes_headers(tmp_path, exported):
    from openpyxl import Workbook, load_workbook

    from kzict.export import _table, export_xlsx

    # two independent exports (the session's and this one) give the same bytes: the data site embeds it
    assert export_xlsx(tmp_path / "b.xlsx").read_bytes() == exported.read_bytes()
    wb = Workbook()
    _table(wb, "t", pd.DataFrame({"=HYPERLINK(1)": ["x"], "plain": ["y"]}))
    wb.save(tmp_path / "t.xlsx")
    ws = load_workbook(tmp_path / "t.xlsx")["t"]
    assert [(c.value, c.data_type, c.quotePrefix) for c in ws[1]] == [
        ("=HYPERLINK(1)", "s", True),
        ("plain", "s", False),
    ]


def test_load_attaches_metadata_in_attrs():
    df = kzict.load("it_trade")
    assert df.attrs == {
        "name": "it_trade",
        "title": "IT exports and imports of Kazakhstan, 2011-2015",
        "description": kzict.describe("it_trade").description,
        "units": {c["column"]: c["unit"] for c in kzict.describe("it_trade").columns},
        "sources": ["kisi2016"],
        "locator": "§ Export and Import, p. 32",
        "printed_in": "alibayev2017",
        "licence": "CC-BY-4.0",
        "version": kzict.__version__,
    }
    assert df.attrs["units"]["value_usd_mn"] == "USD mn (current)"
    assert kzict.load("it_trade", validate=True).attrs == df.attrs


def test_the_public_namespace_holds_only_the_api():
    assert dir(kzict) == sorted([*kzict.__all__, "errors"])
    assert {"annotations", "PackageNotFoundError", "TYPE_CHECKING"}.isdisjoint(vars(kzict))
    assert set(kzict.__all__) == {
        "datasets", "load", "load_raw", "describe", "corrections", "verify", "audit", "statements", "cite", "peers",
        "wdi", "indicators", "__version__"
    }  # fmt: skip


def test_cli_commands(tmp_path, capsys, monkeypatch, exported):
    import kzict.export
    from kzict.cli import main

    # the command is what is tested here; the workbook it writes is the session's (tests/test_cli.py exports anew)
    monkeypatch.setattr(kzict.export, "_workbook", exported.read_bytes)

    assert (
        main(["list"]) == 0 and [line.split()[0] for line in capsys.readouterr().out.splitlines()] == kzict.datasets()
    )
    assert main(["describe", "it_trade"]) == 0 and "value_usd_mn" in capsys.readouterr().out
    assert main(["show", "ict_value_added"]) == 0
    out = capsys.readouterr().out
    assert (
        out.splitlines()[0] == "country,iso3,year,ict_share_pct,source_id,locator" and "Kazakhstan,KAZ,2006,6.3" in out
    )
    assert main(["validate"]) == 0 and "pass their schemas" in capsys.readouterr().out
    assert main(["export", "--xlsx", str(tmp_path / "x.xlsx")]) == 0
    assert (tmp_path / "x.xlsx").read_bytes() == exported.read_bytes()
    assert main(["audit", "--format", "csv"]) == 0 and "ch3-import-over-export-2014" in capsys.readouterr().out
    assert main(["cite", "--style", "bibtex"]) == 0 and capsys.readouterr().out.startswith("@misc{kzict")
    assert main(["build", "--out", str(tmp_path / "clean")]) == 0 and (tmp_path / "clean" / "it_trade.csv").exists()


def test_cli_errors_go_to_stderr_with_nonzero_exit(capsys):
    # in this process: tests/test_cli.py runs `python -m kzict` in fresh ones for the same refusals
    from kzict.cli import main

    def run(*args):
        try:
            code = main(list(args))
        except SystemExit as exc:  # argparse's refusals
            code = exc.code
        return code, *capsys.readouterr()

    code, out, err = run("show", "table9")
    assert code == 2 and out == "" and "no dataset 'table9'" in err
    code, out, err = run("frobnicate")
    assert code not in (0, None) and "invalid choice" in err


def test_cite_package_and_dataset():
    assert kzict.cite().startswith("kzict contributors (2026)") and kzict.__version__ in kzict.cite()
    bib = kzict.cite("ict_value_added", style="bibtex")
    assert "@misc{unctadstat," in bib and "@misc{alibayev2017," in bib
    text = kzict.cite("electronics_business_models")
    assert "Building digital technologies" in text
    with pytest.raises(ValueError, match="style"):
        kzict.cite(style="apa")


@pytest.mark.slow(1)
@pytest.mark.skipif(not UV.exists(), reason="uv is installed into .venv by the Makefile")
def test_wheel_installs_with_its_data_outside_the_repo(tmp_path):
    """Build the wheel and install the core alone (no extra) into a fresh venv outside the repo, from the
    local uv cache only: it loads, validates, cites and verifies without matplotlib, openpyxl or mkdocs."""
    # The fresh venv's interpreters may cache bytecode (this machine may set PYTHONDONTWRITEBYTECODE),
    # or every one of them recompiles pandas from source.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"UV_OFFLINE": "1"}
    run = lambda *a, **k: subprocess.run(a, check=True, capture_output=True, text=True, env=env, **k)
    run(str(UV), "build", "--wheel", "--out-dir", str(tmp_path / "dist"), str(REPO))
    (wheel,) = (tmp_path / "dist").glob("kzict-*.whl")
    venv = tmp_path / "venv"
    run(str(UV), "venv", "--quiet", "--python", sys.executable, str(venv))
    install = lambda spec: run(
        str(UV), "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"), spec,
        "-c", str(REPO / "requirements.lock"),
    )  # fmt: skip
    install(str(wheel))
    script = (
        "import importlib.util as u, kzict, kzict._store as s; print(kzict.__version__); print(s.clean_dir()); "
        "print(sum(len(kzict.load(n, validate=True)) for n in kzict.datasets())); "
        "print(len(kzict.load_raw('it_trade'))); print(kzict.verify()); print(repr(kzict.cite('it_trade'))); "
        "print(len(kzict.describe('it_trade').columns)); "
        "print(*[m for m in ('matplotlib', 'openpyxl', 'mkdocs', 'yaml', 'pycountry') if u.find_spec(m)])"
    )
    out = run(str(venv / "bin" / "python"), "-c", script, cwd=tmp_path).stdout.split("\n")
    assert out[0] == kzict.__version__
    assert "site-packages/kzict/_data/clean" in out[1]
    assert int(out[2]) == sum(len(kzict.load(n)) for n in kzict.datasets())
    assert out[3] == "6" and str(kzict.verify()) == out[4]
    assert out[5] == repr(kzict.cite("it_trade")) and out[6] == str(len(kzict.describe("it_trade").columns))
    assert out[7] == ""  # none of the extras' modules came with the core

    # Building needs the build extra: the core's command says so in one line and writes nothing.
    work = tmp_path / "work"
    work.mkdir()
    proc = subprocess.run([str(venv / "bin" / "kzict"), "build"], capture_output=True, text=True, cwd=work, env=env)
    assert (proc.returncode, proc.stdout, list(work.iterdir())) == (2, "", [])
    assert proc.stderr == (
        "kzict: kzict build needs openpyxl, which the core install leaves out: pip install 'kzict[build]'\n"
    )
    install(f"kzict[build] @ {wheel.as_uri()}")

    # The console script, with no flags, builds the shipped raw data into the working folder,
    # never into site-packages.
    shipped = Path(out[1])
    before = {p.name: p.read_bytes() for p in shipped.iterdir()}
    proc = subprocess.run([str(venv / "bin" / "kzict"), "build"], capture_output=True, text=True, cwd=work, env=env)
    built, loads = proc.stdout.splitlines()
    assert (proc.returncode, built) == (0, f"built {len(kzict.datasets())} datasets into {work / 'kzict-clean'}")
    assert proc.stderr == f"no --out given: building into {work / 'kzict-clean'}\n"
    # the message's own line loads the folder it names, in Python and through KZICT_DATA
    line, shell = loads.removeprefix("load with: ").split("  (or ")
    assert line == f"kzict.load('ict_value_added', data_dir='{work / 'kzict-clean'}')"
    got = run(str(venv / "bin" / "python"), "-c", f"import kzict; print(len({line}))", cwd=tmp_path).stdout
    assert int(got) == len(kzict.load("ict_value_added"))
    assert shell == f"KZICT_DATA={work / 'kzict-clean'} kzict show ict_value_added)"
    proc = subprocess.run(
        [str(venv / "bin" / "kzict"), "show", "ict_value_added"],
        capture_output=True,
        text=True,
        env={**env, "KZICT_DATA": str(work / "kzict-clean")},
    )
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == len(kzict.load("ict_value_added")) + 1
    assert {p.name: p.read_bytes() for p in (work / "kzict-clean").iterdir()} == before
    assert {p.name: p.read_bytes() for p in shipped.iterdir()} == before
    proc = subprocess.run(
        [str(venv / "bin" / "kzict"), "build", "--out", str(shipped)], capture_output=True, text=True, env=env
    )
    assert proc.returncode == 2 and proc.stderr.startswith(f"kzict: {shipped} is inside the installed kzict package")
    proc = subprocess.run([str(venv / "bin" / "kzict"), "--version"], capture_output=True, text=True, cwd=work, env=env)
    assert proc.stdout == f"kzict {kzict.__version__}\n"
