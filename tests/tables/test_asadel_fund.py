"""asadel_fund: the values, asserted one by one."""


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
