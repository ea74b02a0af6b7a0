"""it_expenditure_structure: the values, asserted one by one."""

import math


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
