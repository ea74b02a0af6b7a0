"""What officials and the press say about the sector, each number held against kzict's own tables.

The statements are data (``data/raw/statements.yaml``; validated by ``kzict.statement_registry``).
:func:`judge` gives each a verdict: ``consistent``, ``inconsistent`` or ``unverifiable`` (the data lack
the economy, the year or the series, or the statement's definition differs from the data's; ``reason``
says which), never a guess. The kinds are in ``kzict.statement_kinds``, the tables in
``kzict.statement_series``, the tolerance in ``kzict.tolerance`` (the rule the thesis audit uses too).
A new statement is a new record, never new code. The build makes the clean table ``public_statements``
with :func:`table`; ``kzict.statements()`` returns it.

**Definitions.** A statement whose measure is ``narrower`` than the series (a part of it) cannot exceed
it, and one ``broader`` cannot fall short of it: for a ``level`` or ``reached_by`` statement that one-sided
bound decides ``inconsistent`` (or, for a broader target reached, ``consistent``); whatever the bound
cannot decide is ``unverifiable``. A ``different`` definition is never judged.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

import pandas as pd

from kzict import tolerance as tol
from kzict.statement_kinds import KINDS, Claim, Finding, g
from kzict.statement_registry import DEFINITIONS, check
from kzict.statement_series import INPUTS, SHAPES

__all__ = ["COLUMNS", "DEFINITIONS", "INPUTS", "KINDS", "VERDICTS", "check", "judge", "table"]

CONSISTENT, INCONSISTENT, UNVERIFIABLE = "consistent", "inconsistent", "unverifiable"
VERDICTS = (CONSISTENT, INCONSISTENT, UNVERIFIABLE)
REGISTRY = "statements.yaml"
SOURCE_ID = "kzict_statements"  # the sources row of the registry; each row's `url` names the publisher
COLUMNS = [
    "id", "quote", "quote_en", "speaker", "date", "url", "topic", "kind", "dataset", "indicator", "economy",
    "year", "base_year", "value", "scale", "among", "population", "series", "note",
    "verdict", "data_value", "data_year", "release", "tolerance", "definition", "reason",
    "source_id", "locator", "data_source_id", "data_locator",
]  # fmt: skip


def _population(rec: dict, series: Callable[[str], pd.DataFrame]) -> Callable[[int], float | None] | None:
    """The population of a year for count_change_pct: a held population series, or count / per 100 × 100."""
    pop = rec.get("population")
    if pop is None:
        return None

    def value(code: str, year: int) -> float | None:
        s = series(code)
        hit = s[(s["economy"] == rec["economy"]) & (s["year"] == year)]["value"]
        return None if hit.empty else float(hit.iloc[0])

    if isinstance(pop, str):
        return lambda y: value(pop, y)

    def ratio(y: int) -> float | None:
        count, per = value(pop["count"], y), value(pop["per_100"], y)
        return None if count is None or not per else count / per * 100

    return ratio


def _one(findings: list[Finding], claimed: float) -> Finding:
    """The candidate years' findings as one: they must agree; the closest figure is the one shown."""
    if len(findings) == 1:
        return findings[0]
    oks = {f.ok for f in findings}
    each = "; ".join(f"{f.year or '?'}: {f.text}" for f in findings)
    if len(oks) > 1 or None in oks:
        return Finding(None, f"the statement does not say which year it means, and the years disagree ({each})")
    best = min(findings, key=lambda f: abs((f.value or 0) - claimed))
    return Finding(best.ok, f"whichever year it means ({each})", best.value, best.year, best.rows, best.relation)


