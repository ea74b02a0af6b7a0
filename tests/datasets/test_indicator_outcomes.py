"""indicator_outcomes: the values, asserted one by one."""


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
