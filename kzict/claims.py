"""The claims audit: recompute every numeric statement of the thesis from the clean data.

The claims are data (``data/raw/claims.yaml``): each names a check kind, the
values it needs (references into the clean tables) and the tolerance the
printed rounding allows. This module holds the check kinds; ``audit()`` runs
the registry and returns one row per claim::

    claim_id, locator, claim, printed, recomputed, status, explanation,
    chapter, check, tolerance, correction_id

``status`` is ``consistent``, ``inconsistent`` or ``unverifiable`` (only where
the data to check it does not exist; the explanation says which).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

import kzict
from kzict import _store

COLUMNS = [
    "claim_id",
    "locator",
    "claim",
    "printed",
    "recomputed",
    "status",
    "explanation",
    "chapter",
    "check",
    "tolerance",
    "correction_id",
]
CONSISTENT, INCONSISTENT, UNVERIFIABLE = "consistent", "inconsistent", "unverifiable"
REGISTRY = "claims.yaml"


@dataclass(frozen=True)
class Verdict:
    recomputed: str | None
    status: str
    explanation: str


def _g(x: float) -> str:
    """A number as a reader would write it: up to 6 significant digits, no trailing zeros."""
    return f"{x:.6g}"


# --- data references: {dataset, where: {column: value}, field} ---------------------------------


class Data:
    """The clean tables a registry reads, loaded once each."""

    def __init__(self, tables: dict[str, pd.DataFrame] | None = None):
        self._tables = dict(tables or {})

    def table(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            self._tables[name] = kzict.load(name)
        return self._tables[name]

    def rows(self, ref: dict) -> pd.DataFrame:
        df = self.table(ref["dataset"])
        mask = pd.Series(True, index=df.index)
        for col, value in (ref.get("where") or {}).items():
            mask &= df[col].isin(value) if isinstance(value, list) else (df[col] == value)
        return df[mask]

    def values(self, ref: dict) -> pd.Series:
        return self.rows(ref)[ref["field"]]

    def value(self, ref: dict) -> float:
        v = self.values(ref)
        if len(v) != 1:
            raise ValueError(f"reference {ref} matches {len(v)} rows, not one")
        return float(v.iloc[0])


# --- check kinds ---------------------------------------------------------------------------------
# Each takes the Data, the claim's args and its tolerance, and returns a Verdict.


def check_multiple(data: Data, a: dict, tol: float) -> Verdict:
    """'n times' / 'n-fold': numerator / denominator against the printed n."""
    num, den = data.value(a["numerator"]), data.value(a["denominator"])
    ratio = num / den
    ok = abs(ratio - a["printed"]) <= tol
    return Verdict(
        f"{ratio:.2f}",
        CONSISTENT if ok else INCONSISTENT,
        f"{_g(num)} / {_g(den)} = {ratio:.2f}, {'within' if ok else 'outside'} "
        f"±{_g(tol)} of the printed {_g(a['printed'])}",
    )


def check_growth(data: Data, a: dict, tol: float) -> Verdict:
    """A growth rate in % between two independent totals."""
    new, old = data.value(a["new"]), data.value(a["old"])
    pct = (new / old - 1) * 100
    ok = abs(pct - a["printed"]) <= tol
    return Verdict(
        f"{pct:.1f}",
        CONSISTENT if ok else INCONSISTENT,
        f"({_g(new)} / {_g(old)} - 1) x 100 = {pct:.1f} %, {'within' if ok else 'outside'} "
        f"±{_g(tol)} of the printed {_g(a['printed'])} %",
    )


def check_cagr(data: Data, a: dict, tol: float) -> Verdict:
    """A compound annual growth rate against its endpoints and number of periods."""
    start, end, n = data.value(a["start"]), data.value(a["end"]), a["periods"]
    pct = ((end / start) ** (1 / n) - 1) * 100
    ok = abs(pct - a["printed"]) <= tol
    return Verdict(
        f"{pct:.1f}",
        CONSISTENT if ok else INCONSISTENT,
        f"({_g(end)} / {_g(start)})^(1/{n}) - 1 = {pct:.1f} % a year, "
        f"{'within' if ok else 'outside'} ±{_g(tol)} of the printed {_g(a['printed'])} %",
    )


def check_sum(data: Data, a: dict, tol: float) -> Verdict:
    """Parts that must add up to a total (``at_most: true``: to no more than it)."""
    parts = data.values(a["values"])
    total = float(parts.sum())
    if a.get("at_most"):
        ok = total <= a["printed"] + tol
        rel = "at most"
    else:
        ok = abs(total - a["printed"]) <= tol
        rel = "equal to"
    terms = " + ".join(_g(v) for v in parts)
    return Verdict(
        _g(total),
        CONSISTENT if ok else INCONSISTENT,
        f"{terms} = {_g(total)}, {'' if ok else 'not '}{rel} {_g(a['printed'])}",
    )


def _whole(pct: float, n: int, tol: float) -> int | None:
    """A whole count k of n that rounds (half either way) to pct, or None."""
    k = round(pct * n / 100)
    for cand in (k - 1, k, k + 1):
        if 0 <= cand <= n and abs(100 * cand / n - pct) <= tol + 1e-9:
            return cand
    return None


def check_whole_counts(data: Data, a: dict, tol: float) -> Verdict:
    """Shares of a group of n people must be whole people: some k/n must round to each printed share."""
    shares = data.rows(a["shares"]).set_index(a["label"])[a["shares"]["field"]]
    bases = {b["name"]: int(data.value(b)) for b in a["bases"]}
    fits, notes = [], []
    for name, n in bases.items():
        ks = {lab: _whole(p, n, tol) for lab, p in shares.items()}
        bad = [f"{_g(p)} % of {n} = {_g(p * n / 100)}" for lab, p in shares.items() if ks[lab] is None]
        if not bad and sum(ks.values()) == n:
            fits.append(name)
            notes.append(f"whole counts of the {n} {name} ({' + '.join(str(k) for k in ks.values())})")
        else:
            notes.append(f"not whole counts of the {n} {name} ({'; '.join(bad) or 'the counts do not add up'})")
    status = CONSISTENT if fits else INCONSISTENT
    return Verdict(
        "; ".join(f"{k}: {'whole' if k in fits else 'not whole'}" for k in bases),
        status,
        f"The shares are {'; '.join(notes)}, rounding half either way",
    )


def check_count(data: Data, a: dict, tol: float) -> Verdict:
    """A count stated in words against the rows listed (or a printed list's length)."""
    n = len(data.rows(a["rows"]))
    ok = abs(n - a["printed"]) <= tol
    return Verdict(
        str(n),
        CONSISTENT if ok else INCONSISTENT,
        f"The {a['what']} number {n}, " + ("as the text says" if ok else f"not the {_g(a['printed'])} the text says"),
    )


def check_equal(data: Data, a: dict, tol: float) -> Verdict:
    """A figure stated twice (text and table, or two passages) must agree within rounding."""
    v = data.value(a["value"])
    ok = abs(v - a["printed"]) <= tol
    if tol == 0:
        verdict = "the same as" if ok else "not"
    else:
        verdict = f"{'within' if ok else 'outside'} ±{_g(tol)} of"
    return Verdict(
        _g(v),
        CONSISTENT if ok else INCONSISTENT,
        f"{a['against']} gives {_g(v)}, {verdict} the printed {_g(a['printed'])}",
    )


def check_rank_below_majority(data: Data, a: dict, tol: float) -> Verdict:
    """'Lower than most': the entity's value is below that of more than half of the others."""
    df = data.table(a["dataset"])
    mine = float(df.loc[df[a["key"]] == a["entity"], a["field"]].iloc[0])
    others = df[df[a["key"]] != a["entity"]][a["field"]]
    higher = int((others > mine).sum())
    ok = higher > len(others) / 2
    return Verdict(
        f"{higher} of {len(others)}",
        CONSISTENT if ok else INCONSISTENT,
        f"{higher} of the {len(others)} other rows are higher than {_g(mine)}: {'a' if ok else 'not a'} majority",
    )


def check_top_n(data: Data, a: dict, tol: float) -> Verdict:
    """The named items are the n largest of those printed."""
    s = data.rows(a["rows"]).set_index(a["label"])[a["rows"]["field"]].sort_values(ascending=False)
    top = list(s.index[: len(a["named"])])
    ok = sorted(top) == sorted(a["named"])
    rest = 100 - float(s.sum())
    return Verdict(
        ", ".join(top),
        CONSISTENT if ok else INCONSISTENT,
        f"The largest printed shares are {', '.join(f'{t} ({_g(s[t])})' for t in top)}"
        + ("" if ok else f", not {', '.join(a['named'])}")
        + f"; {_g(rest)} % of the total is not broken down, so an unprinted category could in "
        f"principle be larger",
    )


def check_direction(data: Data, a: dict, tol: float) -> Verdict:
    """A stated rise or fall between two values."""
    old, new = data.value(a["old"]), data.value(a["new"])
    went = "decrease" if new < old else "increase" if new > old else "no change"
    ok = went == a["printed"]
    return Verdict(
        f"{_g(old)} -> {_g(new)}",
        CONSISTENT if ok else INCONSISTENT,
        f"{_g(old)} -> {_g(new)} is a{'n' if went[0] in 'aeiou' else ''} {went}, "
        + ("as the text states" if ok else f"not the {a['printed']} the text states"),
    )


def check_range(data: Data, a: dict, tol: float) -> Verdict:
    """Three values in order, low <= mid <= high (a mean within its range; a sample within its frame)."""
    lo, mid, hi = (data.value(a[k]) for k in ("low", "mid", "high"))
    names = a.get("names", ["low", "mid", "high"])
    ok = lo <= mid <= hi
    return Verdict(
        f"{_g(lo)} <= {_g(mid)} <= {_g(hi)}",
        CONSISTENT if ok else INCONSISTENT,
        f"{_g(lo)} <= {_g(mid)} <= {_g(hi)} ({' <= '.join(names)}) " + ("holds" if ok else "does not hold"),
    )


def check_unverifiable(data: Data, a: dict, tol: float) -> Verdict:
    return Verdict(None, UNVERIFIABLE, a["reason"])


CHECKS: dict[str, Callable[[Data, dict, float], Verdict]] = {
    name.removeprefix("check_"): fn for name, fn in globals().items() if name.startswith("check_")
}


# --- the registry ----------------------------------------------------------------------------------


def load_registry(path=None) -> list[dict]:
    import yaml

    text = (
        path.read_text(encoding="utf-8")
        if path is not None
        else (_store.raw_dir() / REGISTRY).read_text(encoding="utf-8")
    )
    claims = yaml.safe_load(text)["claims"]
    seen = set()
    for c in claims:
        missing = {"claim_id", "chapter", "locator", "claim", "printed", "check", "args"} - set(c)
        if missing:
            raise ValueError(f"claim {c.get('claim_id')!r} lacks {sorted(missing)}")
        if c["check"] not in CHECKS:
            raise ValueError(f"claim {c['claim_id']!r}: unknown check {c['check']!r}; known: {sorted(CHECKS)}")
        if c["claim_id"] in seen:
            raise ValueError(f"duplicate claim_id {c['claim_id']!r}")
        seen.add(c["claim_id"])
    return claims


def run(claims: list[dict], data: Data) -> pd.DataFrame:
    corrections = set(kzict.corrections()["correction_id"])
    rows = []
    for c in claims:
        tol = float(c.get("tolerance", 0))
        v = CHECKS[c["check"]](data, c["args"], tol)
        explanation = v.explanation
        if c.get("correction_id"):
            if c["correction_id"] not in corrections:
                raise ValueError(f"claim {c['claim_id']!r} links unknown correction {c['correction_id']!r}")
            if v.status == CONSISTENT:
                explanation += f"; consistent only under correction {c['correction_id']}"
        if c.get("note"):
            explanation += f"; {c['note']}"
        rows.append(
            {
                "claim_id": c["claim_id"],
                "locator": c["locator"],
                "claim": c["claim"],
                "printed": str(c["printed"]),
                "recomputed": v.recomputed,
                "status": v.status,
                "explanation": " ".join(explanation.split()).rstrip(".") + ".",
                "chapter": int(c["chapter"]),
                "check": c["check"],
                "tolerance": tol,
                "correction_id": c.get("correction_id"),
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def audit() -> pd.DataFrame:
    """Every numeric claim of the thesis, recomputed from the clean data, with a verdict."""
    return run(load_registry(), Data())


# --- the report --------------------------------------------------------------------------------------

_ORDER = {INCONSISTENT: 0, UNVERIFIABLE: 1, CONSISTENT: 2}
_TITLES = {
    2: "Chapter 2 — IT entrepreneurs in Kazakhstan (survey and coding)",
    3: "Chapter 3 — IT sector in Kazakhstan",
    5: "Chapter 5 — entrepreneurs' cross-border ties",
}


def report(df: pd.DataFrame | None = None) -> str:
    df = audit() if df is None else df
    counts = df["status"].value_counts()
    out = [
        "# Claims audit",
        "",
        "Generated by `make audit` (`python -m kzict.claims`) from `data/raw/claims.yaml` and the clean data; "
        "do not edit by hand. Each numeric statement of the thesis is recomputed from kzict's tables.",
        "",
        f"{len(df)} claims: "
        + ", ".join(f"{counts.get(s, 0)} {s}" for s in (CONSISTENT, INCONSISTENT, UNVERIFIABLE))
        + ".",
        "",
    ]
    for ch, g in df.groupby("chapter", sort=True):
        g = g.assign(_o=g["status"].map(_ORDER)).sort_values(["_o", "claim_id"], kind="stable")
        out += [
            f"## {_TITLES.get(ch, f'Chapter {ch}')}",
            "",
            "| status | claim | printed | recomputed | locator | explanation |",
            "|---|---|---|---|---|---|",
        ]
        for r in g.itertuples():
            rec = (
                "—"
                if r.recomputed is None or (isinstance(r.recomputed, float) and math.isnan(r.recomputed))
                else r.recomputed
            )
            cells = [f"**{r.status}**", f"{r.claim} (`{r.claim_id}`)", r.printed, rec, r.locator, r.explanation]
            out.append("| " + " | ".join(str(c).replace("|", "\\|") for c in cells) + " |")
        out.append("")
    return "\n".join(out)


def main(argv=None) -> int:
    from pathlib import Path

    from kzict.docs import write_generated

    return write_generated(
        argv, "python -m kzict.claims", "Write the claims audit report.", Path("reports/claims.md"), report
    )


if __name__ == "__main__":
    raise SystemExit(main())
