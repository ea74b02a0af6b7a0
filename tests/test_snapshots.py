"""The public data snapshots: manifest, checksum guard, readers and the tables built from them."""

import csv
import shutil
from pathlib import Path

import pandas as pd
import pytest

import kzict
from kzict.errors import RawDataError
from kzict.pipeline.run import snapshot_files
from kzict.readers import egov, snapshots, wdi
from kzict.tables import _wdi as wdi_tables
from kzict.tables import registry

SNAP = Path(__file__).resolve().parents[1] / "data" / "raw" / "snapshots"
KAZ_FILE = "wdi-KAZ-all-indicators-2026-04-08.csv"


def _table(name: str, snap_dir: Path = SNAP) -> pd.DataFrame:
    """A snapshot dataset processed from its files, verified by the runner as a build does."""
    ds = registry()[name]
    return ds.run(files=snapshot_files(ds, snap_dir))


@pytest.fixture(scope="module")
def vintages() -> pd.DataFrame:
    return _table("wdi_vintages")


@pytest.fixture(scope="module")
def indicators() -> pd.DataFrame:
    return _table("wdi_indicators")


def _value(df: pd.DataFrame, code: str, year: int, iso3: str = "KAZ", **where) -> pd.Series:
    sel = (df["indicator_code"] == code) & (df["iso3"] == iso3) & (df["year"] == year)
    for col, val in where.items():
        sel &= df[col] == val
    return df.loc[sel, "value"]


# --- manifest and checksum guard ------------------------------------------------------------------


def test_manifest_lists_exactly_the_files_and_their_checksums():
    names = snapshots.verify_all(SNAP)
    assert len(names) == 31
    rows = snapshots.read_manifest(SNAP)
    assert {r["source_id"] for r in rows.values()} == {"wb_wdi", "un_egov_survey", "wef_nri", "wb_doing_business"}
    assert rows[KAZ_FILE]["release"] == "2026-04-08"
    assert rows[KAZ_FILE]["bytes"] == "840211"
    # The WEF workbook is not redistributed: only the facts file is.
    assert not any(n.endswith((".xlsx", ".xlsm")) for n in names)


def test_every_snapshot_source_is_a_row_of_sources():
    ids = set(kzict.load("sources")["source_id"])
    assert {r["source_id"] for r in snapshots.read_manifest(SNAP).values()} <= ids


@pytest.fixture
def snap_copy(tmp_path) -> Path:
    dst = tmp_path / "snapshots"
    shutil.copytree(SNAP, dst)
    return dst


def test_a_changed_snapshot_is_refused_by_name(snap_copy):
    path = snap_copy / "egdi-2016.csv"
    data = path.read_bytes()
    path.write_bytes(data.replace(b"0.7249899999999999", b"0.7349899999999999"))  # same size, one digit
    with pytest.raises(RawDataError, match=r"egdi-2016\.csv: sha256 differs"):
        _table("egov_index", snap_copy)
    with pytest.raises(RawDataError, match=r"egdi-2016\.csv"):
        snapshots.verify_all(snap_copy)


def test_a_snapshot_changed_after_a_cached_read_is_refused(snap_copy):
    assert len(_table("wdi_vintages", snap_copy)) > 0
    path = snap_copy / "wdi-IT.NET.USER.ZS-2023-05-10.csv"
    path.write_bytes(path.read_bytes().replace(b"90.9", b"91.9", 1))
    with pytest.raises(RawDataError, match=r"wdi-IT\.NET\.USER\.ZS-2023-05-10\.csv: sha256 differs"):
        _table("wdi_indicators", snap_copy)


def test_a_truncated_or_unlisted_snapshot_is_refused(snap_copy):
    (snap_copy / "wef-nri-2012-2016-facts.csv").write_text("edition\n")
    with pytest.raises(RawDataError, match=r"wef-nri-2012-2016-facts\.csv: size differs"):
        _table("nri_index", snap_copy)
    (snap_copy / "stray.csv").write_text("x\n")
    with pytest.raises(RawDataError, match=r"stray\.csv: not listed"):
        snapshots.verify_all(snap_copy)


def test_a_manifest_with_other_columns_is_refused(snap_copy):
    path = snap_copy / snapshots.MANIFEST
    path.write_text(path.read_text().replace("sha256,", "checksum,", 1))
    with pytest.raises(RawDataError, match="MANIFEST.csv: expected the columns"):
        snapshots.read_manifest(snap_copy)


# --- WDI readers -----------------------------------------------------------------------------------


