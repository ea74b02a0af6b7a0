"""kzict.peers, kzict.wdi and kzict.indicators, checked against the values of the snapshot files themselves."""

import csv

import pytest
from conftest import RAW
from pytest import approx

import kzict

SNAP = RAW / "snapshots"


def _bulk(file: str, iso3: str, code: str) -> dict[int, float]:
    """A WDI bulk CSV's row for one economy and indicator, read with the csv module (not kzict's readers).
    The clean tables keep the file's values to 8 decimals, hence the comparisons with approx."""
    with open(SNAP / file, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    head = next(i for i, r in enumerate(rows) if r and r[0] == "Country Name")
    cols = rows[head]
    row = next(r for r in rows[head + 1 :] if r[1] == iso3 and r[3] == code)
    return {int(c): float(v) for c, v in zip(cols[4:], row[4:]) if c.isdigit() and v}


KAZ_NET = _bulk("wdi-KAZ-all-indicators-2026-04-08.csv", "KAZ", "IT.NET.USER.ZS")
UZB_NET = _bulk("wdi-IT.NET.USER.ZS-2026-07-13.csv", "UZB", "IT.NET.USER.ZS")
# the 2026 release no longer publishes Turkmenistan 2017: its latest value is the 2023 release's
TKM_NET = _bulk("wdi-IT.NET.USER.ZS-2023-05-10.csv", "TKM", "IT.NET.USER.ZS")
NEW = "2026-07-13"  # the newest internet-users release: Kazakhstan's values equal the KAZ file's


def test_peers_takes_each_economys_latest_value_at_or_before_the_year():
    df = kzict.peers("IT.NET.USER.ZS", 2020).set_index("iso3")
    assert df.index[0] == "KAZ"
    assert df.loc["KAZ", "year"] == 2020 and df.loc["KAZ", "value"] == approx(KAZ_NET[2020])
    assert df.loc["KAZ", "release"] == NEW
    assert df.loc["UZB", "value"] == approx(UZB_NET[2020]) and df.loc["UZB", "release"] == NEW
    assert "WLD" not in df.index and "ECS" not in df.index  # aggregates are not economies to rank
    higher = (df["value"] > KAZ_NET[2020]).sum()
    assert df.attrs["kaz_rank"] == df.loc["KAZ", "rank"] == higher + 1
    assert df.loc["KAZ", "economies_ranked"] == len(df) == df.attrs["economies_ranked"]


def test_peers_flags_a_gap_of_more_than_two_years_against_kazakhstan():
    df = kzict.peers("IT.NET.USER.ZS").set_index("iso3")
    assert df.loc["KAZ", "year"] == max(KAZ_NET) and not df.loc["KAZ", "gap_flag"]
    assert df.loc["UZB", "year"] == max(UZB_NET) == 2024 and not df.loc["UZB", "gap_flag"]
    # Turkmenistan stops in 2017, seven years before Kazakhstan, in an older release: flagged, not hidden
    assert df.loc["TKM", "year"] == max(TKM_NET) == 2017 and df.loc["TKM", "release"] == "2023-05-10"
    assert df.loc["TKM", "years_from_kaz"] == max(TKM_NET) - max(KAZ_NET) and df.loc["TKM", "gap_flag"]
    assert set(df.attrs["releases"]) == {NEW, "2023-05-10"}
    near = kzict.peers("IT.NET.USER.ZS", max(TKM_NET) + 1).set_index("iso3")
    assert not near.loc["TKM", "gap_flag"] and near.loc["TKM", "years_from_kaz"] == -1


def test_peers_reads_the_index_tables_with_rank_one_best():
    egov = kzict.load("egov_index")
    kaz = egov[(egov["iso3"] == "KAZ") & (egov["edition"] == 2014)].iloc[0]
    df = kzict.peers("egdi_rank", 2015).set_index("iso3")
    assert df.loc["KAZ", "year"] == 2014 and df.loc["KAZ", "value"] == kaz["egdi_rank"]
    assert df.attrs["kaz_rank"] == (df["value"] < kaz["egdi_rank"]).sum() + 1
    assert kzict.peers("egov_index:egdi", 2015).set_index("iso3").loc["KAZ", "value"] == kaz["egdi"]
    db = kzict.peers("doing_business_rank").set_index("iso3")
    assert db.loc["KAZ", "release"].startswith("Doing Business") and db.loc["KAZ", "unit"] == "rank"
    assert kzict.peers("nri_score").attrs["rank_order"] == "largest first"


def test_peers_refuses_an_unknown_indicator_with_a_suggestion():
    with pytest.raises(KeyError, match="IT.NET.USER.ZS"):
        kzict.peers("IT.NET.USER.Z")
    with pytest.raises(ValueError, match="not a value"):
        kzict.peers("egov_index:country")


def test_wdi_one_code_is_years_by_economies_with_the_release_of_each_column():
    df = kzict.wdi("IT.NET.USER.ZS", ["KAZ", "UZB"], (2015, 2024))
    assert list(df.columns) == ["KAZ", "UZB"] and list(df.index) == list(range(2015, 2025))
    assert df.loc[2019, "KAZ"] == approx(KAZ_NET[2019]) and df.loc[2019, "UZB"] == approx(UZB_NET[2019])
    assert df.loc[2024, "UZB"] == approx(UZB_NET[2024])
    assert df.attrs["release"] == {"KAZ": NEW, "UZB": NEW}
    assert df.attrs["unit"] == "% of population" and df.attrs["country"]["UZB"] == "Uzbekistan"
    whole = kzict.wdi("IT.NET.USER.ZS", "KAZ")
    assert whole.attrs["release"]["KAZ"] == f"{NEW}, 2023-05-10"  # a column mixing releases says so


def test_wdi_several_codes_give_a_long_frame():
    df = kzict.wdi(["IT.NET.USER.ZS", "IT.CEL.SETS.P2"], economies="KAZ", years=[2020])
    assert sorted(df["indicator_code"]) == ["IT.CEL.SETS.P2", "IT.NET.USER.ZS"]
    assert df.set_index("indicator_code").loc["IT.NET.USER.ZS", "value"] == approx(KAZ_NET[2020])
    assert {"release", "locator", "unit"} <= set(df.columns)
    held = kzict.load("wdi_indicators").query("indicator_code == 'IT.NET.USER.ZS'")
    assert len(kzict.wdi("IT.NET.USER.ZS", wide=False)) == len(held)
    with pytest.raises(KeyError, match="NOPE"):
        kzict.wdi("NOPE")
    with pytest.raises(KeyError, match="no economy XXX"):
        kzict.wdi("IT.NET.USER.ZS", ["KAZ", "XXX"])


def test_peers_before_any_value_is_empty_and_says_so():
    df = kzict.peers("IT.NET.USER.ZS", 1980)
    assert df.empty and df.attrs["kaz_rank"] is None and df.attrs["kaz_year"] is None


def test_indicators_lists_every_code_with_the_tables_that_hold_it():
    df = kzict.indicators().set_index("indicator_code")
    wdi_codes = set(kzict.load("wdi_indicators")["indicator_code"]) | set(kzict.load("wdi_vintages")["indicator_code"])
    assert wdi_codes <= set(df.index)
    assert set(kzict.load("indicator_outcomes")["indicator"]) <= set(df.index)
    row = df.loc["IT.NET.USER.ZS"]
    assert row["indicator"] == "Individuals using the Internet (% of population)"
    assert row["unit"] == "% of population" and row["datasets"] == "wdi_indicators, wdi_vintages"
    # from the indicator-metadata companion of the download (wdi_definitions)
    assert row["source_organization"].startswith("World Telecommunication/ICT Indicators Database")
    assert row["definition"].startswith("Internet users are individuals who have used the Internet")
    assert df.loc["egov_index:egdi", "datasets"] == "egov_index"
    assert list(df.columns) == ["indicator", "unit", "definition", "source_organization", "datasets"]


def test_indicators_filters_by_every_word():
    assert set(kzict.indicators("internet")["indicator_code"]) == {
        "IT.NET.USER.ZS",
        "IT.NET.USER.FE.ZS",
        "IT.NET.USER.MA.ZS",
        "IT.NET.SECR",
        "IT.NET.SECR.P6",
        "IT.NET.BBND.P2",  # its definition says "high-speed access to the public Internet"
        "IT.NET.BBND",
        "internet_users_pct",
    }
    assert list(kzict.indicators("broadband 100 fixed")["indicator_code"]) == ["IT.NET.BBND.P2"]
    assert kzict.indicators("no such words here").empty


def test_the_readme_examples_run():
    from conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("### Kazakhstan against its peers") :].split("```python\n", 1)[1].split("```", 1)[0]
    assert "kzict.peers(" in block and "kzict.wdi(" in block and "kzict.indicators(" in block
    exec(compile(block, "README.md", "exec"), {"kzict": kzict})
