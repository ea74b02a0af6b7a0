"""`kzict ingest wdi WDI_CSV.zip --release ...` end to end: a small download of the real layout, through the CLI."""

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

import kzict
from kzict.cli import main
from kzict.readers import download, snapshots

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
YEARS = [str(y) for y in range(1960, 2025)]
USER, CEL = "IT.NET.USER.ZS", "IT.CEL.SETS.P2"
NAMES = {
    USER: "Individuals using the Internet (% of population)",
    CEL: "Mobile cellular subscriptions (per 100 people)",
}
ECONOMIES = {
    "KAZ": "Kazakhstan",
    "RUS": "Russian Federation",
    "KGZ": "Kyrgyz Republic",
    "DEU": "Germany",
    "USA": "United States",
    "WLD": "World",
    "ECS": "Europe & Central Asia",
}
# 2019-2024; KAZ as its 2026 file gives it, the others near their 2023 files' (no tenfold revision).
VALUES = {
    USER: {
        "KAZ": ["81.87762", "85.942599", "90.923951", "92.296853", "92.878461", "93.391673"],
        "RUS": ["82.642162", "84.99467", "88.213846", "90.4", "91.2", "92"],
        "KGZ": ["64.1", "72", "77.920359", "78.5", "79.1", "80"],
        "DEU": ["88.1", "89.8", "91.4", "91.6", "92.5", "94"],
        "USA": ["89.4", "90.9", "91.8", "92", "95.5", "97"],
        "WLD": ["56.2", "59.9", "62.4", "65", "67.4", "71"],
        "ECS": ["81", "83", "85.1", "86.5", "88", "90"],
    },
    CEL: {
        "KAZ": ["133.879728", "124.698461", "123.943943", "125.641584", "127.114775", "127.085151"],
        "RUS": ["164.387631", "163.589336", "168.984724", "169", "170", "171"],
        "KGZ": ["136.354393", "132.469524", "130", "131", "132", "133"],
        "DEU": ["128", "128.4", "124.6", "125", "126", "127"],
        "USA": ["106", "104.6", "107.3", "109", "110", "111"],
        "WLD": ["105", "104", "106", "108", "110", "112"],
        "ECS": ["126", "125", "126", "127", "128", "129"],
    },
}
RELEASE = "2026-11-30"  # newer than every release the snapshots hold
SUBSET, SERIES = f"wdi-bulk-{RELEASE}-subset.csv", f"wdi-bulk-{RELEASE}-metadata-series.csv"


def _line(fields, trailing=True) -> bytes:
    return (",".join('"' + f.replace('"', '""') + '"' for f in fields) + ("," if trailing else "") + "\r\n").encode()


def _data() -> bytes:
    out = [b"\xef\xbb\xbf" + _line(["Country Name", "Country Code", "Indicator Name", "Indicator Code", *YEARS])]
    for iso, name in ECONOMIES.items():
        out.append(_line([name, iso, "Population, total", "SP.POP.TOTL", *[""] * 59, *["1000"] * 6]))
        for code in (USER, CEL):
            out.append(_line([name, iso, NAMES[code], code, *[""] * 59, *VALUES[code][iso]]))
    return b"".join(out)


SERIES_HEADER = [
    "Series Code",
    "Topic",
    "Indicator Name",
    "Short definition",
    "Long definition",
    "Unit of measure",
    "Periodicity",
    "Source",
    "License Type",
]


def _series() -> bytes:
    rows = [
        [USER, "Infrastructure", NAMES[USER], "", "Internet users are individuals who have used the Internet.", "",
         "Annual", "International Telecommunication Union (ITU)", "CC BY-4.0"],
        [CEL, "Infrastructure", NAMES[CEL], "", "Mobile cellular telephone subscriptions.", "", "Annual",
         "International Telecommunication Union (ITU)", "CC BY-4.0"],
    ]  # fmt: skip
    return b"\xef\xbb\xbf" + _line(SERIES_HEADER) + b"".join(_line(r) for r in rows)


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _download(folder: Path, **extra: bytes) -> Path:
    members = {"WDICSV.csv": _data(), "WDISeries.csv": _series(), "WDICountry.csv": b'"Country Code",\r\n'}
    return _zip(folder / "WDI_CSV.zip", members | extra)


