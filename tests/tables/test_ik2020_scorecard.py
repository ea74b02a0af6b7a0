"""ik2020_scorecard: the values, asserted one by one."""

from kzict.tables._score import MET, NOT_MEASURED, NOT_MET

IK2020 = {
    1: MET,
    2: NOT_MET,
    3: NOT_MEASURED,
    4: MET,
    5: NOT_MEASURED,
    6: NOT_MEASURED,
    7: NOT_MEASURED,
    8: NOT_MEASURED,
    9: NOT_MEASURED,
    10: NOT_MEASURED,
    11: NOT_MEASURED,
    12: NOT_MEASURED,
    13: NOT_MEASURED,
}
COMPARABILITY = {1: "same_definition", 2: "same_definition", 4: "same_definition", 9: "proxy", 12: "proxy", 13: "proxy"}


def test_ik2020_scorecard_verdicts_target_by_target(tables):
    sc = tables["ik2020_scorecard"].set_index("target_id")
    assert dict(sc["status"]) == IK2020
    assert dict(sc["comparability"]) == {t: COMPARABILITY.get(t, "none") for t in IK2020}
    # targets 1 and 2 are judged on the files: Doing Business 2020 and the E-Government Survey 2020
    assert sc.loc[1, ["outcome_value", "outcome_year", "grade"]].tolist() == [25, 2020, "file"]
    assert sc.loc[1, "locator"] == "wb-doing-business-2018-2020-facts.csv, line 28, column ease_rank"
    assert sc.loc[2, ["outcome_value", "outcome_year", "grade"]].tolist() == [29, 2020, "file"]
    assert sc.loc[2, "locator"] == "egdi-2020.csv, line 9, column E-Government Rank"
    # the printed 41 (DB2016; the file's 51 is the ranking recalculated in DB2017) then 35 (DB2017)
    assert sc.loc[1, "first_met_year"] == 2017
    assert "rank 41 in 2016" in sc.loc[1, "basis"] and "rank 51" not in sc.loc[1, "basis"]
    assert sc.loc[2, "outcome_value"] == 29 and "never met" in sc.loc[2, "basis"]
    assert round(sc.loc[4, "outcome_value"], 2) == 85.94
    assert sc.loc[4, ["first_met_year", "grade", "source_id"]].tolist() == [2017, "file", "wb_wdi"]
    # the newest release holding the value (2026-07-13, identical to the KAZ file of 2026-04-08)
    assert sc.loc[4, "locator"] == "wdi-IT.NET.USER.ZS-2026-07-13.csv, line 125, column 2020"
    # target 9: the survey's digital literacy bounds the programme's ICT literacy in neither direction
    assert "defined differently" in sc.loc[9, "basis"] and "digital_literacy_pct: 82 % in 2020" in sc.loc[9, "basis"]
    # its series mixes age bases: stated, from the outcomes' units
    assert "% of population (2016-2020), % of population aged 6+ (2021)" in sc.loc[9, "basis"]
    assert "aged 6 and over" in sc.loc[9, "basis"] and "state no age base" in sc.loc[9, "basis"]
    assert "2025" in sc.loc[5, "basis"] and "forecast" in sc.loc[5, "basis"]
    assert sc["basis"].str.len().min() > 15
    assert (sc.loc[sc["comparison"] == "at_most", "unit"] == "rank").all()


def test_a_household_share_decides_neither_services_target_and_both_figures_are_recorded(tables):
    """Targets 12 and 13: households that used e-government (30.8 %) bound neither the share of deliveries nor
    their ratio to traditional ones, and the share offered (about 90 %) points the other way: not measured."""
    sc = tables["ik2020_scorecard"].set_index("target_id")
    for t in (12, 13):
        row = sc.loc[t]
        assert row["outcome_indicator"] == "households_used_egov_pct" and row["comparability"] == "proxy"
        assert row["status"] == NOT_MEASURED and row[["outcome_year", "outcome_value"]].isna().all()
        assert row["basis"].startswith("Not judged on a proxy:")
        assert "households_used_egov_pct: 30.8 % in 2020" in row["basis"]
        assert "egov_services_electronic_pct: about 90 % in 2021" in row["basis"]
        assert "No figure bounds the target's own measure" in row["basis"]


def test_a_proxy_verdict_says_so_and_none_is_never_judged(tables):
    sc = tables["ik2020_scorecard"]
    proxy = sc[sc["comparability"] == "proxy"]
    assert proxy["basis"].str.contains("on a proxy", case=False).all()
    # no IK2020 proxy bounds its target's measure: none decides a verdict
    assert (proxy["status"] == NOT_MEASURED).all()
    assert (sc.loc[sc["comparability"] == "none", "status"] == NOT_MEASURED).all()
    assert not sc.loc[sc["comparability"] != "proxy", "basis"].str.contains("proxy").any()


def test_a_verdict_has_provenance_exactly_when_something_was_measured(tables):
    sc = tables["ik2020_scorecard"]
    measured = sc["status"] != NOT_MEASURED
    assert (sc["source_id"].notna() == measured).all() and (sc["locator"].notna() == measured).all()


def test_readme_states_the_scorecard_the_data_holds(tables):
    """The README's verdict counts are the data's, not a memory of an earlier build."""
    import re
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    stated = {k.replace(" ", "_"): int(n) for n, k in re.findall(r"\*\*(\d+) (met|not met|not measured)\*\*", readme)}
    assert stated == tables["ik2020_scorecard"]["status"].value_counts().to_dict()
