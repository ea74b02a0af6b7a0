"""ict_programme_2010_2014: the values, asserted one by one."""

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
