"""Targets against outcomes: the verdict rules on made-up series, then the real scorecards target by target."""

import pandas as pd

from kzict.tables._score import MET, NOT_MEASURED, NOT_MET, verdict


def series(points, **extra):
    rows = [
        {
            "year": y,
            "value": v,
            "qualifier": None,
            "source_id": "s",
            "grade": "file",
            "locator": "l",
            "note": extra.get("note"),
        }
        for y, v in points
    ]
    return pd.DataFrame(rows)


def test_share_target_met_and_first_met_in_consecutive_years():
    v = verdict(75, "at_least", "%", 2020, series([(2015, 70), (2016, 74.6), (2017, 76.4), (2020, 85.9)]))
    assert (v.status, v.outcome_year, v.outcome_value, v.nearest_year, v.first_met_year) == (
        MET,
        2020,
        85.9,
        False,
        2017,
    )
    assert "first met in 2017" in v.basis and "≥" in v.basis


def test_share_target_not_met():
    v = verdict(75, "at_least", "%", 2020, series([(2019, 60), (2020, 70)]))
    assert v.status == NOT_MET and v.first_met_year is None and "never met" in v.basis


def test_rank_target_compares_at_most_both_ways():
    ranks = series([(2016, 41), (2019, 28), (2020, 25)])
    assert verdict(35, "at_most", "rank", 2020, ranks).status == MET
    assert verdict(20, "at_most", "rank", 2020, ranks).status == NOT_MET
    # a gap before the first figure that meets it: no first-met year, the bounds instead
    v = verdict(35, "at_most", "rank", 2020, ranks)
    assert v.first_met_year is None and "between 2016 and 2019" in v.basis


def test_biennial_series_first_met_across_its_step():
    v = verdict(30, "at_most", "rank", 2014, series([(2010, 46), (2012, 38), (2014, 28)]), step_years=2)
    assert v.status == MET and v.first_met_year == 2014


def test_nearest_year_is_marked():
    v = verdict(50, "at_least", "%", 2020, series([(2021, 90), (2022, 91)]))
    assert v.status == MET and v.outcome_year == 2021 and v.nearest_year and "nearest figure to 2020" in v.basis


def test_too_far_from_the_target_year_is_not_measured():
    v = verdict(50, "at_least", "%", 2020, series([(2014, 90)]))
    assert v.status == NOT_MEASURED and "within 2 years" in v.basis


def test_missing_figure_is_not_measured_with_its_note():
    v = verdict(95, "at_least", "%", 2020, series([(2020, None)], note="not found: statement only"))
    assert v.status == NOT_MEASURED and v.basis == "not found: statement only" and v.outcome_value is None


def test_comparability_decides_whether_and_how_a_target_is_judged():
    from kzict.tables._score import score

    targets = pd.DataFrame(
        {
            "target_id": [1, 2, 3],
            "target": ["a", "b", "c"],
            "target_value": [50.0, 50.0, 50.0],
            "unit": "%",
            "comparison": "at_least",
            "target_year": 2020,
        }
    )
    outcomes = series([(2020, 30.0)]).assign(indicator="x")
    links = {
        1: {"indicator": "x", "comparability": "same_definition", "basis": "same"},
        2: {"indicator": "x", "comparability": "proxy", "basis": "x stands in for b"},
        3: {"indicator": "x", "comparability": "none", "basis": "x is another quantity"},
    }
    out = score(targets, outcomes, links, "p", {}).set_index("target_id")
    assert out["status"].tolist() == [NOT_MET, NOT_MET, NOT_MEASURED]
    assert out["comparability"].tolist() == ["same_definition", "proxy", "none"]
    assert out.loc[2, "basis"].startswith("On a proxy: x stands in for b. 30 % in 2020 < the target 50 %")
    assert out.loc[3, "basis"] == "x is another quantity" and pd.isna(out.loc[3, "outcome_value"])


def test_every_schema_is_strict_and_coerced_as_its_config_says():
    """The shared Strict base reaches pandera, through a shared scorecard Config too."""
    import pandera.errors as pe
    import pytest

    from kzict.tables import registry

    schemas = {n: d.schema for n, d in registry().items()}
    assert all(s.strict and s.coerce for s in schemas.values())
    card = registry()["ik2020_scorecard"].model
    import kzict

    df = kzict.load("ik2020_scorecard")
    card.validate(df)
    with pytest.raises((pe.SchemaError, pe.SchemaErrors), match="not in DataFrameSchema"):
        card.validate(df.assign(extra=1))
