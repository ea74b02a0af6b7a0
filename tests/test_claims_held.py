"""No claim is 'unverifiable' while a table the package holds has its figure: every unverifiable claim whose
printed number a table read from the public data files holds, for a year and economy (Kazakhstan or the World)
the claim names, is either checked against it or says in its reason, naming that table, why it is not its figure."""

import re

import pytest
import yaml
from conftest import REPO

import kzict
from kzict.claim_checks import UNVERIFIABLE, tolerance
from kzict.tables import registry

FIGURES = re.compile(r"[\d.\s%;,<>=\-]+|\d+ of \d+")  # a printed value of numbers only (not "13 targets")
YEAR = re.compile(r"\b(19[6-9]\d|20[0-3]\d)\b")
ECONOMIES = {"KAZ", "WLD"}  # the claims are about Kazakhstan or the world


def _claims() -> list[dict]:
    return yaml.safe_load((REPO / "data" / "raw" / "claims.yaml").read_text(encoding="utf-8"))["claims"]


def holders(claim: dict, tables: dict) -> set[str]:
    """The file-read tables holding a printed number of ``claim`` (within its print's tolerance) for a year it names."""
    printed = str(claim["printed"])
    years = {int(y) for y in YEAR.findall(claim["claim"])}
    numbers = [n for n in re.findall(r"\d+(?:\.\d+)?", printed) if not YEAR.fullmatch(n)]
    if not FIGURES.fullmatch(printed) or not years or not numbers:
        return set()
    found = set()
    for name, df in tables.items():
        col = next((c for c in ("year", "edition", "data_year") if c in df.columns), None)
        if col is None:
            continue
        rows = df[df[col].isin(list(years))]
        rows = rows[rows["iso3"].isin(list(ECONOMIES))] if "iso3" in rows else rows
        values = rows.select_dtypes("number").drop(columns=[col, "decimals"], errors="ignore")
        for n in numbers:
            if ((values - float(n)).abs() <= tolerance([n])).any(axis=None):
                found.add(name)
    return found


@pytest.fixture(scope="module")
def file_tables():
    # wdi_vintages is left out: its values for a year and economy are wdi_indicators' and their revisions
    return {n: kzict.load(n) for n, d in registry().items() if d.snapshots is not None and n != "wdi_vintages"}


def test_no_claim_is_unverifiable_while_a_table_holds_its_figure(file_tables):
    unexplained = {}
    for c in _claims():
        if c["check"] != "unverifiable":
            continue
        missing = {t for t in holders(c, file_tables) if t not in c["args"]["reason"]}
        if missing:
            unexplained[c["claim_id"]] = sorted(missing)
    assert unexplained == {}


def test_the_claims_now_checked_against_the_files(file_tables):
    audit = kzict.audit().set_index("claim_id")
    nri, trade = audit.loc["ch3-nri-2013-rank"], audit.loc["ch3-ict-goods-trade-share"]
    assert (nri["status"], nri["recomputed"]) == ("consistent", "43")
    assert audit.loc["ch3-nri-2013-economies", "recomputed"] == "144"
    assert (trade["status"], trade["recomputed"]) == ("consistent", "11.7345 to 12.6376")  # exports, imports
    # both were unverifiable before: the search finds them in the tables
    claims = {c["claim_id"]: c for c in _claims()}
    assert holders(claims["ch3-nri-2013-rank"], file_tables) == {"nri_index"}
    assert "wdi_indicators" in holders(claims["ch3-ict-goods-trade-share"], file_tables)


def test_the_search_finds_a_figure_and_ignores_what_no_table_holds(file_tables):
    held = {"claim": "Kazakhstan scored 4.58 in the NRI 2014", "printed": "4.58", "check": UNVERIFIABLE}
    assert holders(held, file_tables) == {"nri_index"}
    assert holders({**held, "printed": "4.75"}, file_tables) == set()
    assert holders({**held, "printed": "4.58 points"}, file_tables) == set()  # a figure in words: not searched
