"""The claims audit: each check kind on made-up data (both outcomes), then the real registry claim by claim."""

import pandas as pd
import pytest
from conftest import REPO

import kzict
from kzict import claims as c
from kzict.claims import CONSISTENT, INCONSISTENT, UNVERIFIABLE, Data

T = pd.DataFrame({"k": ["a", "b", "c", "d"], "v": [10.0, 40.0, 30.0, 20.0], "y": [2010, 2011, 2012, 2013]})


def ref(k=None, **where):
    return {"dataset": "t", "where": ({"k": k} if k else where), "field": "v"}


@pytest.fixture
def data():
    return Data({"t": T, "n": pd.DataFrame({"what": ["base"], "v": [42.0]})})


@pytest.mark.parametrize(
    "printed, tol, status", [(4, 0.5, CONSISTENT), (2, 0.5, INCONSISTENT), (4.5, 0.25, INCONSISTENT)]
)
def test_multiple(data, printed, tol, status):
    v = c.check_multiple(data, {"numerator": ref("b"), "denominator": ref("a"), "printed": printed}, tol)
    assert v.status == status and v.recomputed == "4.00" and "40 / 10 = 4.00" in v.explanation


@pytest.mark.parametrize("printed, status", [(100, CONSISTENT), (37, INCONSISTENT)])
def test_growth(data, printed, status):
    v = c.check_growth(data, {"new": ref("d"), "old": ref("a"), "printed": printed}, 0.5)
    assert v.status == status and v.recomputed == "100.0"


@pytest.mark.parametrize("periods, status", [(2, CONSISTENT), (4, INCONSISTENT)])
def test_cagr(data, periods, status):
    # 10 -> 40 in 2 periods is 100 % a year; in 4 periods 41.4 %
    v = c.check_cagr(data, {"start": ref("a"), "end": ref("b"), "periods": periods, "printed": 100}, 0.5)
    assert v.status == status


@pytest.mark.parametrize(
    "printed, at_most, status",
    [(100, False, CONSISTENT), (90, False, INCONSISTENT), (120, True, CONSISTENT), (90, True, INCONSISTENT)],
)
def test_sum(data, printed, at_most, status):
    v = c.check_sum(data, {"values": {"dataset": "t", "field": "v"}, "printed": printed, "at_most": at_most}, 0)
    assert v.status == status and v.recomputed == "100"


def test_whole_counts_both_outcomes():
    shares = pd.DataFrame({"k": ["x", "y"], "v": [90.0, 10.0], "m": ["g", "g"]})
    bases = pd.DataFrame({"name": ["n42", "n14"], "v": [42.0, 14.0]})
    d = Data({"s": shares, "b": bases})
    args = lambda *names: {
        "shares": {"dataset": "s", "where": {"m": "g"}, "field": "v"},
        "label": "k",
        "bases": [{"name": n, "dataset": "b", "where": {"name": n}, "field": "v"} for n in names],
    }
    ok = c.check_whole_counts(d, args("n42"), 0.5)  # 38/42 = 90.5 %, 4/42 = 9.5 %: both round to print
    bad = c.check_whole_counts(d, args("n14"), 0.5)  # 12.6 and 1.4 people
    assert ok.status == CONSISTENT and "38 + 4" in ok.explanation
    assert bad.status == INCONSISTENT and "90 % of 14 = 12.6" in bad.explanation
    assert c.check_whole_counts(d, args("n14", "n42"), 0.5).status == CONSISTENT  # any base that fits


def test_whole_counts_rounds_half_either_way():
    assert c._whole(25, 42, 0.5) is None  # 10/42 = 23.8 %, 11/42 = 26.2 %
    assert c._whole(12.5, 8, 0.5) == 1  # exactly 12.5 % of 8
    assert c._whole(50, 3, 0.5) is None and c._whole(33.3, 3, 0.5) == 1


@pytest.mark.parametrize("printed, status", [(4, CONSISTENT), (8, INCONSISTENT)])
def test_count(data, printed, status):
    v = c.check_count(data, {"rows": {"dataset": "t"}, "what": "rows", "printed": printed}, 0)
    assert v.status == status and v.recomputed == "4"


@pytest.mark.parametrize(
    "printed, tol, status", [(30, 0, CONSISTENT), (29.6, 0.5, CONSISTENT), (29, 0.5, INCONSISTENT)]
)
def test_equal(data, printed, tol, status):
    assert c.check_equal(data, {"value": ref("c"), "against": "T", "printed": printed}, tol).status == status


@pytest.mark.parametrize("entity, status", [("a", CONSISTENT), ("b", INCONSISTENT), ("d", CONSISTENT)])
def test_rank_below_majority(data, entity, status):
    v = c.check_rank_below_majority(data, {"dataset": "t", "key": "k", "entity": entity, "field": "v"}, 0)
    assert v.status == status


@pytest.mark.parametrize("named, status", [(["b", "c"], CONSISTENT), (["b", "a"], INCONSISTENT)])
def test_top_n(named, status):
    shares = Data({"t": pd.DataFrame({"k": ["a", "b", "c"], "v": [5.0, 40.0, 30.0]})})
    v = c.check_top_n(shares, {"rows": {"dataset": "t", "field": "v"}, "label": "k", "named": named}, 0)
    assert v.status == status and "25 % of the total is not broken down" in v.explanation


@pytest.mark.parametrize("printed, status", [("increase", CONSISTENT), ("decrease", INCONSISTENT)])
def test_direction(data, printed, status):
    assert c.check_direction(data, {"old": ref("a"), "new": ref("b"), "printed": printed}, 0).status == status


