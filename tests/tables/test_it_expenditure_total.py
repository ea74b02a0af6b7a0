"""it_expenditure_total: the values, asserted one by one."""


def test_expenditure_totals_reported_and_derived(tables):
    t = tables["it_expenditure_total"].set_index("year")
    assert t.loc[2015, "total_kzt_bn"] == 375.6 and t.loc[2015, "kind"] == "reported"
    assert t.loc[2014, "total_kzt_bn"] == 274.2 and t.loc[2014, "kind"] == "derived"
    assert t.loc[2011, "total_kzt_bn"] == 262.7 and t.loc[2011, "kind"] == "derived"
    # the derived totals reproduce the printed growth rates
    assert round((375.6 / t.loc[2014, "total_kzt_bn"] - 1) * 100) == 37
    assert round((375.6 / t.loc[2011, "total_kzt_bn"] - 1) * 100) == 43
    assert t["derivation"].isna().tolist() == [False, False, True]
    assert "37" in t.loc[2014, "derivation"] and "43" in t.loc[2011, "derivation"]
