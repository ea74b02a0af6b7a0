"""Targets against outcomes: the verdict for one target from one outcome series.

Pure functions on small frames, so that every status and both comparison
directions can be tested on made-up data. :func:`score` judges a table of targets
against the outcome series each is linked to; the scorecard datasets
(``kzict/tables/*_scorecard.py``) call it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

MET, NOT_MET, NOT_MEASURED = "met", "not_met", "not_measured"
PROXY = "proxy"
MAX_YEARS_AWAY = 2  # the nearest figure may stand in for the target year if it is this close


@dataclass(frozen=True)
class Verdict:
    status: str
    basis: str
    outcome_year: int | None = None
    outcome_value: float | None = None
    outcome_qualifier: str | None = None
    nearest_year: bool = False
    first_met_year: int | None = None
    source_id: str | None = None
    grade: str | None = None
    locator: str | None = None


def _meets(value: float, target: float, comparison: str) -> bool:
    return value >= target if comparison == "at_least" else value <= target


def _fmt(v: float, unit: str) -> str:
    text = f"{v:.6g}"
    return f"rank {text}" if unit == "rank" else f"{text} %" if unit == "%" else f"{text} {unit}"


def verdict(
    target: float,
    comparison: str,
    unit: str,
    target_year: int,
    series: pd.DataFrame,
    step_years: int = 1,
    no_figure: str = "no comparable figure found",
) -> Verdict:
    """Judge one target against an outcome series.

    ``series`` has columns year, value (NA where a figure was looked for and not found), qualifier,
    source_id, grade, locator, note. ``step_years`` is how often the series is published (1: yearly,
    2: the biennial UN survey), used to tell a first crossing seen in consecutive figures from one
    hidden in a gap.
    """
    obs = series.dropna(subset=["value"]).sort_values("year")
    if obs.empty:
        note = next((n for n in series.get("note", pd.Series(dtype=object)).dropna()), None)
        return Verdict(NOT_MEASURED, note or no_figure)
    gaps = (obs["year"] - target_year).abs()
    if gaps.min() > MAX_YEARS_AWAY:
        return Verdict(
            NOT_MEASURED,
            f"no figure within {MAX_YEARS_AWAY} years of {target_year} "
            f"(figures for {', '.join(map(str, obs['year']))})",
        )
    # the target year itself, else the nearest year (the later one on a tie: evidence of 'by then')
    pick = obs.assign(_gap=gaps, _late=-obs["year"]).sort_values(["_gap", "_late"]).iloc[0]
    value, year = float(pick["value"]), int(pick["year"])
    met = _meets(value, target, comparison)
    sign = ("≥" if met else "<") if comparison == "at_least" else ("≤" if met else ">")
    where = f"in {year}" if year == target_year else f"in {year}, the nearest figure to {target_year}"
    qual = f"{pick['qualifier']} " if isinstance(pick.get("qualifier"), str) else ""
    parts = [f"{qual}{_fmt(value, unit)} {where} {sign} the target {_fmt(target, unit)}"]

    first = None
    meets = [_meets(float(v), target, comparison) for v in obs["value"]]
    years = [int(y) for y in obs["year"]]
    if any(meets):
        i = meets.index(True)
        if i == 0:
            parts.append(
                f"met in every figure from the first ({years[0]})"
                if all(meets)
                else f"met in the first figure ({years[0]})"
            )
        elif years[i] - years[i - 1] <= step_years:
            first = years[i]
            parts.append(f"first met in {first} ({_fmt(float(obs['value'].iloc[i - 1]), unit)} in {years[i - 1]})")
        else:
            parts.append(f"first met between {years[i - 1]} and {years[i]} (no figures in between)")
    else:
        values = obs["value"].to_numpy()  # the first best figure, as idxmin/idxmax would pick it
        best = obs.iloc[int(values.argmin() if comparison == "at_most" else values.argmax())]
        parts.append(
            f"never met in the figures {years[0]}-{years[-1]}; best {_fmt(float(best['value']), unit)} "
            f"({int(best['year'])})"
        )
    return Verdict(
        MET if met else NOT_MET,
        "; ".join(parts),
        outcome_year=year,
        outcome_value=value,
        outcome_qualifier=pick["qualifier"] if isinstance(pick.get("qualifier"), str) else None,
        nearest_year=year != target_year,
        first_met_year=first,
        source_id=pick["source_id"],
        grade=pick["grade"],
        locator=pick["locator"],
    )


def score(
    targets: pd.DataFrame, outcomes: pd.DataFrame, links: dict[int, dict], programme: str, step_years: dict[str, int]
) -> pd.DataFrame:
    """One verdict per target. ``links`` maps a target id to its outcome indicator, comparability and basis.

    One rule for every target: a 'same_definition' or 'proxy' outcome is judged (a proxy verdict says so
    first in its basis); 'none' is not judged, whatever figures of other measures exist.
    """
    rows = []
    t: Any  # a row: its fields are the targets table's columns
    for t in targets.itertuples(index=False):
        link = links.get(t.target_id)
        if link is None:
            raise ValueError(f"{programme} target {t.target_id} has no row in the Links sheet")
        series = outcomes[outcomes["indicator"] == link["indicator"]] if link["indicator"] else outcomes.iloc[:0]
        if link["comparability"] != "none":
            v = verdict(
                t.target_value,
                t.comparison,
                t.unit,
                t.target_year,
                series,
                step_years=step_years.get(link["indicator"], 1),
            )
            if link["comparability"] == PROXY:  # the verdict rests on a stand-in: say so first
                basis = f"On a proxy: {link['basis']}. {v.basis}"
            else:
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
                "comparability": link["comparability"],
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