def _verdict(rec: dict, f: Finding, claimed: float, t: float) -> tuple[str, str]:
    """The verdict and its reason, the statement's definition taken into account."""
    if f.ok is None:
        return UNVERIFIABLE, f.text
    said = f.text + (tol.edge_note(f.value, claimed, t) if f.ok and f.value is not None else "")
    d = rec["definition"]
    if d == "same":
        return (CONSISTENT if f.ok else INCONSISTENT), said
    if d == "different":
        return UNVERIFIABLE, f"the statement's definition differs from the series', so it is not judged; {said}"
    part = d == "narrower"
    bound = "a part cannot exceed the whole" if part else "the whole cannot fall short of its part"
    if rec["kind"] == "level" and f.value is not None:
        beyond = f.value < claimed - t if part else f.value > claimed + t
        if beyond:
            return INCONSISTENT, f"the statement's measure is {d} than the series and {bound}: {said}"
    if rec["kind"] == "reached_by":
        if part and f.ok is False:
            return INCONSISTENT, f"the statement's measure is {d} than the series and {bound}: {said}"
        if not part and f.ok:
            return CONSISTENT, f"the statement's measure is {d} than the series, which reached it: {said}"
    return UNVERIFIABLE, f"the statement's measure is {d} than the series, which bounds it on one side only: {said}"


def _row(rec: dict, verdict: str, reason: str, f: Finding | None, t: float | None) -> dict:
    rows = f.rows if f else []
    years = " or ".join(str(y) for y in rec["year"])
    pop = rec.get("population")
    return {k: rec.get(k) for k in COLUMNS} | {
        "year": years,
        "among": ", ".join(rec["among"]) if rec.get("among") else None,
        "population": (pop if isinstance(pop, str) else f"{pop['count']} / {pop['per_100']} × 100") if pop else None,
        "verdict": verdict,
        "data_value": f.value if f else None,
        "data_year": f.year if f and f.value is not None else None,
        "release": "; ".join(dict.fromkeys(r["release"] for r in rows)) or None,
        "tolerance": t,
        "reason": reason,
        "source_id": SOURCE_ID,
        "locator": f"{REGISTRY}, record {rec['id']}",
        "data_source_id": rows[0]["source_id"] if rows else None,
        "data_locator": "; ".join(dict.fromkeys(r["locator"] for r in rows)) or None,
    }


def judge(records: list[dict], tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per checked record (``COLUMNS``), in the registry's order."""
    cache: dict[tuple[str, str], pd.DataFrame] = {}

    def series(dataset: str, indicator: str) -> pd.DataFrame:
        if (dataset, indicator) not in cache:
            cache[dataset, indicator] = SHAPES[dataset].series(tables[dataset], indicator)
        return cache[dataset, indicator]

    out = []
    for rec in records:
        if rec.get("dataset") is None:
            why = f"no kzict table holds the series that would check it ({rec['series']})"
            out.append(_row(rec, UNVERIFIABLE, why, None, None))
            continue
        fn, _, exact = KINDS[rec["kind"]]
        claimed = float(tol.number(rec["value"]))
        t = 0.0 if exact else tol.of_statement(rec["value"])
        claim = Claim(
            rec,
            series(rec["dataset"], rec["indicator"]),
            SHAPES[rec["dataset"]],
            claimed,
            t,
            rec["scale"],
            _population(rec, partial(series, rec["dataset"])),
        )
        f = _one([fn(claim, y) for y in rec["year"]], claimed)
        verdict, reason = _verdict(rec, f, claimed, t)
        out.append(_row(rec, verdict, reason, f, t))
    df = pd.DataFrame(out, columns=COLUMNS)
    for c in ("base_year", "data_year"):
        df[c] = df[c].astype("Int64")
    return df


def table(doc: Any, tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The clean ``public_statements`` table: the registry ``doc`` checked, then judged on ``tables``."""
    return judge(check(doc, tables), tables)


def summary(df: pd.DataFrame) -> str:
    """'n statements: a consistent, b inconsistent, c unverifiable'."""
    counts = df["verdict"].value_counts()
    return f"{len(df)} statements: " + ", ".join(f"{int(counts.get(v, 0))} {v}" for v in VERDICTS)


def readable(df: pd.DataFrame) -> pd.DataFrame:
    """The columns a reader scans first, values in the claim's unit."""
    shown = df[["id", "verdict", "speaker", "date", "value", "data_value", "data_year", "definition", "reason"]]
    shown = shown.copy()
    shown["data_value"] = [None if pd.isna(v) else g(v) for v in shown["data_value"]]
    return shown
