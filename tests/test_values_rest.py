"""Figures 2-6, the survey, the coding, rankings, facts, the Asadel fund and the electronics paper, value by value."""

import pandas as pd


def test_figure2_programme_goals(tables):
    t = tables["ict_programme_2010_2014"].set_index("goal_id")
    assert len(t) == 12 and t.index.tolist() == list(range(1, 13))
    numeric = t[t["unit"].notna()]
    assert list(zip(numeric["value_2009"], numeric["target_2014"], numeric["unit"])) == [
        (90, 172, "KZT bn"),
        (3.3, 3.8, "%"),
        (7, 32, "%"),
        (30, 80, "%"),
        (3, 10, "%"),
        (2, 15, "%"),
    ]
    qual = t[t["unit"].isna()]
    assert len(qual) == 6 and qual["value_2009"].isna().all() and qual["target_2014"].isna().all()
    assert t.loc[7, "printed_2009"] == "Only 2% export, Public Sector demand"
    assert t.loc[7, "printed_2014"] == '"Competitive, export-oriented"'
    assert t.loc[12, "printed_2009"] == "Managers and project managers" and pd.isna(t.loc[12, "printed_2014"])
    assert (t.loc[8:, "section"] == "OECD country capability survey, IT sector").all()
    assert set(t["source_id"]) == {"decree983_2010"}


def test_figure3_policy_documents_keep_printed_precision(tables):
    t = tables["ict_policy_documents"].set_index("doc_id")
    assert t["date"].tolist() == ["2011", "2010-09-29", "2013-01-08"]
    assert t["date_precision"].tolist() == ["year", "day", "day"]
    assert t["act_number"].tolist() == [193, 983, 464]
    assert t.loc[3, "responsible_body"] == "Ministry of Transport and Communications"


def test_rankings(tables):
    t = tables["ict_rankings"].set_index(["index", "edition_year"])
    assert t.loc[("ICT Development Index", 2012), ["rank", "countries_ranked"]].tolist() == [49, 155]
    # the 2013 NRI rank is printed twice (also as the GITR 2013's, "43rd out of 144"): one ranking, one row
    assert t.loc[("Networked Readiness Index", 2013), ["rank", "countries_ranked"]].tolist() == [43, 144]
    assert t.loc[("Networked Readiness Index", 2014), ["rank", "countries_ranked"]].tolist() == [38, 148]
    assert len(t) == 3 and t["countries_ranked"].notna().all()


def test_survey_profile(tables):
    t = tables["survey_profile"].set_index(["measure", "category", "statistic"])["value"].sort_index()
    assert (
        t[("invited", "all", "count")],
        t[("surveyed", "all", "count")],
        t[("interviewed", "all", "count")],
        t[("survey_questions", "all", "count")],
    ) == (126, 42, 14, 15)
    assert tables["survey_profile"].set_index("measure").loc["survey_questions_listed", "locator"] == (
        "Appendix, Survey Questions Sample, p. 65"
    )
    assert t.loc["purpose_of_stay_abroad"].droplevel(1).to_dict() == {
        "business": 30,
        "education": 20,
        "work": 30,
        "travel": 20,
    }
    assert t.loc["residence"].droplevel(1).to_dict() == {"Almaty": 70, "Astana": 25, "other cities": 5}
    assert t.loc["gender"].droplevel(1).to_dict() == {"male": 90, "female": 10}
    assert t.loc[("age", "all")].to_dict() == {"min": 24, "max": 39, "mean": 27}
    assert t[("years_abroad", "all", "mean")] == 2.4
    assert t.loc[("experience_in_it", "all")].to_dict() == {"mean_lower_bound": 7, "mean_upper_bound": 8}
    for measure in ("purpose_of_stay_abroad", "residence", "gender"):
        assert t.loc[measure].sum() == 100, measure


def test_coding_scheme(tables):
    t = tables["coding_scheme"]
    first = t[t["stage"] == "first cycle"]
    final = t[t["stage"] == "final"]
    assert len(first) == 13 and first["position"].tolist() == list(range(1, 14))
    assert first["label"].iloc[0] == "tax" and first["label"].iloc[-1] == "venture capital"
    assert len(final) == 6
    assert final.groupby("group")["label"].apply(list).to_dict() == {
        "government": ["state contracts", "financing innovation and 'self-discovery'", "bureaucracy"],
        "entrepreneurs": ["knowledge and innovation", "outsourcing", "access to finance"],
    }


def test_asadel_fund(tables):
    t = tables["asadel_fund"].set_index(["measure", "category", "statistic"]).sort_index()
    assert t.loc[("fund_size", "all", "value"), ["value", "unit"]].tolist() == [50, "USD mn"]
    alloc = t.loc["allocation"]["value"].droplevel(1)
    assert alloc.to_dict() == {
        "transport and logistics": 50,
        "IT retailing": 15,
        "fin-tech": 15,
        "other IT related sectors": 20,
    }
    assert alloc.sum() == 100
    assert t.loc[("investment_per_company", "all", "min"), "value"] == 0.5
    assert t.loc[("investment_per_company", "all", "max"), "value"] == 5
    assert t.loc[("stake", "all")]["value"].to_dict() == {"min": 5, "max": 49}


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


def test_transnational_channels(tables):
    t = tables["transnational_channels"].set_index(["channel", "direction"])["lead_actor"]
    assert len(t) == 6
    assert t[("knowledge and innovation", "into Kazakhstan")] == "entrepreneurs"
    assert t[("knowledge and innovation", "out of Kazakhstan")] == "state"
    assert set(tables["transnational_channels"]["figure"]) == {"Figure 4, p. 51", "Figure 5, p. 55", "Figure 6, p. 58"}


def test_electronics_business_models(tables):
    t = tables["electronics_business_models"].set_index("model_id")
    assert t.index.tolist() == [1, 2, 3, 4]
    assert t["tier"].cat.ordered and list(t["tier"].cat.categories) == ["basic", "advanced"]
    assert (t["tier"] < "advanced").tolist() == [True, False, False, False]  # ordered: basic < advanced
    assert t.loc[1, "technology_origin"] == "Russia; China"
    assert t.loc[1, "in_house_software"] == "limited"
    assert t.loc[3, "outsourced_component_production"] == "yes" and t.loc[3, "in_house_design"] == "yes"
    assert t.loc[4].drop(["source_id", "locator"]).isna().all(), "an undescribed model stays NA"
    src = tables["sources"].set_index("source_id").loc["electronics_semiperiphery"]
    assert src["kind"] == "paper" and pd.isna(src["url"]) and "2022-2023" in src["citation"]
