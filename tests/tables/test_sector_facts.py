"""sector_facts: the values, asserted one by one."""

import pandas as pd


def test_sector_facts(tables):
    t = tables["sector_facts"].set_index("fact_id")
    assert len(t) == 17
    assert t["value"].dropna().to_dict() == {
        "oecd_ict_share_bva": 8.6,
        "kaz_ict_share_bva": 6,
        "kaz_telecom_share_of_ict": 83,
        "oecd_telecom_share_of_ict": 57,
        "target_average_annual_growth": 18,
        "mobile_coverage": 95,
        "landline_coverage": 25,
        "local_content_it_hardware": 3,
        "local_content_it_services": 30,
        "target_turnover_cagr": 18,
        "it_production_growth": 25,
        "ict_goods_share_world_trade": 12,
        "ict_goods_share_trade_emerging": 20,
    }
    assert t.loc["oecd_ict_share_bva", "printed"] == "approximately 8.6%"
    assert t.loc["local_content_it_hardware", "year"] == 2010 and pd.isna(t.loc["mobile_coverage", "year"])
    assert t.loc["oecd_telecom_share_of_ict", "source_id"] == "oecd2010"


def test_a_year_the_text_does_not_print_is_na_with_a_note(tables):
    t = tables["sector_facts"].set_index("fact_id")
    for fid in ("local_content_it_services", "it_production_growth"):
        assert pd.isna(t.loc[fid, "year"]) and pd.isna(t.loc[fid, "period"]), fid
        assert "prints no year" in t.loc[fid, "note"], fid
    assert "2015" in t.loc["it_production_growth", "note"]  # 'by 2015' is the trend's date, not the figure's
    # the text's 2010 against Figure 2's 2009 column: kept as printed, the conflict noted
    hw = t.loc["local_content_it_hardware"]
    assert hw["year"] == 2010 and "Figure 2" in hw["note"] and "2009" in hw["note"]
    assert t.loc["mobile_coverage", "note"] is None or pd.isna(t.loc["mobile_coverage", "note"])


def test_ch3_dates_are_date_facts(tables):
    t = tables["sector_facts"].set_index("fact_id")
    dates = t[t["unit"] == "date"]
    assert dates["value"].isna().all() and t.loc[t["unit"] != "date", "value"].notna().all()
    assert dates[["year", "period", "printed", "source_id"]].astype(object).where(dates.notna(), None).to_dict(
        "index"
    ) == {
        "iitu_launched": {"year": 2009, "period": None, "printed": "2009", "source_id": "eeca2014"},
        "infocom_fund_launched": {"year": 2012, "period": None, "printed": "July 2012", "source_id": "eeca2014"},
        "ik2020_phase_1": {
            "year": None,
            "period": "2013-2017",
            "printed": "between 2013 and 2017",
            "source_id": "ik2020",
        },
        "ik2020_phase_2": {"year": None, "period": "2018-2020", "printed": "2018-2020", "source_id": "ik2020"},
    }
    assert t.loc["infocom_fund_launched", "locator"] == "§ Infocommunication Development Fund, p. 37"
