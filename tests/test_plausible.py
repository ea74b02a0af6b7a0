"""No wrong number passes as plausible: every share is a share, per-100 rates and counts are bounded by definition."""

from __future__ import annotations

from pathlib import Path

import pytest

import kzict
from kzict.errors import RawDataError
from kzict.pipeline.validate import plausible, validate_derived
from kzict.tables import registry


@pytest.mark.parametrize(
    "unit, expected",
    [
        ("%", (0, 100)),
        ("% of population", (0, 100)),
        ("% of total goods exports", (0, 100)),
        ("% of GDP", (0, 100)),
        ("% coverage", (0, 100)),
        ("per 100 people", (0, 1000)),
        ("subscriptions per 100 people", (0, 1000)),
        ("per 1 million people", (0, float("inf"))),
        ("subscriptions", (0, float("inf"))),
        ("current US$", (0, float("inf"))),
        ("USD mn (current)", (0, float("inf"))),
        ("rank", (1, float("inf"))),
        ("index (0-1)", (0, 1)),
        ("% per year", None),  # a growth rate may be negative
        ("text", None),
    ],
)
def test_each_unit_has_the_range_its_definition_allows(unit, expected):
    assert plausible(unit) == expected


@pytest.mark.parametrize(
    "code, iso3, value, needle",
    [
        ("IT.NET.USER.ZS", "RUS", 8499.0, "from 0 to 100 for the unit '% of population'"),
        ("IT.NET.USER.ZS", "KAZ", -5.0, "from 0 to 100 for the unit '% of population'"),
        ("TX.VAL.ICTG.ZS.UN", "KAZ", 101.0, "from 0 to 100 for the unit '% of total goods exports'"),
        ("IT.CEL.SETS.P2", "KAZ", 14_000.0, "from 0 to 1000 for the unit 'per 100 people'"),
        ("IT.CEL.SETS", "KAZ", -1.0, "from 0 to inf for the unit 'subscriptions'"),
        ("BM.GSR.CMCP.ZS", "KAZ", -150.0, "from -100 to 100 for indicator_code BM.GSR.CMCP.ZS"),
    ],
)
def test_an_implausible_published_value_is_refused_with_its_file_and_line(tmp_path, code, iso3, value, needle):
    ds = registry()["wdi_vintages"]
    df = kzict.load("wdi_vintages")
    row = df.index[(df["indicator_code"] == code) & (df["iso3"] == iso3)][0]
    df.loc[row, "value"] = value
    with pytest.raises(RawDataError, match=rf"{needle}.*\(at {df.loc[row, 'snapshot']}, line \d+\)") as err:
        validate_derived(ds, df, tmp_path)
    assert str(value) in str(err.value) or f"{value:g}" in str(err.value)


def test_a_real_negative_residual_share_is_accepted():
    """The World Bank publishes Kazakhstan's "communications, computer, etc." imports share below zero."""
    df = kzict.load("wdi_indicators")
    assert (df.loc[df["indicator_code"] == "BM.GSR.CMCP.ZS", "value"] < 0).any()
    validate_derived(registry()["wdi_indicators"], df, Path("."))
