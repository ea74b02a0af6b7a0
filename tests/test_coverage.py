"""The coverage matrix of wdi_indicators (economy x indicator: last year and release), in the docs and on the site."""

import pandas as pd
from conftest import REPO

from kzict.site import coverage
from kzict.tables import _wdi


def test_matrix_gives_each_series_its_last_year_and_release(tables):
    df = tables["wdi_indicators"]
    m = coverage.matrix(df).set_index(["indicator_code", "iso3"])
    assert len(m) == len(df.groupby(["indicator_code", "iso3"]))
    kaz = m.loc[("IT.NET.USER.ZS", "KAZ")]
    assert (kaz["last_year"], kaz["release"], kaz["snapshot"]) == (
        2024,
        "2026-07-13",
        "wdi-IT.NET.USER.ZS-2026-07-13.csv",
    )
    world = m.loc[("TX.VAL.ICTG.ZS.UN", "WLD")]
    assert pd.isna(world["release"]) and world["snapshot"].startswith("ddf-wdi-tx_val_ictg_zs_un-")
    assert m.loc[("TM.VAL.ICTG.ZS.UN", "WLD"), "release"] == "2021-03-19"
    # every series' last year is the largest year the table holds for it
    last = df.groupby(["indicator_code", "iso3"])["year"].max()
    assert (m["last_year"] == last.reindex(m.index)).all()


def test_markdown_marks_each_release_and_lists_every_indicator_and_economy(tables):
    df = tables["wdi_indicators"]
    text = coverage.markdown(df)
    header = next(line for line in text.splitlines() if line.startswith("| indicator | unit |"))
    assert header.split(" | ")[2:5] == ["KAZ", "KGZ", "TJK"] and "UMC" in header
    assert len(header.split(" | ")) == 2 + len(set(df["iso3"]))
    rows = {line.split(" | ")[0].strip("| `"): line for line in text.splitlines() if line.startswith("| `")}
    assert set(rows) == set(_wdi.INDICATORS) & set(df["indicator_code"])
    assert "| b | 2026-07-13 | `wdi-IT.NET.USER.ZS-2026-07-13.csv` |" in text
    assert rows["IT.NET.USER.ZS"].split(" | ")[2] == "2024 b"  # Kazakhstan, from the 2026-07-13 release
    assert "| not stated | `ddf-wdi-tx_val_ictg_zs_un-0656517-subset.csv` |" in text


def test_the_data_dictionary_holds_the_matrix(tables):
    doc = (REPO / "docs" / "datasets.md").read_text(encoding="utf-8")
    assert coverage.markdown(tables["wdi_indicators"]).rstrip() in doc
