"""Charts of notebook 08_public_statements: what was claimed against what the data show."""

from __future__ import annotations

import numpy as np
import pandas as pd

import kzict
from kzict.charts.style import ACCENT, GREEN, GREY, finish, house_style, subplots
from kzict.citation import short_citation

COLOURS = {"consistent": GREEN, "inconsistent": ACCENT, "unverifiable": GREY}


def _caption(df: pd.DataFrame) -> str:
    cites = kzict.load("sources").set_index("source_id")["citation"]
    data = "; ".join(short_citation(cites[s]) for s in dict.fromkeys(df["data_source_id"].dropna()))
    releases = ", ".join(dict.fromkeys(df["release"].dropna()))
    registry = short_citation(cites[df["source_id"].iloc[0]])
    said = f"statements as published (each record's url), in {registry}"
    return f"Source: {said}; data: {data}, {releases}. Chart: kzict."


def public_statements_levels(df: pd.DataFrame | None = None):
    """Each `level` statement with a data figure: the number claimed against the number the data give."""
    df = kzict.statements() if df is None else df
    s = df[(df["kind"] == "level") & df["data_value"].notna()].copy()
    s["claimed"] = s["value"].astype(float)
    with house_style():
        fig, ax = subplots(figsize=(8.5, 6.2))
        lo = min(s["claimed"].min(), s["data_value"].min()) / 2
        hi = max(s["claimed"].max(), s["data_value"].max()) * 2
        ax.plot([lo, hi], [lo, hi], color="#999999", linewidth=1, linestyle="--", label="claimed = data")
        for verdict, g in s.groupby("verdict", sort=False):
            ax.scatter(g["claimed"], g["data_value"], s=46, color=COLOURS[str(verdict)], label=verdict, zorder=3)
        for i, r in enumerate(s.sort_values("claimed").itertuples()):
            above = i % 2 == 0  # neighbours along the diagonal take its two sides in turn
            ax.annotate(
                f"{r.id} ({r.indicator}, {r.data_year})",
                (r.claimed, r.data_value),
                xytext=(-6, 4) if above else (6, -4),
                textcoords="offset points",
                ha="right" if above else "left",
                va="bottom" if above else "top",
                fontsize=7.5,
            )
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xlim(lo, hi)
        ax.set_ylim(lo, hi)
        ax.set_xlabel("Claimed value (the statement's unit, log scale)")
        ax.set_ylabel("Data value (the same unit, log scale)")
        ax.legend(loc="upper left", fontsize=8.5)
        counts = s["verdict"].value_counts()
        sub = ", ".join(f"{int(counts.get(v, 0))} {v}" for v in COLOURS)
        share = np.mean(s["verdict"] == "consistent") * 100
        return finish(
            fig,
            ax,
            f"Public statements of a level: {len(s)} held against kzict's tables",
            _caption(s),
            subtitle=f"{sub} ({share:.0f} % consistent); a different definition is never judged",
        )


NOTEBOOK = "08_public_statements"
CHARTS = {"public_statements_levels": public_statements_levels}
