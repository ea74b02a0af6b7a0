"""Targets against outcomes: the verdict for one target from one outcome series.

Pure functions on small frames, so that every status and both comparison
directions can be tested on made-up data; the build step that assembles the
scorecards lives in :mod:`kzict.build.steps`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

MET, NOT_MET, NOT_MEASURED = "met", "not_met", "not_measured"
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
        best = obs.loc[obs["value"].idxmin() if comparison == "at_most" else obs["value"].idxmax()]
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
