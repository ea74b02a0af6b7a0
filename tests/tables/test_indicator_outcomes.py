"""indicator_outcomes: the values, asserted one by one."""

import pandas as pd


def test_file_grade_values_replace_press_ones_where_a_snapshot_covers(tables):
    o = tables["indicator_outcomes"]
    net = o[o["indicator"] == "internet_users_pct"].set_index("year")
    assert net.index.tolist() == list(range(2005, 2025))  # the sheet's window; the file has 1990-2024
    assert (net["grade"] == "file").all() and (net["source_id"] == "wb_wdi").all()
    assert net.loc[2005, "printed"] == "2.961699963" and round(net.loc[2023, "value"], 2) == 92.88
    assert net.loc[2020, "locator"] == "wdi-IT.NET.USER.ZS-2026-07-13.csv, line 125, column 2020"
    eg = o[o["indicator"] == "egov_rank"].set_index("year")
    assert eg["value"].to_dict() == {2010: 46, 2012: 38, 2014: 28, 2016: 33, 2018: 39, 2020: 29, 2022: 28}
    # 2016 was a press statement; the UN file now gives it
    assert (eg["grade"] == "file").all()  # 2020 and 2022 from the UN DESA files too
    assert eg.loc[2016, ["source_id", "locator"]].tolist() == [
        "un_egov_survey",
        "egdi-2016.csv, line 9, column e-gov-rank",
    ]
    idx = o[o["indicator"] == "egov_index"].set_index("year")["value"]
    assert idx.to_dict() == {2010: 0.5578, 2012: 0.6844, 2014: 0.7283, 2016: 0.7250, 2018: 0.7597}


def test_internet_users_2024_is_the_newest_release_of_the_file(tables):
    o, w, v = tables["indicator_outcomes"], tables["wdi_indicators"], tables["wdi_vintages"]
    net = o[(o["indicator"] == "internet_users_pct") & (o["year"] == 2024)].iloc[0]
    kaz = w[(w["iso3"] == "KAZ") & (w["indicator_code"] == "IT.NET.USER.ZS") & (w["year"] == 2024)].iloc[0]
    assert (net["value"], net["grade"], net["source_id"]) == (kaz["value"], "file", "wb_wdi")
    assert net["locator"] == f"{kaz['locator']}, column 2024" and net["note"] == f"Release {kaz['release']}."
    # the Kazakhstan file prints 93.39167254
    file = v[(v["snapshot"] == "wdi-KAZ-all-indicators-2026-04-08.csv") & (v["indicator_code"] == "IT.NET.USER.ZS")]
    assert file.set_index("year").loc[2024, "value"] == 93.39167254


def test_doing_business_files_map_data_year_to_report_edition(tables):
    o = tables["indicator_outcomes"]
    db = o[o["indicator"] == "doing_business_rank"].set_index("year")
    # DB2016: the printed 41 stays; the file's 51 is the ranking as recalculated in DB2017, not the print
    assert db["value"].to_dict() == {2016: 41, 2017: 35, 2018: 36, 2019: 28, 2020: 25}
    assert db["grade"].to_dict() == {2016: "press", 2017: "file", 2018: "file", 2019: "press", 2020: "file"}
    assert db.loc[2020, "locator"] == "wb-doing-business-2018-2020-facts.csv, line 28, column ease_rank"
    assert "The ranking of Doing Business 2017 (WDI data year 2016)" in db.loc[2017, "note"]
    assert db["note"].str.contains("discontinued").all()


def test_a_bound_over_a_range_is_not_a_value_for_one_year(tables):
    o = tables["indicator_outcomes"].set_index(["indicator", "year"])
    b = o.loc[("ict_spending_pct_gdp", 2016)]
    assert (b["value"], b["qualifier"], b["period"]) == (0.6, "at most", "since 2016")
    assert "not a value for one year" in b["note"]
    assert ("ict_spending_pct_gdp", 2021) not in o.index
    assert o["period"].notna().sum() == 1


def test_not_found_rows_cite_nothing_and_say_so(tables):
    o = tables["indicator_outcomes"]
    missing = o[o["value"].isna()]
    assert len(missing) == 8 and missing["note"].notna().all()
    unsourced = missing[missing["source_id"].isna()]
    assert len(unsourced) == 7 and unsourced["grade"].isna().all() and unsourced["locator"].isna().all()
    assert unsourced["note"].str.startswith("Looked for and not found").all()
    assert not o["note"].str.contains("public copy we could reach", na=False).any()
    tv = o.set_index("indicator").loc["digital_tv_coverage_pct"]
    assert tv["source_id"] == "baq_kz" and "not judged" in tv["note"]
    assert set(o["grade"].dropna()) == {"file", "press"}


def test_ict_service_exports_and_the_2021_figure_keep_their_sources(tables):
    o = tables["indicator_outcomes"].set_index(["indicator", "year"])
    exp = o.loc["ict_service_exports_usd_mn"]
    assert exp.index.tolist() == list(range(2009, 2016)) and (exp["source_id"] == "wb_wdi").all()
    assert round(exp.loc[2014, "value"], 2) == 146.56 and exp.loc[2014, "printed"] == "146557354.58196"
    e = o.loc[("egov_services_electronic_pct", 2021)]
    assert e["source_id"] == "inbusiness_kz" and "October 2021" in e["locator"]
    assert pd.isna(o.loc[("digital_literacy_pct", 2021), "period"])