def _state(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def raw(tmp_path) -> Path:
    shutil.copytree(RAW, tmp_path / "raw")
    shutil.copytree(RAW.parent / "clean", tmp_path / "clean")
    return tmp_path / "raw"


def _ingest(raw: Path, *args: str) -> int:
    return main(["ingest", "wdi", *args, "--raw", str(raw), "--out", str(raw.parent / "clean")])


def test_the_full_download_goes_in_through_the_cli_and_the_comparison_takes_one_release(raw, capsys):
    z = _download(raw.parent)
    assert _ingest(raw, str(z), "--release", RELEASE, "--allow-drops") == 0, capsys.readouterr().err
    assert f"added {raw / 'snapshots' / SUBSET}" in capsys.readouterr().out
    snaps = raw / "snapshots"
    rows = snapshots.read_manifest(snaps)
    assert (rows[SUBSET]["release"], rows[SUBSET]["extent"], rows[SERIES]["extent"]) == (RELEASE, "subset", "subset")
    assert hashlib.sha256(z.read_bytes()).hexdigest() in rows[SUBSET]["note"]
    assert "Lacks " in rows[SUBSET]["note"]  # the allowed drops are recorded
    kept = (snaps / SUBSET).read_bytes()
    assert kept.count(b"\r\n") == 1 + 2 * len(ECONOMIES) and b"SP.POP.TOTL" not in kept
    snapshots.verify_all(snaps)
    clean = raw.parent / "clean"
    summary = kzict.verify(data_dir=clean)
    assert summary.ok and summary.datasets == len(kzict.datasets(clean)) and summary.files > summary.datasets
    ind = kzict.load("wdi_indicators", data_dir=clean)
    mine = ind[ind["indicator_code"].isin([USER, CEL]) & ind["iso3"].isin(["KAZ", "RUS", "KGZ", "WLD", "ECS"])]
    newest = mine[mine["year"].between(2019, 2024)]  # the years the download holds
    assert set(newest["release"]) == {RELEASE} and set(newest["snapshot"]) == {SUBSET}
    assert len(newest) == 2 * 5 * 6 and "DEU" not in set(ind["iso3"])  # non-peers are ranked, not kept
    kaz = ind[(ind["iso3"] == "KAZ") & (ind["indicator_code"] == USER) & (ind["year"] == 2024)].iloc[0]
    assert (kaz["value"], kaz["global_rank"], kaz["economies_reporting"]) == (93.391673, 3, 5)
    assert ind.loc[(ind["iso3"] == "WLD") & (ind["year"] == 2024), "global_rank"].isna().all()  # an aggregate
    # Mobile 2024: RUS 171 > KGZ 133 > KAZ 127.085151 > DEU 127 > USA 111: KAZ third of five.
    p = kzict.peers(CEL, data_dir=clean)
    row = p[p["iso3"] == "KAZ"].iloc[0]
    assert (row["year"], row["release"], row["global_rank"], row["economies_reporting"]) == (2024, RELEASE, 3, 5)
    assert p.attrs["kaz_global_rank"] == 3
    assert set(p.loc[p["iso3"].isin(["RUS", "KGZ"]), "release"]) == {RELEASE}
    vint = kzict.load("wdi_vintages", data_dir=clean)
    assert (vint["snapshot"] == SUBSET).sum() == 2 * 5 * 6
    # the download's series records define the codes it is the newest for
    defs = kzict.load("wdi_definitions", data_dir=clean).set_index("indicator_code")
    assert defs.loc[CEL, ["definition", "release", "locator"]].tolist() == [
        "Mobile cellular telephone subscriptions.",
        RELEASE,
        f"{SERIES}, record of {CEL}",
    ]
    assert defs.loc[USER, ["definition", "release"]].tolist() == [
        "Internet users are individuals who have used the Internet.",
        RELEASE,
    ]
    # The same download again: nothing new, nothing changed.
    before = _state(raw.parent)
    assert _ingest(raw, str(z), "--release", RELEASE, "--allow-drops") == 0
    assert "nothing new" in capsys.readouterr().out and _state(raw.parent) == before


def test_the_unpacked_csv_is_accepted_and_a_release_it_drops_from_is_refused_unless_allowed(raw, capsys):
    csv = raw.parent / "WDICSV.csv"
    csv.write_bytes(_data())
    before = _state(raw.parent)
    assert _ingest(raw, str(csv), "--release", RELEASE) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "would drop" in err and "--allow-drops" in err
    assert _state(raw.parent) == before


def _too_big(monkeypatch):
    monkeypatch.setattr(download, "MAX_MEMBER_BYTES", 1000)


@pytest.mark.parametrize(
    ("args", "members", "patch", "match"),
    [
        ([], {}, None, r"states no release date; pass --release YYYY-MM-DD"),
        (["--release", "2026-13-45"], {}, None, r"--release is not a date YYYY-MM-DD, found '2026-13-45'"),
        (["--release", "July 2026"], {}, None, r"--release is not a date"),
        (["--release", RELEASE], {"WDICSV.csv": None}, None, r"expected exactly one data member .* found none"),
        (["--release", RELEASE], {"old/WDIData.csv": b"x"}, None, r"found WDICSV.csv, old/WDIData.csv"),
        (["--release", RELEASE], {}, _too_big, r"WDICSV.csv: unpacks to [\d,]+ bytes, over the 1,000-byte cap"),
    ],
)
def test_a_refused_download_is_one_line_exit_2_and_changes_nothing(
    raw, capsys, monkeypatch, args, members, patch, match
):
    import re

    if patch:
        patch(monkeypatch)
    z = raw.parent / "WDI_CSV.zip"
    all_members = {"WDICSV.csv": _data(), "WDISeries.csv": _series(), "WDICountry.csv": b'"Country Code",\r\n'}
    all_members |= members
    _zip(z, {k: v for k, v in all_members.items() if v is not None})
    before = _state(raw.parent)
    assert _ingest(raw, str(z), *args, "--allow-drops") == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("kzict: ingest refused, nothing changed: ")
    assert re.search(match, err), err
    assert "WDI_CSV.zip" in err
    assert _state(raw.parent) == before


def test_the_wdi_tables_read_the_full_download_subset_not_its_series_records():
    import re

    from kzict.tables import _wdi

    assert re.fullmatch(_wdi.SNAPSHOTS.pattern, SUBSET) and not re.fullmatch(_wdi.SNAPSHOTS.pattern, SERIES)


def test_global_ranks_share_ties_and_leave_out_aggregates():
    import pandas as pd

    from kzict.tables import _wdi

    v = pd.DataFrame(
        {"indicator_code": "X", "iso3": ["KAZ", "RUS", "WLD", "DEU"], "year": 2024, "value": [5.0, 7.0, 9.0, 5.0]}
    )
    r = _wdi._global_ranks(v).set_axis(v["iso3"])  # row for row
    assert r.loc[["KAZ", "RUS", "DEU"], "global_rank"].tolist() == [2, 1, 2]
    assert r.loc[["KAZ", "RUS", "DEU"], "economies_reporting"].tolist() == [3, 3, 3]
    assert r.loc["WLD"].isna().all()


def test_global_ranks_equal_a_group_by_rank_over_many_indicators_and_years():
    """The numpy ranking (one sort for the whole file) against pandas' own per-group ranking, ties included."""
    import numpy as np
    import pandas as pd

    from kzict.compare import AGGREGATES
    from kzict.tables import _wdi

    rng = np.random.default_rng(7)
    n = 3000
    v = pd.DataFrame(
        {
            "indicator_code": rng.choice(["A", "B", "C"], n),
            "iso3": rng.choice(["KAZ", "RUS", "UZB", "DEU", "WLD", "ECS", *[f"Q{i:02d}" for i in range(40)]], n),
            "year": rng.integers(2000, 2010, n),
            "value": rng.integers(0, 12, n).astype("float64"),  # few distinct values: many ties
        }
    )
    got = _wdi._global_ranks(v)
    ranked = v[~v["iso3"].isin(list(AGGREGATES))]
    by = ranked.groupby(["indicator_code", "year"])["value"]
    want_rank = by.rank(method="min", ascending=False).astype("Int64").reindex(v.index)
    want_size = by.transform("size").astype("Int64").reindex(v.index)
    assert got["global_rank"].tolist() == want_rank.tolist()
    assert got["economies_reporting"].tolist() == want_size.tolist()
    assert got["global_rank"].isna().sum() == v["iso3"].isin(list(AGGREGATES)).sum() > 0


def test_the_committed_ranks_are_the_all_economy_files_own():
    """Internet users, ranked in the 2026-07-13 all-economy file by counting, not by kzict's code."""
    from kzict.compare import AGGREGATES
    from kzict.readers import wdi

    name = "wdi-IT.NET.USER.ZS-2026-07-13.csv"
    _, df = wdi.read_bulk_csv(RAW / "snapshots" / name)
    ind = kzict.load("wdi_indicators")
    counted = {}
    for iso, y in (("RUS", 2021), ("KAZ", 2021), ("KAZ", 2024)):
        year = df[(df["year"] == y) & ~df["iso3"].isin(list(AGGREGATES))]
        mine = year.loc[year["iso3"] == iso, "value"].item()
        counted[iso, y] = (int((year["value"] > mine).sum()) + 1, len(year))
        row = ind[(ind["iso3"] == iso) & (ind["indicator_code"] == USER) & (ind["year"] == y)].iloc[0]
        assert row["snapshot"] == name and (row["global_rank"], row["economies_reporting"]) == counted[iso, y]
    assert kzict.peers(USER).attrs["kaz_global_rank"] == counted["KAZ", 2024][0]
    # mobile subscriptions: Kazakhstan's newest values are the one-economy file's, which ranks nobody
    kaz = ind[(ind["iso3"] == "KAZ") & (ind["indicator_code"] == CEL) & (ind["year"] == 2024)].iloc[0]
    assert kaz["snapshot"].startswith("wdi-KAZ-all-indicators-") and pd_isna(kaz["global_rank"])
    p = kzict.peers(CEL)
    assert p.attrs["kaz_global_rank"] is None and "does not hold every economy" in p.attrs["global_rank_note"]


def pd_isna(x) -> bool:
    import pandas as pd

    return bool(pd.isna(x))


def test_a_later_per_indicator_file_is_checked_against_the_full_download_before_it(raw):
    """The 2023 internet-users file, re-dated after the full download: it lacks the download's 2022-2024 values."""
    from kzict.errors import RawDataError
    from kzict.ingest import ingest_wdi

    assert ingest_wdi([_download(raw.parent)], raw, release=RELEASE, allow_drops=True, build=False) == [SUBSET, SERIES]
    lines = (RAW / "snapshots" / "wdi-IT.NET.USER.ZS-2023-05-10.csv").read_bytes().split(b"\n")
    lines[2] = lines[2].replace(b"2023-05-10", b"2026-12-01")
    later = raw.parent / "API_IT.NET.USER.ZS_DS2_en_csv_v2_3.csv"
    later.write_bytes(b"\n".join(lines))
    before = _state(raw)
    with pytest.raises(RawDataError, match=rf"would drop \d+ published values that {SUBSET} has \(e.g. \w+ {USER} 202"):
        ingest_wdi([later], raw, build=False, today="2026-12-06")
    assert _state(raw) == before
    with pytest.raises(RawDataError, match=r"states its release, 2026-12-01, not --release 2026-11-30"):
        ingest_wdi([later], raw, build=False, today="2026-12-06", release=RELEASE)
