"""The check kinds of the claims audit, the data they read and the one tolerance policy.

A check reads the clean tables through ``kzict.claim_data.Data``, either as kzict publishes them
(after ``data/raw/corrections.yaml``) or as printed (each correction undone), and
returns a :class:`Verdict`. Tolerances are never typed per claim: :func:`tolerance`
derives each from how the number is printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kzict import tolerance as _tol

if TYPE_CHECKING:
    from kzict.claim_data import Data

CONSISTENT, INCONSISTENT, UNVERIFIABLE = "consistent", "inconsistent", "unverifiable"

# --- the tolerance policy: one module for both audits (``kzict.tolerance``) ----------------------------
# Counts, ranks and years are exact; every other number allows half the step of its print.
LADDER, step, tolerance = _tol.LADDER, _tol.step, _tol.tolerance


def _g(x: float) -> str:
    """A number as a reader would write it: up to 6 significant digits, no trailing zeros."""
    return f"{x:.6g}"


@dataclass(frozen=True)
class Verdict:
    recomputed: str | None
    status: str
    explanation: str
    tolerance: float | None = None


def _ok(flag: bool) -> str:
    return CONSISTENT if flag else INCONSISTENT


def _year(ref: dict) -> int | None:
    """The year a reference's value is printed for: its where-clause or its column's name (value_2009)."""
    if "year" in (ref.get("where") or {}):
        return int(ref["where"]["year"])
    m = re.search(r"(\d{4})$", ref["field"])
    return int(m.group(1)) if m else None


# --- check kinds: each takes the Data and the claim's args and returns a Verdict ---------------------


def check_multiple(data: Data, a: dict) -> Verdict:
    """'n times' / 'n-fold': numerator / denominator against the printed n."""
    num, den = data.value(a["numerator"]), data.value(a["denominator"])
    ratio, tol = num / den, tolerance(a.get("printed_with", [a["printed"]]))
    ok = abs(ratio - a["printed"]) <= tol
    return Verdict(
        f"{ratio:.2f}",
        _ok(ok),
        f"{_g(num)} / {_g(den)} = {ratio:.2f}, {'within' if ok else 'outside'} ±{_g(tol)} of the printed "
        f"{_g(a['printed'])}" + _tol.edge_note(ratio, a["printed"], tol),
        tol,
    )


def check_cagr(data: Data, a: dict) -> Verdict:
    """A compound annual growth rate; its periods are the printed ones or the years of the data's columns."""
    start, end = data.value(a["start"]), data.value(a["end"])
    y0, y1 = _year(a["start"]), _year(a["end"])
    n = a.get("periods") or (y1 - y0 if y0 and y1 else None)
    if not n:
        raise ValueError(f"cagr {a} has neither printed periods nor dated columns")
    pct, tol = ((end / start) ** (1 / n) - 1) * 100, tolerance([a["printed"]])
    ok = abs(pct - a["printed"]) <= tol
    basis = f"{n} periods as printed" if a.get("periods") else f"{n} periods, {y0} to {y1} as the columns date them"
    return Verdict(
        f"{pct:.1f}",
        _ok(ok),
        f"({_g(end)} / {_g(start)})^(1/{n}) - 1 = {pct:.1f} % a year ({basis}), "
        f"{'within' if ok else 'outside'} ±{_g(tol)} of the printed {_g(a['printed'])} %",
        tol,
    )


def check_sum(data: Data, a: dict) -> Verdict:
    """Shares that add up to a whole (``at_most: true``: to no more than it); each share's rounding adds up."""
    rows = data.rows(a["values"])
    parts = rows[a["values"]["field"]]
    tol = len(parts) * tolerance(list(rows["printed"]) if "printed" in rows else list(parts))
    total = float(parts.sum())
    ok = total <= a["printed"] + tol if a.get("at_most") else abs(total - a["printed"]) <= tol
    rel = "at most" if a.get("at_most") else "equal to"
    terms = " + ".join(_g(v) for v in parts)
    return Verdict(
        _g(total),
        _ok(ok),
        f"{terms} = {_g(total)}, {'' if ok else 'not '}{rel} {_g(a['printed'])} (±{_g(tol)}, each share's rounding)",
        tol,
    )


