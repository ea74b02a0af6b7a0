"""ict_programme_scorecard: the values, asserted one by one."""

from kzict.tables._score import NOT_MEASURED


def test_programme_scorecard_has_the_six_goals_none_measured(tables):
    sc = tables["ict_programme_scorecard"]
    assert sc["target_id"].tolist() == [1, 2, 3, 4, 5, 6]
    assert (sc["status"] == NOT_MEASURED).all() and (sc["comparability"] == "none").all()
    assert "communications industry" in sc.set_index("target_id").loc[2, "basis"]
    assert sc["source_id"].isna().all() and sc["locator"].isna().all(), "nothing measured, nothing cited"
