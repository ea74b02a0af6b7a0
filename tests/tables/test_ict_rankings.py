"""ict_rankings: the values, asserted one by one."""


def test_rankings(tables):
    t = tables["ict_rankings"].set_index(["index", "edition"])
    assert t.loc[("ICT Development Index", 2012), ["rank", "countries_ranked"]].tolist() == [49, 155]
    # the 2013 NRI rank is printed twice (also as the GITR 2013's, "43rd out of 144"): one ranking, one row
    assert t.loc[("Networked Readiness Index", 2013), ["rank", "countries_ranked"]].tolist() == [43, 144]
    assert t.loc[("Networked Readiness Index", 2014), ["rank", "countries_ranked"]].tolist() == [38, 148]
    assert len(t) == 3 and t["countries_ranked"].notna().all()
