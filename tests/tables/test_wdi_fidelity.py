"""WDI tables against the files, value by value: exact numbers, the precision each release prints, withdrawn
values, the aggregates kept and dropped, and the series added for coverage."""

import csv

import pandas as pd
import pytest
from conftest import CLEAN, RAW

from kzict.tables import _wdi as wdi_tables

SNAP = RAW / "snapshots"
KAZ_FILE = "wdi-KAZ-all-indicators-2026-04-08.csv"


def _bulk_cells(name: str) -> dict[tuple[str, str, int], str]:
    """Every non-empty year cell of a WDI bulk CSV, as text, read with the csv module alone."""
    with open(SNAP / name, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[4]
    out = {}
    for r in rows[5:]:
        for col, cell in zip(header[4:], r[4:]):
            if cell and col.isdigit():
                out[(r[1], r[3], int(col))] = cell
    return out


def test_every_bulk_csv_value_in_the_clean_csv_reads_back_as_the_files_number():
    """The clean CSV's text (not a loader's float) parses to exactly the file's number, row by row."""
    clean = pd.read_csv(CLEAN / "wdi_vintages.csv", dtype=str, keep_default_na=False)
    bulk = clean[clean["snapshot"].str.endswith(".csv") & ~clean["snapshot"].str.startswith("ddf-")]
    checked = 0
    for name, rows in bulk.groupby("snapshot"):
        cells = _bulk_cells(str(name))
        for r in rows.itertuples():
            assert float(r.value) == float(cells[(r.iso3, r.indicator_code, int(r.year))]), (name, r.locator)
            checked += 1
    assert checked == len(bulk) > 5000


def test_ddf_values_are_the_files_number_times_its_scale(tables):
    v = tables["wdi_vintages"]
    sub = v[v["snapshot"] == "ddf-wdi-tx_val_ictg_zs_un-0656517-subset.csv"].set_index(["iso3", "year"])["value"]
    assert sub[("KAZ", 2000)] == 0.0031016104 and sub[("KAZ", 2014)] == 0.8425659304
    mrch = v[v["snapshot"] == "ddf-wdi-tx_val_mrch_cd_wt-01a174d-subset.csv"].set_index(["iso3", "year"])["value"]
    assert mrch[("KAZ", 1992)] == 3245.0 * 1e6


def test_each_release_records_the_decimals_it_prints(tables):
    v, ind = tables["wdi_vintages"], tables["wdi_indicators"]
    shares = v[(v["iso3"] == "KAZ") & (v["indicator_code"] == "TX.VAL.ICTG.ZS.UN")]
    assert shares.groupby("snapshot")["decimals"].unique().map(list).to_dict() == {
        KAZ_FILE: [2],
        "ddf-wdi-tx_val_ictg_zs_un-0656517-subset.csv": [10],
    }
    # newest wins though it prints fewer decimals: the 2000 export share 0.0031016104 becomes 0 (2 decimals)
    row = ind[(ind["iso3"] == "KAZ") & (ind["indicator_code"] == "TX.VAL.ICTG.ZS.UN") & (ind["year"] == 2000)].iloc[0]
    assert (row["value"], row["decimals"], row["release"]) == (0.0, 2, "2026-04-08")
    # the merchandise subset prints 10 decimals of US$ millions: 4 of US$; the 2026 file whole dollars
    mrch = v[(v["iso3"] == "KAZ") & (v["indicator_code"] == "TX.VAL.MRCH.CD.WT")]
    assert mrch.groupby("snapshot")["decimals"].unique().map(list).to_dict() == {
        KAZ_FILE: [0],
        "ddf-wdi-tx_val_mrch_cd_wt-01a174d-subset.csv": [4],
    }
    assert set(v.loc[v["snapshot"] == "wdi-TM.VAL.ICTG.ZS.UN-2021-03-19.xls", "decimals"]) == {
        16
    }  # shortest texts of doubles
    assert "Newest wins even where the newest release publishes fewer decimals" in _description("wdi_indicators")


def test_decimals_counts_the_digits_after_the_point_as_written():
    from kzict.readers.wdi import decimals

    assert [decimals(t) for t in ("0.28", "0.2", "11", "0", "6.34516639183636E-05", "1.5e+03", "12.50")] == [
        2,
        1,
        0,
        0,
        19,
        0,
        2,
    ]


def _description(name: str) -> str:
    """The codebook a user reads: title, description, note and columns."""
    import kzict

    return str(kzict.describe(name))


def test_withdrawn_values_are_flagged_and_the_codebook_says_so(tables):
    ind = tables["wdi_indicators"]
    flagged = ind[ind["withdrawn_by"].notna()]
    kaz = flagged[flagged["iso3"] == "KAZ"]
    assert sorted(zip(kaz["indicator_code"], kaz["year"], kaz["value"])) == [
        ("IT.NET.USER.ZS", 1991, 0.0),
        ("IT.NET.USER.ZS", 1992, 0.0),
        ("IT.NET.USER.ZS", 1993, 0.0),
    ]
    assert set(kaz["withdrawn_by"]) == {"wdi-IT.NET.USER.ZS-2026-07-13.csv"} and set(kaz["release"]) == {"2023-05-10"}
    # every flag, for every economy: the withdrawing file is newer, publishes the series, but not that year
    releases = ind.drop_duplicates("snapshot").set_index("snapshot")["release"]
    for name, rows in flagged.groupby("withdrawn_by"):
        cells = _bulk_cells(str(name))
        assert (rows["release"] < releases[name]).all()
        for r in rows.itertuples():
            assert (r.iso3, r.indicator_code, r.year) not in cells
            assert any(k[:2] == (r.iso3, r.indicator_code) for k in cells)
    assert len(flagged) == 139 and set(flagged["withdrawn_by"]) == {
        "wdi-IT.NET.USER.ZS-2026-07-13.csv",
        "wdi-IT.CEL.SETS.P2-2025-07-01.csv",
    }
    cells = _bulk_cells(KAZ_FILE)
    assert not any(("KAZ", "IT.NET.USER.ZS", y) in cells for y in (1991, 1992, 1993))
    assert cells[("KAZ", "IT.NET.USER.ZS", 1990)] == "0"  # the year before is still published
    text = _description("wdi_indicators")
    assert "withdrawn_by" in text and "every year the 2026 release publishes" not in text


def test_every_value_not_flagged_is_the_newest_files_own(tables):
    """A value from an older release is flagged unless no newer file publishes that indicator for that economy."""
    v, ind = tables["wdi_vintages"], tables["wdi_indicators"]
    v = v[~v["snapshot"].isin(list(wdi_tables.VINTAGES_ONLY))]
    v = v.sort_values(["release", "snapshot"], na_position="first", kind="stable")
    last = v.drop_duplicates(["indicator_code", "iso3"], keep="last").set_index(["indicator_code", "iso3"])["snapshot"]
    newest = ind.set_index(["indicator_code", "iso3"]).index.map(last)
    assert ((ind["snapshot"].to_numpy() == newest) == ind["withdrawn_by"].isna().to_numpy()).all()


def test_aggregates_kept_and_the_two_dropped_are_named_with_the_files_numbers(tables):
    ind, v = tables["wdi_indicators"], tables["wdi_vintages"]
    assert {"WLD", "ECS", "ECA", "UMC"} <= set(ind["iso3"])
    eca = ind[(ind["iso3"] == "ECA") & (ind["indicator_code"] == "IT.NET.USER.ZS")]
    assert eca["country"].iloc[0] == "Europe & Central Asia (excluding high income)" and len(eca) > 20
    subset = v[v["snapshot"] == "ddf-wdi-tx_val_mrch_cd_wt-01a174d-subset.csv"]
    assert {"ECA", "UMC"} <= set(subset["iso3"]) and not {"ECS", "WLD"} & set(subset["iso3"])
    with open(SNAP / "ddf-wdi-tx_val_mrch_cd_wt-01a174d-subset.csv", encoding="utf-8") as fh:
        rows = {(r["economy"], r["year"]): r["tx_val_mrch_cd_wt"] for r in csv.DictReader(fh)}
    assert rows[("wld", "2000")].startswith("3023849858.") and rows[("wld", "2010")].startswith("1126308136.")
    assert rows[("ecs", "2010")].startswith("846596968.6") and rows[("rus", "2010")].startswith("400630.")
    assert float(rows[("ecs", "2010")]) / float(rows[("rus", "2010")]) > 2000
    note = _description("wdi_indicators")
    for said in ("ECS", "WLD", "3,023,849,858", "1,126,308,136", "846,596,968.6", "400,630", "ECA, UMC"):
        assert said in note


ADDED = {
    "TX.VAL.OTHR.ZS.WT": 30,
    "TM.VAL.OTHR.ZS.WT": 30,
    "IT.NET.USER.FE.ZS": 10,
    "IT.NET.USER.MA.ZS": 10,
    "IT.NET.SECR": 15,
    "BX.GSR.NFSV.CD": 30,
    "TX.VAL.SERV.CD.WT": 30,
    "BX.GSR.ROYL.CD": 15,
    "BM.GSR.ROYL.CD": 25,
    "TX.MNF.TECH.ZS.UN": 33,
    "NV.MNF.TECH.ZS.UN": 33,
}


def test_the_ict_series_of_the_kazakhstan_file_are_read_with_every_year(tables):
    ind = tables["wdi_indicators"]
    kaz = ind[ind["iso3"] == "KAZ"]
    assert kaz[kaz["indicator_code"].isin(list(ADDED))].groupby("indicator_code").size().to_dict() == ADDED
    cells = _bulk_cells(KAZ_FILE)
    for code in wdi_tables.INDICATORS:  # every kept code has data in the Kazakhstan file
        assert any(k[0] == "KAZ" and k[1] == code for k in cells), code
    units = dict(zip(kaz["indicator_code"], kaz["unit"]))
    assert units["IT.NET.USER.FE.ZS"] == "% of female population" and units["IT.NET.SECR"] == "servers"
    assert units["TX.VAL.OTHR.ZS.WT"] == "% of commercial service exports"


def test_service_exports_are_the_denominator_of_the_ict_service_share(tables):
    ind = tables["wdi_indicators"]
    kaz = ind[ind["iso3"] == "KAZ"].set_index(["indicator_code", "year"])["value"]
    for year in (2000, 2014, 2024):
        share = kaz[("BX.GSR.CCIS.CD", year)] / kaz[("BX.GSR.NFSV.CD", year)] * 100
        assert share == pytest.approx(kaz[("BX.GSR.CCIS.ZS", year)], rel=1e-6)
    # internet users by sex bracket the total in 2024
    lo, hi = sorted([kaz[("IT.NET.USER.FE.ZS", 2024)], kaz[("IT.NET.USER.MA.ZS", 2024)]])
    assert lo <= kaz[("IT.NET.USER.ZS", 2024)] <= hi
