"""sector_facts: the values, asserted one by one."""

import pandas as pd


def test_sector_facts(tables):
    t = tables["sector_facts"].set_index("fact_id")
    assert len(t) == 13
    assert t["value"].to_dict() == {
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
