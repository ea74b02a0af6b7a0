"""ict_rankings: the values, asserted one by one."""

import pandas as pd


def test_rankings(tables):
    t = tables["ict_rankings"].set_index(["index", "edition_year"])
    assert t.loc[("ICT Development Index", 2012), ["rank", "countries_ranked"]].tolist() == [49, 155]
    assert t.loc[("Global Information Technology Report", 2013), ["rank", "countries_ranked"]].tolist() == [43, 144]
    assert t.loc[("Networked Readiness Index", 2014), ["rank", "countries_ranked"]].tolist() == [38, 148]
    assert t.loc[("Networked Readiness Index", 2013), "rank"] == 43
    assert pd.isna(t.loc[("Networked Readiness Index", 2013), "countries_ranked"])
