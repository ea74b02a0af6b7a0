"""The claims audit: the tolerance policy and each check kind on made-up data (both outcomes), then the
real registry claim by claim, both verdicts."""

import pandas as pd
import pytest
from conftest import REPO

import kzict
from kzict import claim_checks as c
from kzict.claims import CONSISTENT, INCONSISTENT, UNVERIFIABLE, Data

C, X, U = CONSISTENT, INCONSISTENT, UNVERIFIABLE
NO_FIXES = pd.DataFrame(columns=["correction_id", "dataset", "key", "field", "printed", "used"])
T = pd.DataFrame({"k": ["a", "b", "c", "d"], "v": [10.0, 40.0, 30.0, 20.0], "y": [2010, 2011, 2012, 2013]})


def ref(k=None, **where):
    return {"dataset": "t", "where": ({"k": k} if k else where), "field": "v"}


def mk(**tables):
    return Data(tables, corrections=NO_FIXES)


@pytest.fixture
def data():
    return mk(t=T)


@pytest.mark.parametrize(
    "printed, tol",
    [
        (["6.3"], 0.05),
        (["18"], 0.5),
        (["30"], 0.5),  # a lone multiple of 5 is no evidence of rounding to 5
        (["30%", "20%", "25%", "5%"], 2.5),
        ([30, 20, 31], 0.5),
        ([7.5, 18.5], 0.25),
        ([7.5, 18.4], 0.05),
        (["2990.2", "1938.3"], 0.05),
        ([2.4, 27], 0.05),  # mixed places: the finest
    ],
)
def test_tolerance_follows_the_print(printed, tol):
    assert c.tolerance(printed) == tol


@pytest.mark.parametrize("printed, status", [(4, C), (2, X), (4.6, X)])
def test_multiple(data, printed, status):
    v = c.check_multiple(data, {"numerator": ref("b"), "denominator": ref("a"), "printed": printed})
    assert v.status == status and v.recomputed == "4.00" and "40 / 10 = 4.00" in v.explanation


def test_multiple_reads_a_pair_of_halves_to_the_half(data):
    args = {"numerator": ref("b"), "denominator": ref("a"), "printed": 4.2}
    assert c.check_multiple(data, args).status == X  # ±0.05
    assert c.check_multiple(data, {**args, "printed": 4.0, "printed_with": [4.0, 8.5]}).status == C


@pytest.mark.parametrize("periods, status", [(2, C), (4, X)])
def test_cagr_printed_periods(data, periods, status):
    # 10 -> 40 in 2 periods is 100 % a year; in 4 periods 41.4 %
    assert c.check_cagr(data, {"start": ref("a"), "end": ref("b"), "periods": periods, "printed": 100}).status == status


def test_cagr_and_period_take_the_years_from_dated_columns():
    d = mk(f=pd.DataFrame({"g": [1], "value_2009": [90.0], "target_2014": [172.0]}))
    start = {"dataset": "f", "where": {"g": 1}, "field": "value_2009"}
    end = {"dataset": "f", "where": {"g": 1}, "field": "target_2014"}
    v = c.check_cagr(d, {"start": start, "end": end, "printed": 18})
    assert v.status == X and v.recomputed == "13.8" and "2009 to 2014" in v.explanation
    assert c.check_cagr(d, {"start": start, "end": end, "printed": 14}).status == C
    assert c.check_period(d, {"start": start, "end": end, "against": "F", "printed": 4}).status == X
    assert c.check_period(d, {"start": start, "end": end, "against": "F", "printed": 5}).status == C


@pytest.mark.parametrize(
    "printed, at_most, status", [(100, False, C), (98.5, False, C), (97, False, X), (120, True, C), (97, True, X)]
)
def test_sum(printed, at_most, status):
    # four shares printed to whole numbers: their roundings add up to ±2
    d = mk(t=pd.DataFrame({"v": [11.0, 39.0, 30.0, 20.0]}))
    v = c.check_sum(d, {"values": {"dataset": "t", "field": "v"}, "printed": printed, "at_most": at_most})
    assert v.status == status and v.recomputed == "100" and v.tolerance == 2


def whole_args(*names):
    return {
        "shares": {"dataset": "s", "where": {"m": "g"}, "field": "v"},
        "label": "k",
        "printed_with": {"dataset": "s", "field": "p"},
        "bases": [{"name": n, "dataset": "b", "where": {"name": n}, "field": "v"} for n in names],
    }