def test_bulk_csv_reader_keeps_release_line_and_full_precision():
    release, df = wdi.read_bulk_csv(SNAP / "wdi-IT.CEL.SETS.P2-2017-03-23.csv")
    assert release == "2017-03-23"
    assert df["iso3"].nunique() == 260  # of 264 rows, four publish no value at all
    row = df[(df["iso3"] == "KAZ") & (df["year"] == 2015)].iloc[0]
    assert row["line"] == 123
    line = (SNAP / "wdi-IT.CEL.SETS.P2-2017-03-23.csv").read_text(encoding="utf-8-sig").splitlines()[122]
    assert line.startswith('"Kazakhstan","KAZ"') and repr(float(row["value"])) in line


def test_decimals_of_a_column_equal_each_texts_own():
    """The vectorised count agrees with the one-text rule, exponents, padding and bare points included."""
    import numpy as np

    texts = ["0.28", "11", "6.3E-05", "6.3e-05", " 1.50 ", "1e3", "-2.5e-1", "", ".5", "12.", "\t1.5", "-0.000123"]
    assert wdi.decimals_of(np.array(texts, dtype=object)).tolist() == [wdi.decimals(t) for t in texts]
    assert wdi.decimals_of(np.array(texts, dtype=object)).tolist() == [2, 0, 6, 6, 2, 0, 2, 0, 1, 0, 1, 6]
    assert wdi.decimals_of(np.array([], dtype=object)).tolist() == []


@pytest.mark.parametrize("cell", ["nan", "1_000", "\u0661\u0662", "abc", "1,5", "infinity", "1-2"])
def test_bulk_csv_reader_refuses_a_value_that_is_not_a_number_as_written(tmp_path, cell):
    """Only an ASCII decimal number (or nothing) is a value: Python's float() alone reads 'nan', '1_000' and
    Arabic-Indic digits, and a value that is not a number must not become one, nor a silent gap."""
    lines = (SNAP / "wdi-IT.NET.USER.ZS-2023-05-10.csv").read_text(encoding="utf-8-sig").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith('"Kazakhstan","KAZ"'))
    fields = lines[at].split('","')
    year = lines[4].split('","')[40]  # the column of the changed cell, as the header names it
    fields[40] = cell
    lines[at] = '","'.join(fields)
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(RawDataError, match=rf"bad\.csv \(column '{year}'\): expected numbers"):
        wdi.read_bulk_csv(bad)


def test_bulk_csv_reader_names_the_line_of_a_row_without_a_code_in_a_filtered_read(tmp_path):
    lines = (SNAP / "wdi-IT.NET.USER.ZS-2023-05-10.csv").read_text(encoding="utf-8-sig").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith('"Kazakhstan","KAZ"'))
    lines[at] = lines[at].replace('"Kazakhstan","KAZ"', '"Kazakhstan"," "', 1)
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(RawDataError, match=rf"row on line {at + 1} has no country or indicator code"):
        wdi.read_bulk_csv(bad, codes={"IT.NET.USER.ZS"})


def test_bulk_csv_reader_refuses_a_year_written_twice(tmp_path):
    lines = (SNAP / "wdi-IT.NET.USER.ZS-2023-05-10.csv").read_text(encoding="utf-8-sig").splitlines()
    lines[4] = lines[4].replace('"1961"', '"1960"')
    bad = tmp_path / "bad.csv"
    bad.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(RawDataError, match="line 5: expected a year in every column after Indicator Code"):
        wdi.read_bulk_csv(bad)


def test_bulk_csv_reader_refuses_a_file_without_the_preamble(tmp_path):
    text = (SNAP / "wdi-IT.NET.USER.ZS-2023-05-10.csv").read_text(encoding="utf-8-sig").splitlines()
    bad = tmp_path / "no-preamble.csv"
    bad.write_text("\n".join(text[4:]))
    with pytest.raises(RawDataError, match="no-preamble.csv: not a WDI bulk CSV"):
        wdi.read_bulk_csv(bad)


def test_xls_reader_gives_the_release_date_and_kazakhstan():
    release, df = wdi.read_bulk_xls(SNAP / "wdi-TM.VAL.ICTG.ZS.UN-2021-03-19.xls")
    assert release == "2021-03-19"
    kaz = df[df["iso3"] == "KAZ"].set_index("year")["value"]
    assert (kaz.index.min(), kaz.index.max()) == (2000, 2019)
    assert round(kaz[2016], 3) == 5.198


def test_ddf_merchandise_rows_are_scaled_from_millions_and_bad_aggregates_left_out():
    df = wdi.read_ddf(SNAP / "ddf-wdi-tx_val_mrch_cd_wt-01a174d-subset.csv", {}, "Merchandise exports")
    assert _value(df, "TX.VAL.MRCH.CD.WT", 2019).item() == 57_309e6
    assert not {"ECS", "WLD"} & set(df["iso3"])
    assert "UMC" in set(df["iso3"])


# --- wdi_vintages / wdi_indicators -----------------------------------------------------------------


