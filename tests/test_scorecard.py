"""Targets against outcomes: the verdict rules on made-up series, then the real scorecards target by target."""

import pandas as pd

from kzict.pipeline.scorecard import MET, NOT_MEASURED, NOT_MET, verdict


def series(points, **extra):
    rows = [
        {
            "year": y,
            "value": v,
            "qualifier": None,
            "source_id": "s",
            "grade": "file",
            "locator": "l",
            "note": extra.get("note"),
        }
        for y, v in points
    ]
    return pd.DataFrame(rows)


def test_share_target_met_and_first_met_in_consecutive_years():
    v = verdict(75, "at_least", "%", 2020, series([(2015, 70), (2016, 74.6), (2017, 76.4), (2020, 85.9)]))
    assert (v.status, v.outcome_year, v.outcome_value, v.nearest_year, v.first_met_year) == (
        MET,
        2020,
        85.9,
        False,
        2017,
    )
    assert "first met in 2017" in v.basis and "≥" in v.basis


def test_share_target_not_met():
    v = verdict(75, "at_least", "%", 2020, series([(2019, 60), (2020, 70)]))
    assert v.status == NOT_MET and v.first_met_year is None and "never met" in v.basis


def test_rank_target_compares_at_most_both_ways():
    ranks = series([(2016, 41), (2019, 28), (2020, 25)])
    assert verdict(35, "at_most", "rank", 2020, ranks).status == MET
    assert verdict(20, "at_most", "rank", 2020, ranks).status == NOT_MET
    # a gap before the first figure that meets it: no first-met year, the bounds instead
    v = verdict(35, "at_most", "rank", 2020, ranks)
    assert v.first_met_year is None and "between 2016 and 2019" in v.basis


def test_biennial_series_first_met_across_its_step():
    v = verdict(30, "at_most", "rank", 2014, series([(2010, 46), (2012, 38), (2014, 28)]), step_years=2)
    assert v.status == MET and v.first_met_year == 2014


def test_nearest_year_is_marked():
    v = verdict(50, "at_least", "%", 2020, series([(2021, 90), (2022, 91)]))
    assert v.status == MET and v.outcome_year == 2021 and v.nearest_year and "nearest figure to 2020" in v.basis


def test_too_far_from_the_target_year_is_not_measured():
    v = verdict(50, "at_least", "%", 2020, series([(2014, 90)]))
    assert v.status == NOT_MEASURED and "within 2 years" in v.basis


def test_missing_figure_is_not_measured_with_its_note():
    v = verdict(95, "at_least", "%", 2020, series([(2020, None)], note="not found: statement only"))
    assert v.status == NOT_MEASURED and v.basis == "not found: statement only" and v.outcome_value is None


# --- the real scorecards ---------------------------------------------------------------------------

IK2020 = {
    1: MET,
    2: NOT_MET,
    3: NOT_MEASURED,
    4: MET,
    5: NOT_MEASURED,
    6: NOT_MEASURED,
    7: NOT_MEASURED,
    8: NOT_MEASURED,
    9: MET,
    10: NOT_MEASURED,
    11: NOT_MEASURED,
    12: MET,
    13: NOT_MEASURED,
}


def test_ik2020_scorecard_verdicts_target_by_target(tables):
    sc = tables["ik2020_scorecard"].set_index("target_id")
    assert dict(sc["status"]) == IK2020
    assert sc.loc[1, ["outcome_value", "outcome_year", "grade"]].tolist() == [25, 2020, "press"]
    assert sc.loc[2, "outcome_value"] == 29 and "never met" in sc.loc[2, "basis"]
    assert sc.loc[4, ["outcome_value", "first_met_year", "grade"]].tolist() == [85.94, 2017, "file"]
    assert sc.loc[9, "outcome_value"] == 82 and "defined differently" in sc.loc[9, "basis"]
    assert sc.loc[12, "nearest_year"] and sc.loc[12, "outcome_year"] == 2021
    assert sc.loc[12, "outcome_qualifier"] == "about"
    assert "2025" in sc.loc[5, "basis"]
    assert sc["basis"].str.len().min() > 15
    assert (sc.loc[sc["comparison"] == "at_most", "unit"] == "rank").all()


def test_programme_scorecard_has_the_six_goals_none_measured(tables):
    sc = tables["ict_programme_scorecard"]
    assert sc["target_id"].tolist() == [1, 2, 3, 4, 5, 6]
    assert (sc["status"] == NOT_MEASURED).all()
    assert "communications industry" in sc.set_index("target_id").loc[2, "basis"]


def test_outcome_series_are_full_and_graded(tables):
    o = tables["indicator_outcomes"]
    net = o[o["indicator"] == "internet_users_pct"].set_index("year")["value"]
    assert net.index.tolist() == list(range(2005, 2024)) and net[2005] == 2.96 and net[2023] == 92.88
    eg = o[o["indicator"] == "egov_rank"].set_index("year")
    assert eg["value"].to_dict() == {2010: 46, 2012: 38, 2014: 28, 2016: 33, 2018: 39, 2020: 29, 2022: 28}
    assert eg["grade"].to_dict() == {
        2010: "file",
        2012: "file",
        2014: "file",
        2016: "press",
        2018: "file",
        2020: "press",
        2022: "press",
    }
    db = o[o["indicator"] == "doing_business_rank"]
    assert db["note"].str.contains("discontinued").all()
    exp = o[o["indicator"] == "ict_service_exports_usd_mn"].set_index("year")["value"]
    assert exp.to_dict() == {
        2009: 124.58,
        2010: 93.59,
        2011: 103.70,
        2012: 124.36,
        2013: 140.65,
        2014: 146.56,
        2015: 142.80,
    }
    missing = o[o["value"].isna()]
    assert len(missing) >= 7 and missing["note"].notna().all()
    assert set(o["grade"]) == {"file", "press"}
