"""Derived tables: built from other clean tables (and a raw sheet of links), never typed by hand.

The scorecards set each target beside the outcome series that speaks to it
(``outcomes.xlsx``, sheet ``Links``) and judge it with :func:`kzict.scorecard.verdict`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

from kzict.build import rawbook as rb
from kzict.build.rawbook import RawTable
from kzict.scorecard import NOT_MEASURED, Verdict, verdict

LINKS = ("outcomes.xlsx", "Links", ["Programme", "Target", "Indicator", "Comparable", "Basis"])
STEP_YEARS = {"egov_rank": 2}  # the UN survey is biennial; every other series is yearly


@dataclass(frozen=True)
class Derived:
    name: str
    inputs: tuple[str, ...]
    build: Callable[[dict[str, pd.DataFrame], RawTable], pd.DataFrame]


def _links(raw: RawTable, programme: str) -> dict[int, dict]:
    h = dict(zip(["programme", "target", "indicator", "comparable", "basis"], LINKS[2]))
    rows = zip(
        raw.parse(h["programme"], rb.text),
        raw.parse(h["target"], rb.whole),
        raw.parse(h["indicator"], rb.optional_text),
        raw.parse(h["comparable"], _yes_no),
        raw.parse(h["basis"], rb.text),
    )
    return {t: {"indicator": i, "comparable": c, "basis": b} for p, t, i, c, b in rows if p == programme}


def _yes_no(value) -> bool:
    text = rb.text(value)
    if text not in ("yes", "no"):
        raise ValueError("expected 'yes' or 'no'")
    return text == "yes"


def _score(targets: pd.DataFrame, outcomes: pd.DataFrame, links: dict[int, dict], programme: str) -> pd.DataFrame:
    rows = []
    for t in targets.itertuples(index=False):
        link = links.get(t.target_id)
        if link is None:
            raise ValueError(f"{programme} target {t.target_id} has no row in the Links sheet")
        series = outcomes[outcomes["indicator"] == link["indicator"]] if link["indicator"] else outcomes.iloc[:0]
        if link["comparable"]:
            v = verdict(
                t.target_value,
                t.comparison,
                t.unit,
                t.target_year,
                series,
                step_years=STEP_YEARS.get(link["indicator"], 1),
            )
            basis = f"{v.basis}. {link['basis']}" if v.status != NOT_MEASURED else v.basis
        else:  # no comparable figure: say why, never judge on a different measure
            v, basis = Verdict(NOT_MEASURED, link["basis"]), link["basis"]
        rows.append(
            {
                "target_id": t.target_id,
                "target": t.target,
                "target_value": t.target_value,
                "unit": t.unit,
                "comparison": t.comparison,
                "target_year": t.target_year,
                "outcome_indicator": link["indicator"],
                "outcome_year": v.outcome_year,
                "outcome_value": v.outcome_value,
                "outcome_qualifier": v.outcome_qualifier,
                "nearest_year": v.nearest_year,
                "status": v.status,
                "first_met_year": v.first_met_year,
                "basis": " ".join(basis.split()),
                "source_id": v.source_id,
                "grade": v.grade,
                "locator": v.locator,
            }
        )
    out = pd.DataFrame(rows)
    for col in ("outcome_year", "first_met_year"):
        out[col] = out[col].astype("Int64")
    out["outcome_value"] = out["outcome_value"].astype(float)  # all-NA columns would otherwise be objects
    return out


def ik2020_scorecard(tables, raw: RawTable) -> pd.DataFrame:
    t = tables["ik2020_targets"].rename(columns={"indicator_id": "target_id", "indicator": "target"})
    return _score(t, tables["indicator_outcomes"], _links(raw, "ik2020"), "ik2020")


def ict_programme_scorecard(tables, raw: RawTable) -> pd.DataFrame:
    g = tables["ict_programme_2010_2014"]
    g = g[g["unit"].notna()]  # the quantitative goals; the qualitative rows have no target to meet
    t = pd.DataFrame(
        {
            "target_id": g["goal_id"],
            "target": g["goal"],
            "target_value": g["target_2014"],
            "unit": g["unit"],
            "comparison": "at_least",
            "target_year": 2014,
        }
    )
    return _score(t, tables["indicator_outcomes"], _links(raw, "ict_programme_2010_2014"), "ict_programme_2010_2014")


DERIVED = {
    d.name: d
    for d in (
        Derived("ik2020_scorecard", ("ik2020_targets", "indicator_outcomes"), ik2020_scorecard),
        Derived("ict_programme_scorecard", ("ict_programme_2010_2014", "indicator_outcomes"), ict_programme_scorecard),
    )
}
