"""Charts of notebook 05_targets_and_outcomes: the IK2020 scorecard and the outcome series."""

from __future__ import annotations

import matplotlib.colors
import matplotlib.patches
import pandas as pd

import kzict
from kzict.charts.style import ACCENT, GREEN, MUTED, caption, finish, house_style, ordinal, subplots, year_span


def ik2020_scorecard(df: pd.DataFrame | None = None):
    """The 13 targets and their verdicts: met, not met, not measured."""
    df = kzict.load("ik2020_scorecard") if df is None else df
    colors = {"met": GREEN, "not_met": ACCENT, "not_measured": "#bbbbbb"}
    with house_style():
        fig, ax = subplots(figsize=(9.5, 5.6))
        ax.set_axis_off()
        n = len(df)
        for i, r in enumerate(df.itertuples()):
            y = 1 - (i + 0.5) / n
            ax.add_patch(
                matplotlib.patches.FancyBboxPatch(
                    (0.0, y - 0.028),
                    0.16,
                    0.056,
                    boxstyle="round,pad=0.004",
                    color=colors[r.status],
                    transform=ax.transAxes,
                )
            )
            ax.text(  # the widest verdict keeps a margin inside its box
                0.08,
                y,
                r.status.replace("_", " "),
                ha="center",
                va="center",
                fontsize=8,
                color="white" if r.status != "not_measured" else "#333333",
                fontweight="bold",
            )
            unit = "rank " if r.unit == "rank" else ""
            sign = "≤" if r.comparison == "at_most" else "≥"
            ax.text(0.18, y, f"{r.target_id}. {r.target}", va="center", fontsize=8.5)
            tgt = f"{sign} {unit}{r.target_value:g}{' %' if r.unit == '%' else ''}"
            ax.text(0.67, y, tgt, va="center", fontsize=8.5)
            if pd.notna(r.outcome_value):
                q = f"{r.outcome_qualifier} " if isinstance(r.outcome_qualifier, str) else ""
                pct = " %" if r.unit == "%" else ""
                star = "*" if r.nearest_year else ""
                proxy = ", proxy" if r.comparability == "proxy" else ""
                out = f"{q}{unit}{round(r.outcome_value, 1):g}{pct} ({r.outcome_year}{star}, {r.grade}{proxy})"
            elif r.comparability == "proxy":  # figures exist, but none bounds the target's measure
                out = "proxy does not bound it"
            else:
                out = "no comparable figure"
            ax.text(
                0.78, y, out, va="center", fontsize=8.5, color="#333333" if pd.notna(r.outcome_value) else "#888888"
            )
        goal = f"{year_span(df['target_year'])} goal"
        for x, head in ((0.18, "target"), (0.67, goal), (0.78, "outcome (year, grade)")):
            ax.text(x, 1.0, head, fontsize=8.5, color="#555555", fontweight="bold", va="bottom")
        counts = df["status"].value_counts()
        sub = (
            f"{counts.get('met', 0)} met, {counts.get('not_met', 0)} not met, "
            f"{counts.get('not_measured', 0)} not measured; * nearest year to {year_span(df['target_year'])}; "
            "a proxy decides only if it bounds the measure"
        )
        return finish(
            fig,
            ax,
            "Information Kazakhstan 2020: targets against outcomes",
            caption("ik2020_scorecard", df),
            subtitle=sub,
        )


def _target(indicator: str) -> pd.Series:
    """The IK2020 scorecard row whose outcome series is ``indicator``: the target, its id and its verdict."""
    card = kzict.load("ik2020_scorecard")
    return card[card["outcome_indicator"] == indicator].iloc[0]


def _verdict(t: pd.Series, s: pd.DataFrame) -> str:
    """'target 4: met (from 2017)' or 'target 2: not met (29th in 2020; best 28th)' from the scorecard and series."""
    head = f"Information Kazakhstan 2020, target {t.target_id}: {t.status.replace('_', ' ')}"
    if t.status == "met" and pd.notna(t.first_met_year):
        return f"{head} (from {t.first_met_year})"
    if t.unit == "rank" and pd.notna(t.outcome_value):
        return f"{head} ({ordinal(t.outcome_value)} in {t.outcome_year}; best {ordinal(s['value'].min())})"
    return head


