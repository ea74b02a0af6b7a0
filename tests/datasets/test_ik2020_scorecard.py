"""ik2020_scorecard: the values, asserted one by one."""

from kzict.pipeline.scorecard import MET, NOT_MEASURED, NOT_MET

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


def test_a_verdict_has_provenance_exactly_when_something_was_measured(tables):
    sc = tables["ik2020_scorecard"]
    measured = sc["status"] != NOT_MEASURED
    assert (sc["source_id"].notna() == measured).all() and (sc["locator"].notna() == measured).all()
