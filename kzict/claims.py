"""The claims audit: recompute every numeric statement of the thesis from the clean data, twice.

The claims are data (``data/raw/claims.yaml``): each names a check kind (``kzict.claim_checks``)
and the values it needs (references into the clean tables). ``audit()`` runs each claim twice:

- ``status`` judges the sentence as printed: its own numbers with its own words and labels, read
  from the clean tables with every correction of ``data/raw/corrections.yaml`` undone;
- ``status_corrected`` judges it on the data kzict publishes (corrections applied). It equals
  ``status`` when no correction touches a row the claim reads; ``correction_id`` lists those that do.

Either is ``consistent``, ``inconsistent`` or ``unverifiable`` (only where the data to check it
does not exist; the explanation says which). Tolerances follow one policy, derived by code from how
each number is printed (``kzict.tolerance``, shared with the public statements audit), never typed per claim.
"""

from __future__ import annotations

import re
from collections import Counter

import pandas as pd

import kzict
from kzict import _store
from kzict import tolerance as _tol
from kzict.claim_checks import CHECKS, CONSISTENT, INCONSISTENT, UNVERIFIABLE, Verdict
from kzict.claim_data import Data

__all__ = ["CONSISTENT", "INCONSISTENT", "UNVERIFIABLE", "Data", "audit", "report", "run", "load_registry"]

COLUMNS = [
    "claim_id",
    "locator",
    "claim",
    "printed",
    "recomputed",
    "status",
    "explanation",
    "status_corrected",
    "recomputed_corrected",
    "correction_effect",
    "chapter",
    "check",
    "tolerance",
    "correction_id",
]
REGISTRY = "claims.yaml"
POLICY = _tol.POLICY


def load_registry(path=None) -> list[dict]:
    """The claims of ``claims.yaml``; any problem with the file is a RawDataError naming it and the claim."""
    from pathlib import Path

    from kzict.errors import RawDataError
    from kzict.readers import yamlfile

    where = Path(str(path or (_store.raw_dir() / REGISTRY)))
    doc = yamlfile.load(where, aliases=True)  # size-capped and safe; its own errors name the file
    try:
        return _registry(doc)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise RawDataError(where, str(exc) if isinstance(exc, ValueError) else f"malformed claims ({exc!r})") from None


def _registry(doc) -> list[dict]:
    if not isinstance(doc, dict) or not isinstance(doc.get("claims"), list):
        raise ValueError("expected a mapping with a list under 'claims'")
    claims = doc["claims"]
    seen = set()
    for c in claims:
        missing = {"claim_id", "chapter", "locator", "claim", "printed", "check", "args"} - set(c)
        if missing:
            raise ValueError(f"claim {c.get('claim_id')!r} lacks {sorted(missing)}")
        if c["check"] not in CHECKS:
            raise ValueError(f"claim {c['claim_id']!r}: unknown check {c['check']!r}; known: {sorted(CHECKS)}")
        if "tolerance" in c or "tolerance" in c["args"]:
            raise ValueError(f"claim {c['claim_id']!r} types a tolerance; the policy derives it from the print")
        if c["claim_id"] in seen:
            raise ValueError(f"duplicate claim_id {c['claim_id']!r}")
        seen.add(c["claim_id"])
    return claims


def _sentence(text: str) -> str:
    return " ".join(text.split()).rstrip(".") + "."


def _judge(c: dict, data: Data) -> tuple[Verdict, set[str]]:
    data.read = set()
    v = CHECKS[c["check"]](data, c["args"])
    return v, set(data.read)


def _edge(p: Verdict, k: Verdict) -> str:
    """Where only the corrected reading passes at the edge of its tolerance, the explanation says so too."""
    edge = re.search(r"\(at the edge: ([^)]*)\)", k.explanation)
    if edge is None or edge.group(0) in p.explanation:
        return ""
    return f"; corrected, {k.recomputed} passes at the edge ({edge.group(1)})"


def _effect(p: Verdict, k: Verdict, ids: list[str]) -> str | None:
    if not ids:
        return None
    said = f"With correction{'s' if len(ids) > 1 else ''} {', '.join(ids)}: {k.explanation}"
    if p.status == k.status:
        return _sentence(f"{said}; the verdict stays {k.status}")
    return _sentence(f"{said}; {p.status} as printed, {k.status} corrected")