def test_whole_counts_at_the_printed_step():
    bases = pd.DataFrame({"name": ["n42", "n14"], "v": [42.0, 14.0]})
    # printed to whole percentages (31 is not a multiple of 5): ±0.5
    fine = pd.DataFrame({"k": ["x", "y"], "v": [69.0, 31.0], "m": "g", "p": ["69%", "31%"]})
    d = mk(s=fine, b=bases)
    assert c.check_whole_counts(d, whole_args("n42")).status == C  # 29/42 = 69.05 %, 13/42 = 30.95 %
    assert c.check_whole_counts(d, whole_args("n14")).status == X  # 9/14 = 64.3 %, 10/14 = 71.4 %
    assert c.check_whole_counts(d, whole_args("n42")).tolerance == 0.5
    # printed in fives: ±2.5; 25 % of 14 is 3.5 people, and 3/14 = 21.4 %, 4/14 = 28.6 % miss 25 ± 2.5
    fives = pd.DataFrame({"k": ["x", "y", "z"], "v": [70.0, 25.0, 5.0], "m": "g", "p": ["70%", "25%", "5%"]})
    d = mk(s=fives, b=bases)
    bad = c.check_whole_counts(d, whole_args("n14"))
    assert bad.status == X and "25 %: none" in bad.explanation and bad.tolerance == 2.5
    ok = c.check_whole_counts(d, whole_args("n42"))
    assert ok.status == C and "70 %: 29-30" in ok.explanation
    assert c.check_whole_counts(d, whole_args("n14", "n42")).status == C  # any base that fits


def test_whole_counts_list_every_fitting_count():
    assert c._whole(25, 42, 0.5) == []  # 10/42 = 23.8 %, 11/42 = 26.2 %
    assert c._whole(12.5, 8, 0.5) == [1]  # exactly 12.5 % of 8
    assert c._whole(30, 42, 2.5) == [12, 13]


@pytest.mark.parametrize("printed, distinct, status", [(4, None, C), (8, None, X), (2, "g", C), (3, "g", X)])
def test_count(printed, distinct, status):
    d = mk(t=T.assign(g=["p", "p", "q", "q"]))
    v = c.check_count(d, {"rows": {"dataset": "t"}, "what": "rows", "printed": printed, "distinct": distinct})
    assert v.status == status


@pytest.fixture
def equal_data():
    return mk(t=T.rename(columns={"v": "v_2012"}))


@pytest.mark.parametrize(
    "printed, extra, status",
    [(30, {}, C), (29.6, {}, X), (30.3, {}, X), (30, {"printed_year": 2012}, C), (30, {"printed_year": 2013}, X)],
)
def test_equal_value_and_year(equal_data, printed, extra, status):
    # 29.6 and 30.3 are printed to 0.1 (±0.05); a printed year must be the column's
    value = {"dataset": "t", "where": {"k": "c"}, "field": "v_2012"}
    assert c.check_equal(equal_data, {"value": value, "against": "T", "printed": printed, **extra}).status == status


def test_below_majority_of_groups_needs_a_majority_in_every_group(data):
    args = {"dataset": "t", "key": "k", "entity": "c", "field": "v", "groups": {"G1": ["b", "d"], "G2": ["b"]}}
    v = c.check_below_majority_of_groups(data, args)  # c = 30: G1 has b (40) above, d (20) below: 1 of 2
    assert v.status == X and "G1: 1 of 2 higher" in v.explanation and "G2: 1 of 1 higher" in v.explanation
    assert c.check_below_majority_of_groups(data, {**args, "groups": {"G2": ["b"]}}).status == C


@pytest.mark.parametrize(
    "shares, named, status",
    [([5.0, 40.0, 20.0], ["b", "c"], U), ([5.0, 50.0, 30.0], ["b", "c"], C), ([5.0, 40.0, 30.0], ["b", "a"], X)],
)
def test_top_n(shares, named, status):
    d = mk(t=pd.DataFrame({"k": ["a", "b", "c"], "v": shares}))
    v = c.check_top_n(d, {"rows": {"dataset": "t", "field": "v"}, "label": "k", "named": named})
    assert v.status == status  # U: the 35 % not broken down could outrank c's 20 %


@pytest.mark.parametrize("printed, status", [("increase", C), ("decrease", X)])
def test_direction(data, printed, status):
    assert c.check_direction(data, {"old": ref("a"), "new": ref("b"), "printed": printed}).status == status


@pytest.mark.parametrize("new, status", [([2, 3, 4], C), ([2, 3, 0.5], C), ([2, 0.5, 0.5], X)])
def test_rises(new, status):
    d = mk(t=pd.DataFrame({"old": [1.0, 1.0, 1.0], "new": new}))
    assert c.check_rises(d, {"rows": {"dataset": "t"}, "old": "old", "new": "new", "what": "rows"}).status == status


