"""The peer brief (kzict.brief.peer_brief): one row per tracked indicator, values from the files."""

import pandas as pd
import pytest

import kzict
from kzict.brief import peer_brief


@pytest.fixture(scope="module")
def brief():
    return peer_brief().set_index("indicator_code")


def test_every_tracked_indicator_with_a_kazakhstan_value_is_a_row(brief):
    wdi = kzict.load("wdi_indicators")
    assert set(wdi.loc[wdi["iso3"] == "KAZ", "indicator_code"]) <= set(brief.index)
    assert {"egdi_rank", "osi", "doing_business_rank", "nri_rank"} <= set(brief.index)


def test_internet_users_rank_year_and_release(brief):
    r = brief.loc["IT.NET.USER.ZS"]
    # wdi-IT.NET.USER.ZS-2026-07-13.csv: KAZ 2024 = 93.39167254; RUS, BLR and HUN are higher among the peers
    assert (round(r["value"], 2), r["year"], r["release"]) == (93.39, 2024, "2026-07-13")
    assert (r["rank"], r["economies_ranked"]) == (4, 20)
    # Turkmenistan's latest value is 2017, from the 2023 release: older and more than two years apart
    assert (r["peers_older_release"], r["peers_gap_flagged"], r["peers_last_year"]) == (1, 1, "2017-2025")


def test_mobile_peers_come_from_an_older_release(brief):
    r = brief.loc["IT.CEL.SETS.P2"]
    assert (r["year"], r["release"], r["rank"], r["economies_ranked"]) == (2024, "2026-04-08", 9, 20)
    assert r["peers_older_release"] == 19 and r["peers_last_year"] == "2021-2023"


def test_indices_from_the_newest_editions(brief):
    assert brief.loc["egdi_rank", ["value", "year", "rank"]].tolist() == [24, 2024, 3]
    assert brief.loc["doing_business_rank", ["value", "release"]].tolist() == [25, "Doing Business 2020"]


def test_an_indicator_no_peer_holds_has_no_rank(brief):
    r = brief.loc["IT.CEL.SETS"]
    assert r["economies_ranked"] == 1 and r["rank"] is pd.NA
