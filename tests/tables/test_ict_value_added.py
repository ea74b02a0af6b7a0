"""ict_value_added: the values, asserted one by one."""


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
