"""ik2020_targets: the values, asserted one by one."""


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
