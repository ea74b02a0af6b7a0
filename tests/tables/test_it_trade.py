"""it_trade: the values, asserted one by one."""

import kzict


def test_trade_values_and_corrected_flows(tables):
    t = tables["it_trade"]
    got = {(r.year, r.flow): (r.value_usd_mn, r.printed_label) for r in t.itertuples()}
    assert got == {
        (2011, "export"): (84.6, "import"),
        (2013, "export"): (171.8, "import"),
        (2014, "export"): (401.6, "import"),
        (2015, "export"): (104.3, "import"),
        (2014, "import"): (2990.2, "export"),
        (2015, "import"): (1938.3, "export"),
    }
    assert 2012 not in set(t["year"]), "no figure printed for 2012: absent, not zero"


def test_trade_reproduces_the_thesis_ratios_only_with_corrected_labels(tables):
    v = tables["it_trade"].set_index(["year", "flow"])["value_usd_mn"]
    ratio = {y: v[(y, "import")] / v[(y, "export")] for y in (2014, 2015)}
    # the thesis prints "7.5 times" and "18.5 times": both are the ratios to the nearest half
    assert round(ratio[2014] * 2) / 2 == 7.5 and round(ratio[2015] * 2) / 2 == 18.5
    # the "fourfold decline" of exports 2014 -> 2015
    assert round(v[(2014, "export")] / v[(2015, "export")]) == 4
    # with the printed labels the "import surpassed export" ratios would be below 1
    printed = tables["it_trade"].set_index(["year", "printed_label"])["value_usd_mn"]
    assert printed[(2014, "import")] / printed[(2014, "export")] < 1


def test_corrections_table_lists_the_trade_swap():
    c = kzict.corrections()
    assert list(c.columns) == ["correction_id", "dataset", "key", "field", "printed", "used", "reason", "evidence"]
    # one correction, with its reason once, naming the six rows it changes
    assert len(c) == 1 and c.loc[0, ["correction_id", "dataset", "field"]].tolist() == [
        "it_trade-flow-labels",
        "it_trade",
        "flow",
    ]
    keys, printed, used = (c.loc[0, col].split(" | ") for col in ("key", "printed", "used"))
    assert keys[0] == "year=2014; printed_label=export" and len(keys) == 6
    assert sorted(zip(printed, used)) == [("export", "import")] * 2 + [("import", "export")] * 4
    assert len(c.loc[0, "reason"]) > 50 and "7.45" in c.loc[0, "evidence"]
    # the evidence links the independent cross-check and cites no file users do not have
    assert "trade_crosscheck" in c.loc[0, "evidence"] and "shared/" not in c.loc[0, "evidence"]
