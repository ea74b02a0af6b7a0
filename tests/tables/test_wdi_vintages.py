"""wdi_vintages: the same value as each release published it, revisions visible."""

import pandas as pd


def _values(df: pd.DataFrame, code: str, year: int, iso3: str = "KAZ") -> dict:
    sel = df[(df["indicator_code"] == code) & (df["iso3"] == iso3) & (df["year"] == year)]
    return {(r.release if isinstance(r.release, str) else r.snapshot): r.value for r in sel.itertuples()}


def test_mobile_subscriptions_2015_revised_from_187_to_145(tables):
    got = _values(tables["wdi_vintages"], "IT.CEL.SETS.P2", 2015)
    assert {k: round(v, 1) for k, v in got.items()} == {
        "2017-03-23": 187.2,
        "2023-03-01": 147.5,
        "2025-07-01": 145.5,
        "2026-04-08": 145.5,
    }


def test_ict_goods_shares_2014_per_release(tables):
    v = tables["wdi_vintages"]
    exports = _values(v, "TX.VAL.ICTG.ZS.UN", 2014)
    assert exports == {
        "2026-04-08": 0.84,
        "ddf-wdi-tx_val_ictg_zs_un-0656517-subset.csv": 0.8425659304,
    }  # the subset's line kaz,2014
    imports = _values(v, "TM.VAL.ICTG.ZS.UN", 2014)
    assert imports["2026-04-08"] == 5.99 and round(imports["2021-03-19"], 4) == 5.9855


def test_rows_per_snapshot(tables):
    counts = tables["wdi_vintages"].groupby("snapshot").size().to_dict()
    assert counts == {
        "ddf-wdi-bx_gsr_ccis_zs-018e4ae-subset.csv": 501,
        "ddf-wdi-tx_val_ictg_zs_un-0656517-subset.csv": 378,
        "ddf-wdi-tx_val_mrch_cd_wt-01a174d-subset.csv": 659,
        "wdi-BX.GSR.CCIS.CD-2026-02-24.csv": 633,
        "wdi-IT.CEL.SETS.P2-2017-03-23.csv": 1056,
        "wdi-IT.CEL.SETS.P2-2023-03-01.csv": 1197,
        "wdi-IT.CEL.SETS.P2-2025-07-01.csv": 1225,
        "wdi-IT.NET.USER.ZS-2026-07-13.csv": 708,
        "wdi-GB.XPD.RSDV.GD.ZS-2026-07-13.csv": 633,
        "wdi-IT.NET.BBND.P2-2019-07-10.csv": 382,
        "wdi-IT.NET.SECR.P6-2017-02-01.csv": 321,
        "wdi-IT.NET.USER.ZS-2023-05-10.csv": 747,
        "wdi-KAZ-all-indicators-2026-04-08.csv": 957,
        "wdi-TM.VAL.ICTG.ZS.UN-2021-03-19.xls": 423,
        "wdi-TX.VAL.TECH.MF.ZS-2022-12-22.csv": 314,
    }


def test_indicators_is_the_newest_vintage_of_each_value(tables):
    v, ind = tables["wdi_vintages"], tables["wdi_indicators"]
    key = ["indicator_code", "iso3", "year"]
    current = v[v["snapshot"] != "wdi-IT.NET.SECR.P6-2017-02-01.csv"]
    newest = current.sort_values(["release", "snapshot"], na_position="first").drop_duplicates(key, keep="last")
    merged = ind.merge(newest, on=key, suffixes=("", "_v"), validate="one_to_one")
    assert len(merged) == len(ind) and (merged["value"] == merged["value_v"]).all()
    assert (merged["snapshot"] == merged["snapshot_v"]).all()
    # the old secure-server series (another scale) stays a vintage: 17.61 in 2017 against 46.7 in 2026 for 2015
    secr = _values(v, "IT.NET.SECR.P6", 2015)
    assert round(secr["2017-02-01"], 2) == 17.61 and round(secr["2026-04-08"], 1) == 46.7


def test_a_filtered_read_keeps_the_files_line_numbers():
    """The build parses only the wanted rows of a bulk CSV; values and lines equal those of a full read."""
    from conftest import RAW

    from kzict.readers import wdi
    from kzict.tables import _wdi as wdi_tables

    path = RAW / "snapshots" / "wdi-KAZ-all-indicators-2026-04-08.csv"
    _, full = wdi.read_bulk_csv(path)
    _, some = wdi.read_bulk_csv(path, codes=set(wdi_tables.INDICATORS), economies={"KAZ"})
    want = full[full["indicator_code"].isin(list(wdi_tables.INDICATORS))].reset_index(drop=True)
    pd.testing.assert_frame_equal(some.reset_index(drop=True), want, check_dtype=False)
    _, none = wdi.read_bulk_csv(path, economies={"RUS"})
    assert none.empty and list(none.columns) == wdi.TIDY