@pytest.mark.parametrize("low, mid, high, status", [("a", "c", "b", C), ("b", "a", "c", X)])
def test_range(data, low, mid, high, status):
    assert c.check_range(data, {"low": ref(low), "mid": ref(mid), "high": ref(high)}).status == status


@pytest.mark.parametrize("k, status", [("c", C), ("b", X)])
def test_within(k, status):
    d = mk(t=T, p=pd.DataFrame({"k": ["x", "y"], "v": [20.0, 35.0]}))
    assert c.check_within(d, {"value": ref(k), "parts": {"dataset": "p", "field": "v"}}).status == status


def test_ambiguous_reference_is_an_error(data):
    with pytest.raises(ValueError, match="matches 4 rows"):
        data.value({"dataset": "t", "field": "v"})


def test_printed_data_undoes_a_correction_and_remembers_it():
    trade = pd.DataFrame({"year": [2014, 2014], "flow": ["import", "export"], "label": ["export", "import"]})
    fixes = pd.DataFrame(
        {
            "correction_id": ["f1", "f2"],
            "dataset": "tr",
            "key": ["year=2014; label=export", "year=2014; label=import"],
            "field": "flow",
            "printed": ["export", "import"],
            "used": ["import", "export"],
        }
    )
    printed, published = Data({"tr": trade}, printed=True, corrections=fixes), Data({"tr": trade}, corrections=fixes)
    assert printed.rows({"dataset": "tr", "where": {"flow": "export"}})["label"].tolist() == ["export"]
    assert printed.read == {"f1"}
    assert published.rows({"dataset": "tr", "where": {"flow": "export"}})["label"].tolist() == ["import"]
    assert published.read == {"f2"}


def test_registry_rejects_unknown_checks_and_typed_tolerances(tmp_path):
    p = tmp_path / "claims.yaml"
    p.write_text("claims:\n  - {claim_id: x, chapter: 2, locator: l, claim: c, printed: 1, check: nope, args: {}}\n")
    with pytest.raises(ValueError, match="unknown check 'nope'"):
        kzict.claims.load_registry(p)
    p.write_text(
        "claims:\n  - {claim_id: x, chapter: 2, locator: l, claim: c, printed: 1, check: sum, args: {tolerance: 1}}\n"
    )
    with pytest.raises(ValueError, match="types a tolerance"):
        kzict.claims.load_registry(p)


# --- the real registry: both verdicts of every claim -----------------------------------------------

EXPECTED = {
    # Chapter 2
    "ch2-survey-questions": (C, C),
    "ch2-survey-duration": (U, U),
    "ch2-sample-nested": (C, C),
    "ch2-purpose-shares-sum": (C, C),
    "ch2-purpose-whole-counts": (C, C),
    "ch2-years-abroad": (U, U),
    "ch2-age-range": (C, C),
    "ch2-residence-shares-sum": (C, C),
    "ch2-residence-whole-counts": (C, C),
    "ch2-gender-shares-sum": (C, C),
    "ch2-gender-whole-counts": (C, C),
    "ch2-experience-years": (U, U),
    "ch2-ten-employees": (U, U),
    "ch2-first-cycle-labels": (C, C),
    "ch2-two-groups": (C, C),
    "ch2-word-cloud-share": (U, U),
    "ch2-final-variables": (C, C),
    "ch2-eight-variables-grouped": (X, X),
    # Chapter 3
    "ch3-oecd-bva-8.6pct": (U, U),
    "ch3-kaz-bva-6pct": (C, C),
    "ch3-telecom-share": (U, U),
    "ch3-growth-target-18pct": (X, X),
    "ch3-kaz-bva-6.3pct-2006": (C, C),
    "ch3-kaz-below-majority": (X, X),
    "ch3-table1-cells": (U, U),
    "ch3-figure1-shares": (U, U),
    "ch3-mobile-landline-coverage": (U, U),
    "ch3-local-content-hardware-2010": (X, X),
    "ch3-local-content-services": (C, C),
    "ch3-turnover-172bn": (C, C),
    "ch3-gdp-share-3.8pct": (C, C),
    "ch3-turnover-cagr-4-years": (C, C),
    "ch3-turnover-cagr-period": (X, X),
    "ch3-local-content-equipment-target": (C, C),
    "ch3-local-content-services-target": (C, C),
    "ch3-figure2-measures-improve": (C, C),
    "ch3-spending-total-2015": (U, U),
    "ch3-spending-growth-vs-2014": (U, U),
    "ch3-spending-growth-vs-2011": (U, U),
    "ch3-spending-top-three": (U, U),
    "ch3-spending-shares-at-most-100": (C, C),
    "ch3-third-party-decrease": (C, C),
    "ch3-domestic-systems-decrease": (U, U),
    "ch3-export-fourfold-decline": (X, C),
    "ch3-export-growth-2011-2013": (U, U),
    "ch3-import-twofold-decline": (X, C),
    "ch3-import-over-export-2014": (X, C),
    "ch3-import-over-export-2015": (X, C),
    "ch3-production-growth-25pct": (U, U),
    "ch3-iitu-2009": (U, U),
    "ch3-figure2-gdp-share-2009": (U, U),
    "ch3-figure2-it-market-local-content-2009": (C, C),
    "ch3-figure2-it-market-local-content-2014": (C, C),
    "ch3-figure2-export-share-2009": (U, U),
    "ch3-figure2-oecd-survey": (U, U),
    "ch3-ict-goods-trade-share": (C, C),
    "ch3-ict-goods-trade-share-emerging": (U, U),
    "ch3-idi-2012-rank": (U, U),
    "ch3-nri-2013-rank": (C, C),
    "ch3-nri-2013-economies": (C, C),
    "ch3-nri-improved": (C, C),
    "ch3-ik2020-launched-2013": (C, C),
    "ch3-ik2020-phases": (U, U),
    "ch3-ik2020-13-targets": (C, C),
    "ch3-ik2020-target-values": (U, U),
    "ch3-programme-decree-2010": (C, C),
    "ch3-figure3-decree-193": (U, U),
    "ch3-fund-july-2012": (U, U),
    # Chapter 5
    "ch5-three-channels": (C, C),
    "ch5-returnee-story": (U, U),
    "ch5-team-7-8": (U, U),
    "ch5-asadel-capital": (U, U),
    "ch5-asadel-allocation-sum": (C, C),
    "ch5-asadel-ticket-within-fund": (C, C),
    "ch5-asadel-stakes": (U, U),
}