def run(claims: list[dict], printed: Data, corrected: Data) -> pd.DataFrame:
    """Judge each claim on the data as printed and as corrected; one row per claim (COLUMNS)."""
    rows = []
    for c in claims:
        p, read_p = _judge(c, printed)
        k, read_k = _judge(c, corrected)
        ids = sorted(read_p | read_k)
        if not ids and (p.status, p.recomputed) != (k.status, k.recomputed):
            raise ValueError(f"claim {c['claim_id']!r} differs without a correction touching it")
        explanation = p.explanation + _edge(p, k) + (f"; {c['note']}" if c.get("note") else "")
        rows.append(
            {
                "claim_id": c["claim_id"],
                "locator": c["locator"],
                "claim": c["claim"],
                "printed": str(c["printed"]),
                "recomputed": p.recomputed,
                "status": p.status,
                "explanation": _sentence(explanation),
                "status_corrected": k.status,
                "recomputed_corrected": k.recomputed,
                "correction_effect": _effect(p, k, ids),
                "chapter": int(c["chapter"]),
                "check": c["check"],
                "tolerance": p.tolerance,
                "correction_id": ", ".join(ids) or None,
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS)


def audit() -> pd.DataFrame:
    """Every numeric claim of the thesis, recomputed from the clean data, judged as printed and as corrected."""
    fixes = kzict.corrections()
    return run(load_registry(), Data(printed=True, corrections=fixes), Data(corrections=fixes))


# --- the report --------------------------------------------------------------------------------------

_ORDER = {INCONSISTENT: 0, UNVERIFIABLE: 1, CONSISTENT: 2}
_TITLES = {
    2: "Chapter 2 — IT entrepreneurs in Kazakhstan (survey and coding)",
    3: "Chapter 3 — IT sector in Kazakhstan",
    5: "Chapter 5 — entrepreneurs' cross-border ties",
}


def _cell(x) -> str:
    return "—" if x is None or (isinstance(x, float) and pd.isna(x)) else str(x).replace("|", "\\|")


def report(df: pd.DataFrame | None = None) -> str:
    df = audit() if df is None else df
    pairs = Counter(zip(df["status"], df["status_corrected"], strict=True))
    out = [
        "# Claims audit",
        "",
        "Generated by `make audit` (`python -m kzict.claims`) from `data/raw/claims.yaml` and the clean data; "
        "do not edit by hand. Each numeric statement of Ch. 2, 3 and 5 of the thesis is recomputed from "
        "kzict's tables and judged twice: **as printed** (its own numbers with its own words and labels) and "
        "**corrected** (on kzict's published data, after `data/raw/corrections.yaml`). The two verdicts "
        "differ only where a correction touches the claim.",
        "",
        "## Tolerance policy",
        "",
        POLICY,
        "",
        "## Summary",
        "",
        f"{len(df)} claims. As printed: "
        + ", ".join(f"{(df['status'] == s).sum()} {s}" for s in (CONSISTENT, INCONSISTENT, UNVERIFIABLE))
        + "; corrected: "
        + ", ".join(f"{(df['status_corrected'] == s).sum()} {s}" for s in (CONSISTENT, INCONSISTENT, UNVERIFIABLE))
        + ".",
        "",
        "| as printed | corrected | claims |",
        "|---|---|---|",
        *(f"| {p} | {k} | {n} |" for (p, k), n in sorted(pairs.items())),
        "",
        "## What the corrections change",
        "",
    ]
    touched = df[df["correction_id"].notna()]
    out += [f"- `{r.claim_id}` ({r.locator}): {r.correction_effect}" for r in touched.itertuples()] or ["None."]
    out.append("")
    for ch in sorted(int(x) for x in df["chapter"].unique()):
        g = df[df["chapter"] == ch]
        g = g.assign(_o=g["status"].map(_ORDER)).sort_values(["_o", "claim_id"], kind="stable")
        out += [
            f"## {_TITLES.get(ch, f'Chapter {ch}')}",
            "",
            "| as printed | corrected | claim | printed | recomputed | locator | explanation |",
            "|---|---|---|---|---|---|---|",
        ]
        for r in g.itertuples():
            corrected = r.status_corrected if pd.isna(r.correction_id) else f"**{r.status_corrected}**"
            cells = [f"**{r.status}**", corrected, f"{r.claim} (`{r.claim_id}`)", r.printed, r.recomputed]
            out.append("| " + " | ".join(_cell(c) for c in [*cells, r.locator, r.explanation]) + " |")
        out.append("")
    return "\n".join(out)


def main(argv=None) -> int:
    from pathlib import Path

    from kzict._extras import exit_unless_installed
    from kzict._write import write_generated

    exit_unless_installed("audit", "python -m kzict.claims")

    return write_generated(
        argv, "python -m kzict.claims", "Write the claims audit report.", Path("reports/claims.md"), report
    )


if __name__ == "__main__":
    raise SystemExit(main())