@pytest.mark.parametrize(
    "snapshot, value",
    [("ddf-wdi-tx_val_ictg_zs_un-0656517-subset.csv", 0.8426), (KAZ_FILE, 0.84)],
)
def test_ict_goods_export_share_2014_per_release(vintages, snapshot, value):
    got = _value(vintages, "TX.VAL.ICTG.ZS.UN", 2014, snapshot=snapshot).item()
    assert round(got, 4) == value


def test_mobile_subscriptions_2015_revised_between_releases(vintages, indicators):
    per_release = vintages[
        (vintages["indicator_code"] == "IT.CEL.SETS.P2") & (vintages["iso3"] == "KAZ") & (vintages["year"] == 2015)
    ].set_index("release")["value"]
    assert per_release.round(1).to_dict() == {
        "2017-03-23": 187.2,
        "2023-03-01": 147.5,
        "2025-07-01": 145.5,
        "2026-04-08": 145.5,
    }
    assert round(_value(indicators, "IT.CEL.SETS.P2", 2015).item(), 1) == 145.5


def test_ict_service_exports_2014_and_2024_in_the_2026_release(indicators):
    usd = {y: _value(indicators, "BX.GSR.CCIS.CD", y).item() / 1e6 for y in (2014, 2024)}
    assert (round(usd[2014]), round(usd[2024])) == (147, 855)
    row = indicators[(indicators["indicator_code"] == "BX.GSR.CCIS.CD") & (indicators["year"] == 2024)]
    assert row[row["iso3"] == "KAZ"]["release"].item() == "2026-04-08"


def test_indicators_hold_one_newest_value_with_provenance(indicators):
    assert not indicators.duplicated(["indicator_code", "iso3", "year"]).any()
    assert list(indicators.columns) == [*wdi_tables.COLUMNS, "withdrawn_by", *wdi_tables.RANKS]
    assert set(indicators["indicator_code"]) == set(wdi_tables.INDICATORS)
    assert (indicators["source_id"] == "wb_wdi").all()
    assert indicators["locator"].str.match(r"^(wdi|ddf)-.+, (line|sheet Data, row) \d+$").all()
    # Each code and economy has one name, whatever file a value came from.
    assert (indicators.groupby("iso3")["country"].nunique() == 1).all()
    assert (indicators.groupby("indicator_code")["indicator"].nunique() == 1).all()
    assert indicators.loc[indicators["iso3"] == "TUR", "country"].iloc[0] == "Türkiye"  # ISO 3166, not WDI's
    # The old secure-server series is a vintage only.
    assert "wdi-IT.NET.SECR.P6-2017-02-01.csv" not in set(indicators["snapshot"])
    assert round(_value(indicators, "IT.NET.SECR.P6", 2015).item(), 1) == 46.7


def test_indicators_cover_kazakhstan_to_2024_and_the_peers(indicators):
    kaz = indicators[indicators["iso3"] == "KAZ"]
    assert kaz.groupby("indicator_code")["year"].max().min() >= 2020
    assert kaz["year"].max() == 2024
    assert set(indicators.loc[indicators["indicator_code"] == "IT.NET.USER.ZS", "iso3"]) == set(wdi_tables.PEERS)
    assert round(_value(indicators, "IT.NET.USER.ZS", 2021, iso3="WLD").item(), 1) == 63.8  # 2026-07-13 (63.1 in 2023)


def test_table1_peers_are_the_economies_of_ict_value_added():
    assert set(wdi_tables.TABLE1) == set(kzict.load("ict_value_added")["iso3"])


def test_row_counts_per_snapshot(vintages):
    counts = vintages.groupby("snapshot").size().to_dict()
    assert counts[KAZ_FILE] == 957
    assert counts["wdi-IT.CEL.SETS.P2-2017-03-23.csv"] == 1056
    assert counts["wdi-TM.VAL.ICTG.ZS.UN-2021-03-19.xls"] == 423
    assert counts["ddf-wdi-tx_val_mrch_cd_wt-01a174d-subset.csv"] == 659


# --- trade cross-check -----------------------------------------------------------------------------


def test_trade_crosscheck_is_share_times_merchandise_of_one_release(vintages):
    tables = {"wdi_vintages": vintages, "it_trade": kzict.load("it_trade")}
    cc = registry()["trade_crosscheck"].run(tables=tables).set_index(["flow", "year"])
    exp, imp = cc.loc[("export", 2014)], cc.loc[("import", 2014)]
    assert exp["ict_goods_usd_mn"] == pytest.approx(0.84 / 100 * 79_460, abs=1e-6)
    assert imp["ict_goods_usd_mn"] == pytest.approx(5.99 / 100 * 41_296, abs=1e-6)
    assert (round(exp["ict_goods_usd_mn"]), round(imp["ict_goods_usd_mn"])) == (667, 2474)
    assert exp["release"] == imp["release"] == "2026-04-08"
    # The thesis's p. 32 figures beside it, flow as corrected.
    assert (exp["thesis_usd_mn"], imp["thesis_usd_mn"]) == (401.6, 2990.2)
    assert (exp["thesis_printed_label"], imp["thesis_printed_label"]) == ("import", "export")
    assert exp["locator"].count(KAZ_FILE) == 2


