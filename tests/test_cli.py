"""The ``kzict`` command as a user meets it: output text, exit codes, refusals without tracebacks, no pandas
for the metadata commands."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CLEAN, REPO

import kzict
from kzict.cli import build as cli_build
from kzict.cli import main
from kzict.readers import snapshots


def _cli(*args, cwd=REPO):
    return subprocess.run([sys.executable, "-m", "kzict", *args], capture_output=True, text=True, cwd=cwd)


def _run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- metadata commands: fast, no pandas --------------------------------------------------------------------

METADATA = [
    ["--version"],
    ["list"],
    ["list", "--long"],
    ["describe", "it_trade"],
    ["search", "trade"],
    ["cite", "it_trade"],
]


@pytest.mark.parametrize("args", METADATA, ids=" ".join)
def test_metadata_commands_import_no_pandas(args):
    script = (
        "import sys\nfrom kzict.cli import main\n"
        f"try:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
        "print('PANDAS' if 'pandas' in sys.modules else 'NO-PANDAS', file=sys.stderr)"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO)
    assert proc.stderr.strip().splitlines()[-1] == "NO-PANDAS", proc.stderr
    assert proc.stdout.strip()


def test_version():
    proc = _cli("--version")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, f"kzict {kzict.__version__}\n", "")


def test_list_shows_titles(capsys):
    code, out, _ = _run(capsys, "list")
    lines = out.splitlines()
    assert code == 0 and [line.split()[0] for line in lines] == kzict.datasets()
    assert lines[kzict.datasets().index("it_trade")].split(None, 1)[1] == kzict.describe("it_trade").title


def test_list_long_adds_rows_years_and_sources(capsys):
    code, out, _ = _run(capsys, "list", "--long")
    lines = out.splitlines()
    at = lines.index(next(line for line in lines if line.startswith("it_trade ")))
    assert code == 0 and lines[at + 1] == "    6 rows; years 2011-2015; sources: kisi2016"
    at = lines.index(next(line for line in lines if line.startswith("survey_profile ")))
    assert lines[at + 1] == "    25 rows; no year column; sources: alibayev2017"
    assert len(lines) == 2 * len(kzict.datasets())


def test_describe_prints_an_aligned_codebook(capsys):
    code, out, err = _run(capsys, "describe", "it_trade")
    lines = out.splitlines()
    assert (code, err) == (0, "") and lines[0] == "it_trade: IT exports and imports of Kazakhstan, 2011-2015"
    assert "Sources: kisi2016 (see kzict.load('sources'))" in lines
    assert "  value_usd_mn   float64  [USD mn (current)]  Value of IT trade." in lines
    assert "  year           int64    [year]              Year of the flow." in lines


def test_search_looks_in_names_titles_descriptions_columns_and_units(capsys):
    code, out, _ = _run(capsys, "search", "trade")
    assert code == 0 and out.splitlines()[0].split()[0] == "it_trade"
    assert "    found in: name, description, column flow, column value_usd_mn" in out.splitlines()
    code, out, _ = _run(capsys, "search", "USD", "mn")  # every word must occur: a unit here
    lines = out.splitlines()
    # the tables whose metadata say it, and those holding a unit that says it (asadel_fund, indicator_outcomes)
    assert code == 0 and [line.split()[0] for line in lines[::2]] == [
        "it_trade",
        "asadel_fund",
        "indicator_outcomes",
        "trade_crosscheck",
    ]
    assert lines[3] == "    found in: unit 'USD mn'"
    assert lines[:2] == [
        f"{'it_trade':<{len('indicator_outcomes')}}  IT exports and imports of Kazakhstan, 2011-2015",
        "    found in: column value_usd_mn, unit of value_usd_mn: USD mn (current)",
    ]
    code, out, _ = _run(capsys, "search", "EXPENDITURE")
    assert code == 0 and [line.split()[0] for line in out.splitlines()[::2]] == [
        "it_expenditure_structure",
        "it_expenditure_total",
        "wdi_indicators",  # "Research and development expenditure (% of GDP)"
        "wdi_definitions",
        "wdi_vintages",
    ]


def test_search_without_a_match_suggests_a_word(capsys):
    code, out, err = _run(capsys, "search", "exprt")
    assert (code, out) == (1, "")
    assert err == "kzict: no dataset mentions 'exprt'; did you mean 'export' or 'exports' or 'epart'?\n"
    code, out, err = _run(capsys, "search", "Uzbekstan")  # the suggestions know what the tables hold too
    assert (code, err) == (1, "kzict: no dataset mentions 'Uzbekstan'; did you mean 'uzbekistan'?\n")


def _found(out: str) -> dict[str, str]:
    lines = out.splitlines()
    return {name.split()[0]: where.removeprefix("    found in: ") for name, where in zip(lines[::2], lines[1::2])}


def test_search_finds_what_the_tables_hold(capsys):
    """Economy names and codes, indicator codes and names, units and editions: every table holding one is found."""
    uzbek = {n for n in kzict.datasets() if "UZB" in set(kzict.load(n).get("iso3", []))}
    assert {"wdi_indicators", "egov_index"} <= uzbek
    code, out, _ = _run(capsys, "search", "Uzbekistan")
    assert code == 0 and set(_found(out)) == uzbek
    assert _found(out)["egov_index"] == "country 'Uzbekistan'"
    code, out, _ = _run(capsys, "search", "internet")
    assert "indicator 'Individuals using the Internet (% of population)'" in _found(out)["wdi_indicators"]
    code, out, _ = _run(capsys, "search", "UZB", "IT.NET.USER.ZS")  # every word, each where it occurs
    holds = lambda df, v: df.isin([v]).any().any()  # noqa: E731
    both = {n for n in kzict.datasets() if holds(t := kzict.load(n), "UZB") and holds(t, "IT.NET.USER.ZS")}
    assert {"wdi_indicators", "wdi_vintages"} <= both and set(_found(out)) == both
    assert _found(out)["wdi_indicators"] == "iso3 'UZB', country 'Uzbekistan', indicator_code 'IT.NET.USER.ZS'"
    code, out, _ = _run(capsys, "search", "per 100 people")
    assert "unit 'per 100 people'" in _found(out)["wdi_indicators"]
    code, out, _ = _run(capsys, "search", "Doing Business 2018")  # an edition
    assert "report_edition 'Doing Business 2018'" in _found(out)["doing_business_rank"]
    code, out, _ = _run(capsys, "search", "2016")
    assert "edition '2016'" in _found(out)["egov_index"]


def test_a_hit_names_a_few_values_and_counts_the_rest(capsys):
    code, out, _ = _run(capsys, "search", "an")  # matches many economies of the e-government table
    where = _found(out)["egov_index"].split(", ")
    holding = sorted(c for c in set(kzict.load("egov_index")["country"]) if "an" in c.casefold())
    first = where.index(f"country {holding[0]!r}")
    assert where[first : first + 3] == [f"country {c!r}" for c in holding[:3]]
    assert f"country: {len(holding) - 3} more" in where


# --- mistyped names -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["describe", "show", "cite"])
def test_a_mistyped_dataset_gets_did_you_mean(capsys, command):
    code, out, err = _run(capsys, command, "it_trad")
    assert (code, out) == (2, "")
    assert err.startswith("kzict: no dataset 'it_trad' (did you mean 'it_trade'?); valid names: ict_value_added, ")


def test_unknown_dataset_error_suggests_in_python_too():
    with pytest.raises(kzict.errors.UnknownDatasetError, match=r"\(did you mean 'ict_rankings'\?\)"):
        kzict.load("ict_ranking")
    with pytest.raises(kzict.errors.UnknownDatasetError) as err:
        kzict.load("zzz")
    assert "did you mean" not in str(err.value)


def test_a_mistyped_command_gets_did_you_mean():
    proc = _cli("lst")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.rstrip().endswith("did you mean 'list'?") and "Traceback" not in proc.stderr


def test_no_arguments_print_the_commands(capsys):
    code, out, _ = _run(capsys)
    assert code == 0 and out.startswith("usage: kzict [-h] [--version] COMMAND ...")
    assert all(f"    {c}" in out for c in ("list", "search", "describe", "show", "export", "build", "ingest"))


def test_every_command_in_the_readme_parses():
    import shlex

    from kzict.cli import _parser

    readme = (REPO / "README.md").read_text()
    block = readme[readme.index("### Without cloning") :].split("```sh\n", 1)[1].split("```", 1)[0]
    lines = [line.split("#")[0].split(">")[0].replace("[NAME]", "it_trade") for line in block.splitlines()]
    commands = [shlex.split(line)[1:] for line in lines if line.startswith("kzict ")]
    assert len(commands) >= 10
    for args in commands:
        if args != ["--version"]:
            assert _parser().parse_args(args).command == args[0]


def test_errors_print_one_line_without_traceback():
    proc = _cli("show", "table9")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("kzict: no dataset 'table9'; valid names:") and len(proc.stderr.splitlines()) == 1


def test_an_unknown_citation_style_is_refused(capsys):
    code, out, err = _run(capsys, "cite", "--style", "apa")
    assert (code, out) == (2, "") and err.startswith("kzict: ") and "'apa'" in err


# --- show --format table ------------------------------------------------------------------------------------


def test_show_table_is_aligned(capsys):
    code, out, _ = _run(capsys, "show", "it_trade", "--format", "table")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == list(kzict.load("it_trade").columns)
    assert set(lines[1].replace(" ", "")) == {"-"} and len(lines) == 2 + 6
    starts = [i for i, ch in enumerate(lines[1]) if ch == "-" and (i == 0 or lines[1][i - 1] == " ")]
    value_end = starts[3] - 2  # value_usd_mn is right-aligned: every value ends under the header's end
    assert {line[value_end - 1] for line in lines[2:]} == {"6", "8", "2", "3"}
    assert lines[2].startswith("2011  export          84.6  ")


def test_show_table_spells_missing_values_na_and_cuts_long_text(capsys):
    from kzict.cli.render import MAX_WIDTH

    code, out, _ = _run(capsys, "show", "sector_facts", "--format", "table")
    assert code == 0
    cells = [c for line in out.splitlines()[2:] for c in line.split("  ") if c.strip()]
    assert "NA" in [c.strip() for c in cells] and not {"<NA>", "nan", "NaN", "None"} & {c.strip() for c in cells}
    assert max(len(c.strip()) for c in cells) <= MAX_WIDTH and any(c.strip().endswith("…") for c in cells)


# --- export refusals ----------------------------------------------------------------------------------------


@pytest.fixture
def existing(tmp_path) -> Path:
    path = tmp_path / "kzict.xlsx"
    path.write_bytes(b"the previous export")
    return path


def test_export_refuses_bad_targets(capsys, tmp_path, existing):
    cases = {
        str(tmp_path): f"kzict: {tmp_path} is a folder; give a file name, such as {tmp_path / 'kzict.xlsx'}\n",
        str(tmp_path / "k.csv"): f"kzict: {tmp_path / 'k.csv'}: an Excel workbook's name ends in .xlsx; "
        f"try {tmp_path / 'k.xlsx'}\n",
        str(existing): f"kzict: {existing} exists; add --force to replace it\n",
        str(existing / "x.xlsx"): f"kzict: cannot write {existing / 'x.xlsx'}: {existing} is a file, not a folder\n",
    }
    for target, message in cases.items():
        assert _run(capsys, "export", "--xlsx", target) == (2, "", message)
    assert existing.read_bytes() == b"the previous export"


@pytest.mark.slow(8)
def test_export_force_replaces_and_a_failed_export_leaves_the_old_file(capsys, existing, monkeypatch, exported):
    import kzict.export

    def broken(*_):
        raise OSError(28, "No space left on device")

    # the write fails, so the workbook to write may be the session's (the second export below makes its own)
    monkeypatch.setattr(kzict.export, "_workbook", exported.read_bytes)
    monkeypatch.setattr(kzict.export, "_pinned", broken)
    code, out, err = _run(capsys, "export", "--xlsx", str(existing), "--force")
    assert (code, out, err) == (2, "", f"kzict: cannot write {existing}: No space left on device\n")
    assert existing.read_bytes() == b"the previous export" and [p.name for p in existing.parent.iterdir()] == [
        existing.name
    ]
    monkeypatch.undo()
    assert _run(capsys, "export", "--xlsx", str(existing), "--force") == (0, f"{existing}\n", "")
    assert existing.read_bytes()[:2] == b"PK" and [p.name for p in existing.parent.iterdir()] == [existing.name]


# --- build and ingest ---------------------------------------------------------------------------------------


def test_build_from_an_installed_package_writes_to_the_working_folder(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(cli_build, "installed", lambda: True)
    monkeypatch.chdir(tmp_path)
    code, out, err = _run(capsys, "build")
    target = tmp_path / "kzict-clean"
    assert (code, out, err) == (
        0,
        f"built {len(kzict.datasets())} datasets into {target}\n"
        f"load with: kzict.load('ict_value_added', data_dir='{target}')"
        f"  (or KZICT_DATA={target} kzict show ict_value_added)\n",
        f"no --out given: building into {target}\n",
    )
    assert (target / "it_trade.csv").read_bytes() == (CLEAN / "it_trade.csv").read_bytes()
    inside = Path(kzict.__file__).parent / "_data" / "clean"
    code, out, err = _run(capsys, "build", "--out", str(inside))
    assert (code, out) == (2, "") and err == (
        f"kzict: {inside} is inside the installed kzict package; give --out a folder of your own\n"
    )
    code, out, err = _run(capsys, "ingest", "wdi", "x.csv")
    assert (code, out) == (2, "") and err.startswith("kzict: the installed package's raw data are read-only")


def test_build_refuses_an_output_under_a_file(capsys, existing):
    code, out, err = _run(capsys, "build", "--out", str(existing / "clean"))
    assert (code, out, err) == (
        2,
        "",
        f"kzict: cannot build into {existing / 'clean'}: {existing} is a file, not a folder\n",
    )


CEL_2023 = ("wdi-IT.CEL.SETS.P2-2023-03-01.csv", "API_IT.CEL.SETS.P2_DS2_en_csv_v2_4903391.csv")


def test_ingest_adds_the_download_then_rebuilds(capsys, raw_copy, tmp_path):
    snaps = raw_copy / "snapshots"
    rows = snapshots.read_manifest(snaps)
    download = tmp_path / CEL_2023[1]
    shutil.move(snaps / CEL_2023[0], download)
    del rows[CEL_2023[0]]
    snapshots.write_manifest(rows, snaps)
    out_dir = tmp_path / "clean"
    args = ["ingest", "wdi", str(download), "--raw", str(raw_copy), "--out", str(out_dir)]
    code, out, err = _run(capsys, *args)  # the 2023 release withdrew values the 2017 one published
    assert (code, out) == (2, "") and err.startswith("kzict: ingest refused, nothing changed: ")
    assert "would drop 6 published values" in err and not out_dir.exists() and err.count("\n") == 1
    code, out, err = _run(capsys, *args, "--allow-drops")
    assert (code, err) == (0, "")
    assert out.splitlines() == [
        f"added {snaps / CEL_2023[0]}",  # the folder it wrote, not the clone's
        f"built the clean data into {out_dir}",
        f"load with: kzict.load('wdi_indicators', data_dir='{out_dir}')"
        f"  (or KZICT_DATA={out_dir} kzict show wdi_indicators)",
    ]
    assert kzict.load("wdi_vintages", data_dir=out_dir).equals(kzict.load("wdi_vintages"))
    assert (snaps / CEL_2023[0]).read_bytes() == download.read_bytes()
    bad = tmp_path / "notes.csv"
    bad.write_text("a,b\n")
    code, out, err = _run(capsys, "ingest", "wdi", str(bad), "--raw", str(raw_copy), "--out", str(out_dir))
    assert (code, out) == (2, "") and err.startswith("kzict: ingest refused, nothing changed: notes.csv: unknown")
