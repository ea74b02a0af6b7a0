"""The kinds of public statement and how each is held against a series (``kzict.statement_series``).

A kind takes the statement and one candidate year and returns a :class:`Finding`: the figure the claim
is held against (in the claim's own unit, the data divided by ``scale``), whether it matches within the
tolerance (``None`` where the data cannot say), and the words of the reason. The verdict, with the
statement's definition taken into account, is made by ``kzict.statement_audit``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pandas as pd

from kzict.statement_series import AGGREGATES, Shape


@dataclass(frozen=True)
class Claim:
    """One statement as the kinds read it: its record, its series and its tolerance (claim units)."""

    rec: dict
    series: pd.DataFrame  # economy, year, value, release, locator, source_id (statement_series.COLUMNS)
    shape: Shape
    claimed: float  # the printed value, as a number
    tol: float  # kzict.tolerance.of_statement(value), 0 for ranks
    scale: float = 1.0
    population: Callable[[int], float | None] | None = None  # count_change_pct: the population of a year

    def row(self, economy: str, year: int) -> pd.Series | None:
        s = self.series
        hit = s[(s["economy"] == economy) & (s["year"] == year)]
        return None if hit.empty else hit.iloc[0]


@dataclass(frozen=True)
class Finding:
    ok: bool | None  # None: the data cannot say (the reason says why)
    text: str
    value: float | None = None  # the figure held against the claim, in the claim's unit
    year: int | None = None
    rows: list = field(default_factory=list)  # the data rows read: release, locator, source_id
    relation: str = "equal"  # equal | at_least | between: what a definition bound may decide


def g(x: float) -> str:
    """A number as a reader writes it: up to 6 significant digits."""
    return f"{x:,.0f}" if abs(x) >= 1e5 else f"{x:.6g}"


def _missing(c: Claim, year: int, economy: str | None = None) -> Finding:
    rec = c.rec
    return Finding(None, f"{rec['dataset']} holds no {rec['indicator']} for {economy or rec['economy']} in {year}")


def _cmp(c: Claim, found: float, what: str, year: int, rows: list, relation: str = "equal") -> Finding:
    ok = abs(found - c.claimed) <= c.tol
    if c.tol == 0:
        said = f"{'equal to' if ok else 'not'} the claimed {g(c.claimed)}"
    else:
        said = f"{'within' if ok else 'outside'} ±{g(c.tol)} of the claimed {g(c.claimed)}"
    return Finding(ok, f"{what} = {g(found)}, {said}", found, year, rows)


def level(c: Claim, year: int) -> Finding:
    r = c.row(c.rec["economy"], year)
    if r is None:
        return _missing(c, year)
    return _cmp(c, r["value"] / c.scale, f"{c.rec['indicator']} in {year}{_unit(c)}", year, [r])


def _unit(c: Claim) -> str:
    return f" / {g(c.scale)}" if c.scale != 1 else ""


def _pair(c: Claim, year: int, read: Callable[[pd.Series], float] | None = None):
    """The values of ``base_year`` and ``year`` (or the Finding that says one is missing)."""
    b, r = c.row(c.rec["economy"], c.rec["base_year"]), c.row(c.rec["economy"], year)
    for y, row in ((c.rec["base_year"], b), (year, r)):
        if row is None:
            return _missing(c, y)
    return b, r


def multiple(c: Claim, year: int) -> Finding:
    got = _pair(c, year)
    if isinstance(got, Finding):
        return got
    b, r = got
    what = f"{c.rec['indicator']} {year} / {c.rec['base_year']} = {g(r['value'])} / {g(b['value'])}"
    return _cmp(c, r["value"] / b["value"], what, year, [b, r])


def change_pct(c: Claim, year: int) -> Finding:
    got = _pair(c, year)
    if isinstance(got, Finding):
        return got
    b, r = got
    what = f"change of {c.rec['indicator']} from {c.rec['base_year']} ({g(b['value'])}) to {year} ({g(r['value'])}), %"
    return _cmp(c, (r["value"] / b["value"] - 1) * 100, what, year, [b, r])


def change_pp(c: Claim, year: int) -> Finding:
    got = _pair(c, year)
    if isinstance(got, Finding):
        return got
    b, r = got
    what = f"{c.rec['indicator']} {year} - {c.rec['base_year']} = {g(r['value'])} - {g(b['value'])}, points"
    return _cmp(c, r["value"] - b["value"], what, year, [b, r])


def count_change_pct(c: Claim, year: int) -> Finding:
    """The change, in %, of a count made as ``indicator`` (a % share) of a population (``population``)."""
    pop = c.rec["population"]
    pop = pop if isinstance(pop, str) else f"{pop['count']} / {pop['per_100']} × 100"
    got = _pair(c, year)
    if isinstance(got, Finding):
        return got
    counts = []
    for row in got:
        p = c.population(int(row["year"])) if c.population else None
        if p is None:
            return Finding(None, f"no population ({pop}) for {c.rec['economy']} in {row['year']}")
        counts.append(row["value"] / 100 * p)
    what = (
        f"change of {c.rec['indicator']} × population ({pop}) from {c.rec['base_year']} ({g(counts[0])}) "
        f"to {year} ({g(counts[1])}), %"
    )
    return _cmp(c, (counts[1] / counts[0] - 1) * 100, what, year, list(got))


def reached_by(c: Claim, year: int) -> Finding:
    r = c.row(c.rec["economy"], year)
    if r is None:
        return _missing(c, year)
    found = r["value"] / c.scale
    ok = found >= c.claimed - c.tol
    text = f"{c.rec['indicator']} in {year}{_unit(c)} = {g(found)}, {'at least' if ok else 'below'} the claimed "
    return Finding(ok, text + f"{g(c.claimed)} (±{g(c.tol)})", found, year, [r], "at_least")


def between(c: Claim, year: int) -> Finding:
    got = _pair(c, year)
    if isinstance(got, Finding):
        return got
    b, r = got
    lo, hi = sorted((b["value"] / c.scale, r["value"] / c.scale))
    ok = lo - c.tol <= c.claimed <= hi + c.tol
    near = min((lo, hi), key=lambda v: abs(v - c.claimed))
    text = (
        f"{c.rec['indicator']}{_unit(c)}: {g(b['value'] / c.scale)} at the end of {c.rec['base_year']}, "
        f"{g(r['value'] / c.scale)} at the end of {year}; the claimed {g(c.claimed)} is "
        f"{'between them' if ok else 'outside them'} (±{g(c.tol)})"
    )
    return Finding(ok, text, near, year, [b, r], "between")


def _rank_of(c: Claim, year: int, pool: set[str] | None) -> Finding:
    rec, indicator = c.rec, c.rec["indicator"]
    s = c.series[(c.series["year"] == year) & ~c.series["economy"].isin(AGGREGATES)]
    own = c.row(rec["economy"], year)
    if own is None:
        return _missing(c, year)
    if pool is not None:
        absent = sorted(pool - set(s["economy"]))
        if absent:
            return Finding(None, f"{rec['dataset']} holds no {indicator} in {year} for {', '.join(absent)}")
        s = s[s["economy"].isin(pool | {rec["economy"]})]
    is_rank = indicator in c.shape.ranks
    if pool is None and is_rank:
        return _cmp(c, float(own["value"]), f"{indicator} of {rec['economy']} in {year}", year, [own])
    if pool is None and not c.shape.complete:
        return Finding(None, f"{rec['dataset']} holds {c.shape.coverage}, not every economy: no rank by {indicator}")
    better = s["value"] < own["value"] if is_rank else s["value"] > own["value"]
    rank = 1 + int(better.sum())
    among = f"among {len(s)} economies" if pool is None else f"within {', '.join(sorted(s['economy']))}"
    above = "ranked above" if is_rank else "higher"
    what = f"rank of {rec['economy']} by {indicator} in {year} {among} (1 + those {above})"
    return _cmp(c, float(rank), what, year, [own])


def rank(c: Claim, year: int) -> Finding:
    return _rank_of(c, year, None)


def rank_among(c: Claim, year: int) -> Finding:
    return _rank_of(c, year, set(c.rec["among"]))


# kind -> (function, keys it needs beyond the common ones, exact: judged without tolerance)
KINDS: dict[str, tuple[Callable[[Claim, int], Finding], tuple[str, ...], bool]] = {
    "level": (level, (), False),
    "multiple": (multiple, ("base_year",), False),
    "change_pct": (change_pct, ("base_year",), False),
    "change_pp": (change_pp, ("base_year",), False),
    "rank": (rank, (), True),
    "rank_among": (rank_among, ("among",), True),
    "reached_by": (reached_by, (), False),
    "between": (between, ("base_year",), False),
    "count_change_pct": (count_change_pct, ("base_year", "population"), False),
}