def _whole(pct: float, n: int, tol: float) -> list[int]:
    """The whole counts k of n whose share 100 k / n rounds to pct within tol."""
    return [k for k in range(n + 1) if abs(100 * k / n - pct) <= tol + 1e-9]


def _span(ks: list[int]) -> str:
    return "none" if not ks else str(ks[0]) if len(ks) == 1 else f"{ks[0]}-{ks[-1]}"


def check_whole_counts(data: Data, a: dict) -> Verdict:
    """Shares of a group of n people must be whole people adding up to n, at the shares' printed step."""
    rows = data.rows(a["shares"])
    shares = rows.set_index(a["label"])[a["shares"]["field"]]
    tol = tolerance(list(data.values(a["printed_with"])))
    notes, fits = [], []
    for b in a["bases"]:
        n = int(data.value(b))
        ks = {lab: _whole(p, n, tol) for lab, p in shares.items()}
        low, high = sum(min(k, default=n + 1) for k in ks.values()), sum(max(k, default=-1) for k in ks.values())
        ok = all(ks.values()) and low <= n <= high
        fits += [b["name"]] if ok else []
        span = ", ".join(f"{_g(p)} %: {_span(ks[lab])}" for lab, p in shares.items())
        notes.append(f"of the {n} {b['name']} ({span} people)" + ("" if ok else f": none adding up to {n}"))
    return Verdict(
        "; ".join(f"{b['name']}: {'fits' if b['name'] in fits else 'does not fit'}" for b in a["bases"]),
        _ok(bool(fits)),
        f"Read at their printed step (±{_g(tol)}), the shares fit whole counts " + "; ".join(notes),
        tol,
    )


def check_count(data: Data, a: dict) -> Verdict:
    """A count stated in words against the items listed (``distinct``: the distinct values of a column)."""
    rows = data.rows(a["rows"])
    n = rows[a["distinct"]].nunique() if a.get("distinct") else len(rows)
    ok = n == a["printed"]
    return Verdict(
        str(n),
        _ok(ok),
        f"The {a['what']} number {n}, " + ("as the text says" if ok else f"not the {_g(a['printed'])} the text says"),
        0.0,
    )


def check_equal(data: Data, a: dict) -> Verdict:
    """A figure printed twice (text and table) must agree within the coarser print; a printed year must match."""
    v = data.value(a["value"])
    tol = 0.0 if a.get("exact") else tolerance([a["printed"]])
    ok = abs(v - a["printed"]) <= tol
    text = f"{a['against']} gives {_g(v)}, {'within' if ok else 'outside'} ±{_g(tol)} of the printed {_g(a['printed'])}"
    year = _year(a["value"])
    if a.get("printed_year") and year and year != a["printed_year"]:
        ok = False
        text += f", but for {year}, not the {a['printed_year']} the text prints"
    return Verdict(_g(v), _ok(ok), text, tol)


def check_period(data: Data, a: dict) -> Verdict:
    """A printed number of years against the years of the columns the sentence cites."""
    data.value(a["start"]), data.value(a["end"])  # read, so a correction of either row would show
    y0, y1 = _year(a["start"]), _year(a["end"])
    if y0 is None or y1 is None:
        raise ValueError(f"period {a} needs dated columns")
    ok = y1 - y0 == a["printed"]
    return Verdict(
        str(y1 - y0),
        _ok(ok),
        f"{a['against']} runs {y0} to {y1}: {y1 - y0} years, "
        + ("as the text says" if ok else f"not the {a['printed']} the text says"),
        0.0,
    )


def check_below_majority_of_groups(data: Data, a: dict) -> Verdict:
    """'Lower than the majority of A, B and C': within each named group, more than half the members are higher."""
    df = data.table(a["dataset"]).set_index(a["key"])[a["field"]]
    mine = float(df[a["entity"]])
    parts, ok = [], True
    for group, members in a["groups"].items():
        listed = [m for m in members if m in df.index]
        higher = [m for m in listed if df[m] > mine]
        ok &= len(higher) > len(listed) / 2
        parts.append(f"{group}: {len(higher)} of {len(listed)} higher")
    return Verdict(
        "; ".join(parts), _ok(ok), f"Against {_g(mine)}: " + "; ".join(parts) + " (a majority needed in each)"
    )


