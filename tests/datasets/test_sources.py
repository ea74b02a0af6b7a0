"""sources: the values, asserted one by one."""

import pandas as pd

from kzict.pipeline import snapshots

PRIMARY = {"alibayev2017": "thesis", "electronics_semiperiphery": "paper"}  # works that print figures themselves


def test_sources_table(tables):
    src = tables["sources"].set_index("source_id")
    assert {
        "alibayev2017",
        "unctadstat",
        "oecd2010",
        "oecd2012",
        "oecd2013",
        "decree983_2010",
        "ik2020",
        "kisi2016",
        "eeca2014",
        "forbes_kz2014",
    } <= set(src.index)
    assert src.loc["unctadstat", "kind"] == "database"
    assert src.loc["decree983_2010", "url"].startswith("http://adilet.zan.kz/")


def test_sources_via_resolves_and_everything_came_via_the_thesis(tables):
    src = tables["sources"]
    assert set(src["via"].dropna()) <= set(src["source_id"])
    by_id = src.set_index("source_id")
    for sid, kind in PRIMARY.items():
        assert by_id.loc[sid, "kind"] == kind and pd.isna(by_id.loc[sid, "via"])
    # outcome sources were read by kzict directly (via NA), each with its address
    direct = set(tables["indicator_outcomes"]["source_id"]) - {"kzict_outcomes_reference"}
    # and so were the publishers of the data snapshots (data/raw/snapshots/MANIFEST.csv)
    direct |= {r["source_id"] for r in snapshots.read_manifest().values()}
    assert by_id.loc[sorted(direct), "via"].isna().all() and by_id.loc[sorted(direct), "url"].notna().all()
    rest = src[~src["source_id"].isin(set(PRIMARY) | direct | {"kzict_outcomes_reference"})]
    assert (rest["via"] == "alibayev2017").all()