def internet_users(df: pd.DataFrame | None = None):
    """Individuals using the Internet, 2005-2023, against the Information Kazakhstan 2020 target of 75 %."""
    df = kzict.load("indicator_outcomes") if df is None else df
    s = df[df["indicator"] == "internet_users_pct"].sort_values("year")
    t = _target("internet_users_pct")
    with house_style():
        fig, ax = subplots(figsize=(8, 4.6))
        ax.plot(s["year"], s["value"], marker="o", markersize=4, color=MUTED, linewidth=2, label="internet users")
        ax.axhline(t.target_value, color=ACCENT, linestyle="--", linewidth=1.5)
        ax.text(
            s["year"].min(),
            t.target_value + 1.5,
            f"target: {t.target_value:g} % by {t.target_year}",
            color=ACCENT,
            fontsize=9,
        )
        ax.axvline(t.target_year, color="#999999", linewidth=0.8, linestyle=":")
        first = s[s["value"] >= t.target_value].iloc[0]
        ax.annotate(
            f"{first.value:.1f} % in {first.year}:\nfirst above the target",
            (first.year, first.value),
            xytext=(-95, 25),
            textcoords="offset points",
            fontsize=8.5,
            arrowprops=dict(arrowstyle="-", color="#777777"),
        )
        v2020 = s.set_index("year").loc[t.target_year, "value"]
        ax.annotate(
            f"{v2020:.1f} % in {t.target_year}",
            (t.target_year, v2020),
            xytext=(8, -16),
            textcoords="offset points",
            fontsize=8.5,
        )
        ax.set_ylim(0, 100)
        ax.set_xticks(range(int(s["year"].min()), int(s["year"].max()) + 1, 3))
        ax.set_xlabel("Year")
        ax.set_ylabel(f"Individuals using the Internet, {s['unit'].iloc[0]}")
        return finish(
            fig,
            ax,
            f"Internet users against the {t.target_year} target",
            caption("indicator_outcomes", s),
            subtitle=_verdict(t, s),
        )


def egov_rank(df: pd.DataFrame | None = None):
    """Kazakhstan's UN E-Government Development Index rank against the top-25 target; rank axis inverted."""
    df = kzict.load("indicator_outcomes") if df is None else df
    s = df[df["indicator"] == "egov_rank"].sort_values("year")
    t = _target("egov_rank")
    with house_style():
        fig, ax = subplots(figsize=(8, 4.6))
        ax.plot(s["year"], s["value"], color=MUTED, linewidth=2, zorder=1)
        for grade, marker in (("file", "o"), ("press", "s")):
            g = s[s["grade"] == grade]
            ax.scatter(
                g["year"],
                g["value"],
                marker=marker,
                s=45,
                zorder=2,
                label=f"{grade} grade",
                color=MUTED if grade == "file" else "white",
                edgecolor=MUTED,
                linewidth=1.5,
            )
        for _, r in s.iterrows():
            ax.annotate(
                f"{r.value:g}", (r.year, r.value), xytext=(0, 8), textcoords="offset points", ha="center", fontsize=8.5
            )
        ax.axhline(t.target_value, color=ACCENT, linestyle="--", linewidth=1.5)
        ax.text(
            s["year"].min(),
            t.target_value - 0.6,
            f"target: top {t.target_value:g} in {t.target_year}",
            color=ACCENT,
            fontsize=9,
            va="bottom",
        )
        ax.set_ylim(s["value"].max() + 4, min(s["value"].min(), t.target_value) - 10)  # rank 1 is best: downwards
        ax.set_xticks(s["year"])
        ax.set_xlabel("Survey edition")
        ax.set_ylabel(f"{s['unit'].iloc[0].capitalize()} (1 = best)")
        ax.legend(loc="lower right", fontsize=8.5)
        return finish(
            fig,
            ax,
            f"E-government rank against the top-{t.target_value:g} target",
            caption("indicator_outcomes", s),
            subtitle=_verdict(t, s),
        )


NOTEBOOK = "05_targets_and_outcomes"
CHARTS = {"ik2020_scorecard": ik2020_scorecard, "internet_users": internet_users, "egov_rank": egov_rank}
