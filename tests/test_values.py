"""The printed figures, asserted value by value."""

import math

import pytest

import kzict


def test_table1_has_the_eleven_printed_rows_in_printed_order(tables):
    t = tables["ict_value_added"]
    assert list(zip(t["iso3"], t["ict_share_pct"], t["year"])) == [
        ("HUN", 9.9, 2008),
        ("EST", 9.8, 2004),
        ("ROU", 9.8, 2005),
        ("LTU", 9.4, 2004),
        ("LVA", 9.0, 2005),
        ("CZE", 9.0, 2008),
        ("SVK", 7.5, 2008),
        ("KAZ", 6.3, 2006),
        ("POL", 5.7, 2008),
        ("RUS", 4.9, 2008),
        ("AZE", 2.4, 2006),
    ]
    kaz = t.set_index("iso3").loc["KAZ"]
    assert (kaz["country"], kaz["ict_share_pct"], kaz["year"]) == ("Kazakhstan", 6.3, 2006)
    assert set(t["source_id"]) == {"unctadstat"} and set(t["locator"]) == {"Table 1, p. 29"}


def test_expenditure_shares_as_printed(tables):
    s = tables["it_expenditure_structure"].set_index(["year", "category"])["share_pct"]
    assert s.to_dict() == {
        (2014, "third-party services"): 20.0,
        (2015, "acquisition of software"): 18.4,
        (2015, "domestic IT systems"): 0.9,
        (2015, "online payment services"): 19.7,
        (2015, "purchase of IT hardware"): 32.6,
        (2015, "third-party services"): 9.7,
    }
    # only the named categories are printed: their sum is below 100 and is 81.3
    assert math.isclose(s.loc[2015].sum(), 81.3)


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
    assert (t["value_usd_mn"] > 0).all()


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


def test_all_thirteen_ik2020_targets(tables):
    t = tables["ik2020_targets"]
    got = [(r.indicator_id, r.target_value, r.unit, r.comparison, r.target_year) for r in t.itertuples()]
    assert got == [
        (1, 35, "rank", "at_most", 2020),
        (2, 25, "rank", "at_most", 2020),
        (3, 100, "%", "at_least", 2020),
        (4, 75, "%", "at_least", 2020),
        (5, 95, "%", "at_least", 2020),
        (6, 4, "%", "at_least", 2020),
        (7, 100, "%", "at_least", 2020),
        (8, 100, "%", "at_least", 2020),
        (9, 80, "%", "at_least", 2020),
        (10, 100, "%", "at_least", 2020),
        (11, 40, "%", "at_least", 2020),
        (12, 50, "%", "at_least", 2020),
        (13, 80, "%", "at_least", 2020),
    ]
    assert set(t["source_id"]) == {"ik2020"}


def test_sources_table(tables):
    src = tables["sources"].set_index("source_id")
    assert {
        "alibayev2017",
        "unctadstat",
        "oecd2010",
        "oecd2012",
        "oecd2013",
        "decree983_2010",
        "ik2020",
        "kisi2016",
        "eeca2014",
        "forbes_kz2014",
    } <= set(src.index)
    assert src.loc["unctadstat", "kind"] == "database"
    assert src.loc["decree983_2010", "url"].startswith("http://adilet.zan.kz/")


def test_corrections_table_lists_the_trade_swap():
    c = kzict.corrections()
    assert list(c.columns) == ["correction_id", "dataset", "key", "field", "printed", "used", "reason", "evidence"]
    assert len(c) == 6 and set(c["dataset"]) == {"it_trade"} and set(c["field"]) == {"flow"}
    assert sorted(zip(c["printed"], c["used"])) == [("export", "import")] * 2 + [("import", "export")] * 4
    assert c["reason"].str.len().min() > 50 and c["evidence"].str.contains("7.45").all()


def test_load_raw_gives_the_print():
    raw = kzict.load_raw("ict_value_added")
    assert raw.loc[9, "Country"] == "Kazakhstan"
    assert raw.loc[9, "ICT producing sector as % of total business value added"] == "6.3%"
    trade = kzict.load_raw("it_trade")
    assert trade.set_index(["Year", "Flow as printed"]).loc[(2014, "export"), "Value, USD million"] == "2990.2"


def test_unknown_name_lists_the_valid_ones():
    with pytest.raises(KeyError) as err:
        kzict.load("table1")
    assert "ict_value_added" in str(err.value) and "table1" in str(err.value)
    with pytest.raises(KeyError):
        kzict.describe("corrections")