# --- e-government, NRI, Doing Business -------------------------------------------------------------


def test_egov_index_rounds_artefacts_to_four_decimals():
    e = _table("egov_index")
    e = e[e["edition"] <= 2018]  # the UNU-EGOV files; 2020-2024 are read as written (5 decimals)
    assert e.groupby("edition").size().to_dict() == {2010: 193, 2012: 193, 2014: 193, 2016: 193, 2018: 193}
    kaz = e[e["iso3"] == "KAZ"].set_index("edition")
    assert kaz.loc[2016, ["egdi_rank", "egdi"]].tolist() == [33, 0.725]
    assert kaz["egdi_rank"].tolist() == [46, 38, 28, 33, 39]
    assert kaz["egdi"].tolist() == [0.5578, 0.6844, 0.7283, 0.725, 0.7597]
    assert kaz.loc[2010, "tii"] == 0.1797  # written 0.17969000000000002
    values = e[["egdi", "epart_index", "osi", "hci", "tii"]].to_numpy().ravel()
    assert all(round(float(v), 4) == v for v in values if v == v)
    assert e.loc[(e["edition"] == 2010) & (e["iso3"] == "SSD"), "egdi_rank"].isna().item()


def test_egov_reader_names_the_file_line_and_column(tmp_path):
    bad = tmp_path / "egdi-2016.csv"
    text = (SNAP / "egdi-2016.csv").read_text()
    bad.write_text(text.replace("0.7249899999999999", "1.7249899999999999"))
    with pytest.raises(
        RawDataError, match=r"egdi-2016\.csv \(column 'e-gov-index'\): line 9: an index lies between 0 and 1"
    ):
        egov.read_file(bad)


def test_nri_index_kazakhstan_and_editions():
    n = _table("nri_index")
    kaz = n[(n["iso3"] == "KAZ") & (n["edition"] == 2014)].iloc[0]
    assert (kaz["rank"], kaz["score"], kaz["economies_ranked"]) == (38, 4.582, 148)
    assert n.groupby("edition")["economies_ranked"].first().to_dict() == {
        2012: 142,
        2013: 144,
        2014: 148,
        2015: 143,
        2016: 139,
    }
    assert n.groupby("edition").size().eq(22).all()
    assert n.loc[(n["iso3"] == "TJK") & (n["edition"] == 2014), "rank"].isna().item()


def test_doing_business_keeps_the_file_rank_and_notes_the_report():
    d = _table("doing_business_rank")
    assert d.groupby("data_year").size().to_dict() == {2015: 189, 2016: 189, 2017: 190, 2019: 11}
    kaz = d[d["iso3"] == "KAZ"].set_index("edition")
    assert kaz["rank"].to_dict() == {2016: 51, 2017: 35, 2018: 36, 2020: 25}
    assert kaz.loc[2017, "report_edition"] == "Doing Business 2017"
    assert "printed 41" in kaz.loc[2016, "note"]
    assert kaz.loc[[2017, 2018, 2020], "note"].isna().all()


def test_manifest_is_plain_csv_with_the_original_publishers():
    with (SNAP / snapshots.MANIFEST).open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert all(r["url"].startswith("https://") for r in rows)
    assert not any("shared" in v for r in rows for v in r.values())
    assert {r["publisher"] for r in rows} == {
        "World Bank",
        "United Nations Department of Economic and Social Affairs",
        "World Economic Forum",
    }


def test_metadata_readers_on_the_companion_files():
    country = wdi.read_country_metadata(SNAP / "wdi-KAZ-all-indicators-2026-04-08-metadata-country.csv")
    assert country.set_index("Country Code").loc["KAZ", ["Region", "IncomeGroup"]].tolist() == [
        "Europe & Central Asia",
        "Upper middle income",
    ]
    # The 1.2 MB indicator companion is not kept as a snapshot; read it where the reference copy sits.
    ref = SNAP.parents[3] / "shared" / "reference" / "snapshots"
    path = ref / "wdi-KAZ-all-indicators-2026-04-08-metadata-indicator.csv"
    if not path.is_file():
        pytest.skip("reference copy of the indicator metadata not beside this clone")
    ind = wdi.read_indicator_metadata(path).set_index("INDICATOR_CODE")
    assert len(ind) == 1486
    assert set(wdi_tables.INDICATORS) <= set(ind.index)
    assert "UNCTAD" in ind.loc["TX.VAL.ICTG.ZS.UN", "SOURCE_ORGANIZATION"]