@pytest.fixture(scope="module")
def audit():
    return kzict.audit()


def test_every_claim_has_both_expected_verdicts(audit):
    got = {r.claim_id: (r.status, r.status_corrected) for r in audit.itertuples()}
    assert got == EXPECTED


def test_audit_columns_and_explanations(audit):
    assert list(audit.columns[:8]) == [
        "claim_id",
        "locator",
        "claim",
        "printed",
        "recomputed",
        "status",
        "explanation",
        "status_corrected",
    ]
    assert audit["locator"].str.contains(r"p\. \d+").all()
    assert audit["explanation"].str.len().min() > 20
    checked = audit[audit["status"] != UNVERIFIABLE]
    assert checked["recomputed"].notna().all() and checked["explanation"].str.contains(r"\d").all()
    assert audit.loc[audit["status"] == UNVERIFIABLE, "recomputed"].isna().all()
    assert audit["chapter"].isin([2, 3, 5]).all()


def test_only_the_corrected_trade_claims_differ_and_say_how(audit):
    touched = audit[audit["correction_id"].notna()].set_index("claim_id")
    assert set(touched.index) == {k for k, (p, q) in EXPECTED.items() if p != q}
    ids = {i for s in touched["correction_id"] for i in s.split(", ")}
    assert ids <= set(kzict.corrections()["correction_id"]) and all(i.startswith("it_trade-") for i in ids)
    assert touched["correction_effect"].str.contains("inconsistent as printed, consistent corrected").all()
    row = touched.loc["ch3-import-over-export-2014"]
    assert row["recomputed"] == "0.13" and row["recomputed_corrected"] == "7.45" and row["tolerance"] == 0.25
    untouched = audit[audit["correction_id"].isna()]
    assert (untouched["status"] == untouched["status_corrected"]).all() and untouched["correction_effect"].isna().all()


def test_tolerances_come_from_the_print(audit):
    t = audit.set_index("claim_id")["tolerance"]
    assert t["ch2-purpose-whole-counts"] == 2.5  # the passage's shares are all multiples of 5
    assert t["ch3-kaz-bva-6.3pct-2006"] == 0.05 and t["ch3-growth-target-18pct"] == 0.5
    assert t["ch3-export-fourfold-decline"] == 0.5 and t["ch3-import-over-export-2015"] == 0.25


def test_report_is_current_states_the_policy_and_lists_inconsistent_first(audit):
    from kzict.claims import POLICY, report

    text = (REPO / "reports" / "claims.md").read_text(encoding="utf-8")
    assert text == report(audit), "reports/claims.md is stale: run `make audit`"
    assert POLICY in text and "## What the corrections change" in text
    ch2 = text.split("## Chapter 2")[1].split("## Chapter 3")[0]
    assert ch2.index("| **inconsistent** |") < ch2.index("| **unverifiable** |") < ch2.index("| **consistent** |")