def check_top_n(data: Data, a: dict) -> Verdict:
    """The named items are the n largest; unverifiable if the share left unbroken-down could outrank one."""
    rows = data.rows(a["rows"])
    s = rows.set_index(a["label"])[a["rows"]["field"]].sort_values(ascending=False)
    top, rest = list(s.index[: len(a["named"])]), 100 - float(s.sum())
    if sorted(top) != sorted(a["named"]):
        return Verdict(", ".join(top), INCONSISTENT, f"The largest printed shares are {', '.join(top)}")
    smallest = float(s[a["named"]].min())
    shown = ", ".join(f"{t} ({_g(s[t])})" for t in top)
    if rest > smallest:
        return Verdict(
            None,
            UNVERIFIABLE,
            f"Among the printed shares the top {len(top)} are {shown}, but {_g(rest)} % of spending is not broken "
            f"down, more than the {_g(smallest)} % of the third: one unprinted category could outrank it",
        )
    return Verdict(", ".join(top), CONSISTENT, f"The largest shares are {shown}; the {_g(rest)} % left is smaller")


def check_direction(data: Data, a: dict) -> Verdict:
    """A stated rise or fall between two values."""
    old, new = data.value(a["old"]), data.value(a["new"])
    went = "decrease" if new < old else "increase" if new > old else "no change"
    ok = went == a["printed"]
    return Verdict(
        f"{_g(old)} -> {_g(new)}",
        _ok(ok),
        f"{_g(old)} -> {_g(new)} is a{'n' if went[0] in 'aeiou' else ''} {went}, "
        + ("as the text states" if ok else f"not the {a['printed']} the text states"),
    )


def check_rises(data: Data, a: dict) -> Verdict:
    """'Almost all ... improve': every row but at most one rises from one column to the other."""
    rows = data.rows(a["rows"]).dropna(subset=[a["old"], a["new"]])
    up = int((rows[a["new"]] > rows[a["old"]]).sum())
    ok = up >= len(rows) - 1 and len(rows) > 2
    return Verdict(
        f"{up} of {len(rows)}",
        _ok(ok),
        f"{up} of the {len(rows)} numeric {a['what']} rise from {a['old']} to {a['new']}",
    )


def check_range(data: Data, a: dict) -> Verdict:
    """Three values in order, low <= mid <= high (a mean within its range; a sample within its frame)."""
    lo, mid, hi = (data.value(a[k]) for k in ("low", "mid", "high"))
    names = a.get("names", ["low", "mid", "high"])
    ok = lo <= mid <= hi
    return Verdict(
        f"{_g(lo)} <= {_g(mid)} <= {_g(hi)}",
        _ok(ok),
        f"{_g(lo)} <= {_g(mid)} <= {_g(hi)} ({' <= '.join(names)}) " + ("holds" if ok else "does not hold"),
    )


def check_within(data: Data, a: dict) -> Verdict:
    """A whole's share lies between the smallest and largest of its parts' shares (it is their weighted mean)."""
    v, parts = data.value(a["value"]), data.values(a["parts"])
    lo, hi = float(parts.min()), float(parts.max())
    ok = lo <= v <= hi
    return Verdict(
        f"{_g(lo)} <= {_g(v)} <= {_g(hi)}",
        _ok(ok),
        f"{_g(v)} {'lies' if ok else 'does not lie'} between its parts' {_g(lo)} and {_g(hi)}",
    )


def check_printed_between(data: Data, a: dict) -> Verdict:
    """A printed share of a whole against its parts' shares in the data: the whole's share is their weighted
    mean, so the printed figure, within its print's tolerance, must reach the range of the parts'."""
    parts = data.values(a["parts"])
    lo, hi, tol = float(parts.min()), float(parts.max()), tolerance([a["printed"]])
    ok = lo - tol <= a["printed"] <= hi + tol
    return Verdict(
        f"{_g(lo)} to {_g(hi)}",
        _ok(ok),
        f"{a['against']} give {_g(lo)} to {_g(hi)}; the printed {_g(a['printed'])} (±{_g(tol)}) "
        + ("reaches that range" if ok else "lies outside it"),
        tol,
    )


def check_unverifiable(data: Data, a: dict) -> Verdict:
    return Verdict(None, UNVERIFIABLE, a["reason"])


CHECKS: dict[str, Callable[[Data, dict], Verdict]] = {
    name.removeprefix("check_"): fn for name, fn in globals().items() if name.startswith("check_")
}