@pytest.mark.parametrize("low, mid, high, status", [("a", "c", "b", CONSISTENT), ("b", "a", "c", INCONSISTENT)])
def test_range(data, low, mid, high, status):
    assert c.check_range(data, {"low": ref(low), "mid": ref(mid), "high": ref(high)}, 0).status == status


def test_ambiguous_reference_is_an_error(data):
    with pytest.raises(ValueError, match="matches 4 rows"):
        data.value({"dataset": "t", "field": "v"})


def test_registry_rejects_unknown_check(tmp_path):
    p = tmp_path / "claims.yaml"
    p.write_text("claims:\n  - {claim_id: x, chapter: 2, locator: l, claim: c, printed: 1, check: nope, args: {}}\n")
    with pytest.raises(ValueError, match="unknown check 'nope'"):
        c.load_registry(p)


# --- the real registry -------------------------------------------------------------------------

EXPECTED = {
    "ch2-survey-questions": CONSISTENT,
    "ch2-sample-nested": CONSISTENT,
    "ch2-purpose-shares-sum": CONSISTENT,
    "ch2-residence-shares-sum": CONSISTENT,
    "ch2-gender-shares-sum": CONSISTENT,
    "ch2-purpose-whole-counts": INCONSISTENT,
    "ch2-residence-whole-counts": INCONSISTENT,
    "ch2-gender-whole-counts": CONSISTENT,
    "ch2-age-range": CONSISTENT,
    "ch2-first-cycle-labels": CONSISTENT,
    "ch2-final-variables": CONSISTENT,
    "ch2-eight-variables-grouped": INCONSISTENT,
    "ch2-word-cloud-share": UNVERIFIABLE,
    "ch3-kaz-bva-6pct": CONSISTENT,
    "ch3-kaz-bva-6.3pct-2006": CONSISTENT,
    "ch3-kaz-below-majority": CONSISTENT,
    "ch3-oecd-bva-8.6pct": UNVERIFIABLE,
    "ch3-telecom-share": UNVERIFIABLE,
    "ch3-growth-target-18pct": CONSISTENT,
    "ch3-turnover-cagr-4-years": CONSISTENT,
    "ch3-turnover-172bn": CONSISTENT,
    "ch3-gdp-share-3.8pct": CONSISTENT,
    "ch3-local-content-equipment-target": CONSISTENT,
    "ch3-local-content-services-target": CONSISTENT,
    "ch3-local-content-hardware-2010": CONSISTENT,
    "ch3-local-content-services-2010": CONSISTENT,
    "ch3-spending-growth-vs-2014": UNVERIFIABLE,
    "ch3-spending-growth-vs-2011": UNVERIFIABLE,
    "ch3-spending-top-three": CONSISTENT,
    "ch3-spending-shares-at-most-100": CONSISTENT,
    "ch3-third-party-decrease": CONSISTENT,
    "ch3-export-fourfold-decline": CONSISTENT,
    "ch3-import-twofold-decline": CONSISTENT,
    "ch3-import-over-export-2014": CONSISTENT,
    "ch3-import-over-export-2015": CONSISTENT,
    "ch3-export-growth-2011-2013": UNVERIFIABLE,
    "ch3-production-growth-25pct": UNVERIFIABLE,
    "ch3-ict-goods-trade-share": UNVERIFIABLE,
    "ch3-nri-2013-stated-twice": CONSISTENT,
    "ch3-nri-improved": CONSISTENT,
    "ch3-ik2020-13-targets": CONSISTENT,
    "ch3-ik2020-launched-2013": CONSISTENT,
    "ch5-asadel-allocation-sum": CONSISTENT,
}


@pytest.fixture(scope="module")
def audit():
    return kzict.audit()


def test_every_claim_has_the_expected_verdict(audit):
    assert dict(zip(audit["claim_id"], audit["status"])) == EXPECTED


def test_audit_columns_and_explanations(audit):
    assert list(audit.columns[:7]) == ["claim_id", "locator", "claim", "printed", "recomputed", "status", "explanation"]
    assert audit["locator"].str.contains(r"p\. \d+").all()
    assert audit["explanation"].str.len().min() > 20
    checked = audit[audit["status"] != UNVERIFIABLE]
    assert checked["recomputed"].notna().all() and checked["explanation"].str.contains(r"\d").all()
    assert audit.loc[audit["status"] == UNVERIFIABLE, "recomputed"].isna().all()
    assert audit["chapter"].isin([2, 3, 5]).all()


def test_trade_claims_hold_only_under_the_correction(audit):
    trade = audit[audit["claim_id"].str.startswith(("ch3-import", "ch3-export-fourfold"))]
    assert len(trade) == 4
    assert trade["correction_id"].isin(kzict.corrections()["correction_id"]).all()
    assert trade["explanation"].str.contains("consistent only under correction it_trade-").all()
    row = trade.set_index("claim_id").loc["ch3-import-over-export-2014"]
    assert row["recomputed"] == "7.45" and "0.13" in row["explanation"]


def test_report_is_current_and_lists_inconsistent_first(audit):
    from kzict.claims import report

    text = (REPO / "reports" / "claims.md").read_text(encoding="utf-8")
    assert text == report(audit), "reports/claims.md is stale: run `make audit`"
    ch2 = text.split("## Chapter 2")[1].split("## Chapter 3")[0]
    assert ch2.index("**inconsistent**") < ch2.index("**unverifiable**") < ch2.index("**consistent**")
