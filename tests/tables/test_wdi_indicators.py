"""wdi_indicators: Kazakhstan's ICT indicators through 2024 with its peers, newest release per value."""

import pandas as pd
import pytest

import kzict
from kzict.tables import _wdi as wdi_tables

KAZ_FILE = "wdi-KAZ-all-indicators-2026-04-08.csv"


def _row(df: pd.DataFrame, code: str, year: int, iso3: str = "KAZ") -> pd.Series:
    (i,) = df.index[(df["indicator_code"] == code) & (df["iso3"] == iso3) & (df["year"] == year)]
    return df.loc[i]


def test_kazakhstan_has_every_ict_indicator_through_2024_from_the_2026_release(tables):
    df = tables["wdi_indicators"]
    kaz = df[df["iso3"] == "KAZ"]
    assert set(kaz["indicator_code"]) == set(wdi_tables.INDICATORS)
    assert kaz["year"].max() == 2024
    # internet users come from the newer all-economy file of 2026-07-13 (identical to the KAZ file in every year)
    assert kaz.groupby("release").size().to_dict() == {"2023-05-10": 3, "2026-04-08": 897, "2026-07-13": 60}
    assert set(kaz.loc[kaz["release"] == "2026-07-13", "indicator_code"]) == {"IT.NET.USER.ZS", "GB.XPD.RSDV.GD.ZS"}
    # the 2026 releases no longer publish internet users for 1991-1993 (0 % in the 2023 release): kept from 2023
    older = kaz[kaz["release"] == "2023-05-10"]
    assert set(older["indicator_code"]) == {"IT.NET.USER.ZS"} and sorted(older["year"]) == [1991, 1992, 1993]
    assert (older["value"] == 0).all()
    assert (older["withdrawn_by"] == "wdi-IT.NET.USER.ZS-2026-07-13.csv").all()
    assert kaz["withdrawn_by"].notna().sum() == 3
    assert len(df) == len(df.drop_duplicates(["indicator_code", "iso3", "year"]))


def test_values_as_published(tables):
    df = tables["wdi_indicators"]
    services = _row(df, "BX.GSR.CCIS.CD", 2014), _row(df, "BX.GSR.CCIS.CD", 2024)
    assert [round(r["value"] / 1e6) for r in services] == [147, 855]
    assert services[0]["unit"] == "current US$" and services[0]["locator"].startswith(KAZ_FILE + ", line ")
    # the 2026 release publishes the ICT goods shares rounded to two decimals
    assert _row(df, "TX.VAL.ICTG.ZS.UN", 2014)["value"] == 0.84
    assert _row(df, "TM.VAL.ICTG.ZS.UN", 2014)["value"] == 5.99
    assert round(_row(df, "IT.CEL.SETS.P2", 2015)["value"], 1) == 145.5
    assert round(_row(df, "IT.NET.USER.ZS", 2024)["value"], 1) == 93.4  # the file: 93.3916725400001


def test_peers_and_aggregates_come_from_the_all_economy_files(tables):
    df = tables["wdi_indicators"]
    assert set(df["iso3"]) == set(wdi_tables.PEERS) and len(wdi_tables.PEERS) == 24
    mobile = df[df["indicator_code"] == "IT.CEL.SETS.P2"]
    # the newest all-economy file (2025-07-01) for the years it publishes; older years only in 2023-03-01
    assert set(mobile.loc[mobile["iso3"] != "KAZ", "release"]) == {"2023-03-01", "2025-07-01"}
    peers23 = mobile[(mobile["iso3"] != "KAZ") & (mobile["year"] == 2023)]
    assert set(peers23["release"]) == {"2025-07-01"}
    # KAZ 2024 is empty in the 2025 release: it comes from the 2026 KAZ file
    kaz24 = mobile[(mobile["iso3"] == "KAZ") & (mobile["year"] == 2024)].iloc[0]
    assert (kaz24["release"], round(kaz24["value"], 3)) == ("2026-04-08", 127.085)
    # the older secure-server series is a vintage only: Kazakhstan's current series comes from the 2026 file
    assert set(df["snapshot"]) >= {"wdi-TM.VAL.ICTG.ZS.UN-2021-03-19.xls"}
    assert "wdi-IT.NET.SECR.P6-2017-02-01.csv" not in set(df["snapshot"])
    assert df.loc[df["snapshot"].str.startswith("ddf-"), "release"].isna().all()


@pytest.mark.parametrize("i", [0, 1234, 4000, -1])
def test_locator_leads_to_the_value_in_the_snapshot(tables, i):
    """load_raw gives the snapshot rows as published; the locator's line holds the value."""
    r = tables["wdi_indicators"].iloc[i]
    file, where = r["locator"].split(", ", 1)
    raw = kzict.load_raw("wdi_indicators").loc[file]
    row = raw.loc[int(where.rsplit(" ", 1)[1])]
    if file.startswith("ddf-"):
        assert int(row["year"]) == r["year"] and row["economy"].upper() == r["iso3"]
        cell = row.dropna().iloc[-1]
        assert float(cell) * wdi_tables.wdi.DDF_SCALE.get(row.dropna().index[-1], 1) == pytest.approx(r["value"])
    else:
        assert row["Country Code"] == r["iso3"] and row["Indicator Code"] == r["indicator_code"]
        assert float(row[str(r["year"])]) == pytest.approx(r["value"])
