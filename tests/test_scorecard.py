"""Targets against outcomes: the verdict rules on made-up series, then the real scorecards target by target."""

import pandas as pd
import pytest

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


def _links(**proxy):
    return {
        1: {"indicator": "x", "comparability": "same_definition", "basis": "same"},
        2: {"indicator": "x", "comparability": "proxy", "basis": "x stands in for b", "also": [], **proxy},
        3: {"indicator": "x", "comparability": "none", "basis": "x is another quantity"},
    }


def _targets(comparison="at_least"):
    return pd.DataFrame(
        {
            "target_id": [1, 2, 3],
            "target": ["a", "b", "c"],
            "target_value": [50.0, 50.0, 50.0],
            "unit": "%",
            "comparison": comparison,
            "target_year": 2020,
        }
    )


def test_comparability_decides_whether_and_how_a_target_is_judged():
    from kzict.tables._score import score

    outcomes = series([(2020, 30.0)]).assign(indicator="x", unit="%")
    # a proxy that bounds the measure from above (measure <= proxy): below the target, so is the measure
    out = score(_targets(), outcomes, _links(bounds="above"), "p", {}).set_index("target_id")
    assert out["status"].tolist() == [NOT_MET, NOT_MET, NOT_MEASURED]
    assert out["comparability"].tolist() == ["same_definition", "proxy", "none"]
    assert out.loc[2, "basis"].startswith("On a proxy that bounds the measure (the measure is at most the proxy)")
    assert "30 % in 2020 < the target 50 %" in out.loc[2, "basis"]
    assert out.loc[3, "basis"] == "x is another quantity" and pd.isna(out.loc[3, "outcome_value"])


@pytest.mark.parametrize(
    ("value", "comparison", "bounds", "status"),
    [
        (30.0, "at_least", "above", NOT_MET),  # measure <= 30 < 50
        (30.0, "at_least", "below", NOT_MEASURED),  # measure >= 30: may still reach 50
        (70.0, "at_least", "below", MET),  # measure >= 70 >= 50
        (70.0, "at_least", "above", NOT_MEASURED),  # measure <= 70: may be under 50
        (70.0, "at_most", "below", NOT_MET),  # rank-like: measure >= 70 > 50
        (30.0, "at_most", "above", MET),  # measure <= 30 <= 50
        (30.0, "at_most", "below", NOT_MEASURED),
        (30.0, "at_least", "none", NOT_MEASURED),
        (70.0, "at_least", "none", NOT_MEASURED),
    ],
)
def test_a_proxy_decides_only_where_it_bounds_the_measure_that_way(value, comparison, bounds, status):
    from kzict.tables._score import score

    outcomes = pd.concat(
        [
            series([(2020, value)]).assign(indicator="x", unit="%"),
            series([(2021, 90.0)]).assign(indicator="y", unit="%", qualifier="about"),
        ]
    )
    links = _links(bounds=bounds, also=["y"])
    row = score(_targets(comparison), outcomes, links, "p", {}).set_index("target_id").loc[2]
    assert row["status"] == status
    if status == NOT_MEASURED:  # both figures recorded, none judged
        assert pd.isna(row["outcome_value"]) and row["basis"].startswith("Not judged on a proxy")
        assert f"x: {value:g} % in 2020" in row["basis"] and "y: about 90 % in 2021" in row["basis"]
    else:
        assert row["outcome_value"] == value


def test_a_proxy_series_that_mixes_bases_says_so():
    from kzict.tables._score import bases

    s = series([(2016, 74.0), (2020, 82.0), (2021, 85.3)]).assign(unit=["% of pop", "% of pop", "% of pop 6+"])
    assert bases(s) == "% of pop (2016-2020), % of pop 6+ (2021)"
    assert bases(s.assign(unit="% of pop")) is None


def test_a_proxy_link_without_bounds_is_refused_naming_the_cell(tmp_path):
    import openpyxl

    from kzict.errors import RawDataError
    from kzict.readers.parse import read_sheet
    from kzict.tables._scorecard import LINKS, links

    wb = openpyxl.load_workbook("data/raw/outcomes.xlsx")
    ws = wb["Links"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 4).value == "proxy")
    ws.cell(row, 6).value = None
    wb.save(tmp_path / "outcomes.xlsx")
    raw = read_sheet(tmp_path / "outcomes.xlsx", "Links", LINKS.raw_headers)
    with pytest.raises(RawDataError, match=f"F{row}"):
        links(raw, "ik2020")


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
