"""Charts of notebook 03_policy: the IK2020 targets, the 2010-2014 programme, policy documents, rankings."""

from __future__ import annotations

import textwrap

import matplotlib.ticker
import numpy as np
import pandas as pd

import kzict
from kzict.charts.style import ACCENT, GREY, MUTED, caption, finish, house_style, subplots, year_span

# the programme's base year and target year, as the table's columns name them
BASE, TARGET = "2009", "2014"


def ik2020_targets(df: pd.DataFrame | None = None):
    """The targets of Information Kazakhstan 2020: share targets as bars, rank targets as points on a rank axis."""
    df = kzict.load("ik2020_targets") if df is None else df
    pct = df[df["unit"] == "%"].iloc[::-1]
    rank = df[df["unit"] == "rank"]
    year = year_span(df["target_year"])
    with house_style():
        # shares above, ranks below on a rank axis of their own: a rank is a position, not an amount
        fig, (ax, axr) = subplots(2, 1, figsize=(9.5, 6.4), height_ratios=[len(pct), len(rank) + 0.4])
        labels = [f"{i}. {t}" for i, t in zip(pct["indicator_id"], pct["indicator"])]
        ax.barh(labels, pct["target_value"], color=MUTED, height=0.6)
        for i, v in enumerate(pct["target_value"]):
            ax.text(v + 1, i, f"{v:g} %", va="center", fontsize=8.5)
        ax.set_xlim(0, 115)
        ax.set_xlabel(f"Target for {year}, % ({pct['comparison'].iloc[0].replace('_', ' ')})")
        ax.grid(axis="y", visible=False)
        y = np.arange(len(rank))[::-1]
        axr.scatter(rank["target_value"], y, marker="D", s=50, color=ACCENT, zorder=3)
        for i, v in zip(y, rank["target_value"]):
            axr.text(v - 1.2, i, f"top {v:g}", va="center", fontsize=8.5, color=ACCENT, fontweight="bold")
        axr.set_yticks(y, [f"{i}. {t}" for i, t in zip(rank["indicator_id"], rank["indicator"])])
        axr.set_ylim(-0.7, len(rank) - 0.3)
        axr.set_xlim(rank["target_value"].max() * 1.6, 1)  # rank 1 is best: better lies to the right, like more
        axr.set_xlabel(f"Target rank for {year} ({rank['comparison'].iloc[0].replace('_', ' ')}; 1 = best)")
        axr.grid(axis="y", visible=False)
        fig.subplots_adjust(hspace=0.45)
        return finish(
            fig,
            ax,
            f"Information Kazakhstan 2020: the {len(df)} target indicators",
            caption("ik2020_targets", df),
            subtitle=f"Targets to be met by the programme's end in {year}",
        )


def ict_programme_2010_2014(df: pd.DataFrame | None = None):
    """Figure 2: 2009 values against 2014 targets, the shares in % (log scale) and the sector size in KZT bn."""
    df = kzict.load("ict_programme_2010_2014") if df is None else df
    size = df[df["unit"] == "KZT bn"]
    pct = df[df["unit"] == "%"].iloc[::-1]
    with house_style():
        # shares first, so their goal labels have the figure's left margin and never reach the size bars
        fig, (ax, axs) = subplots(1, 2, figsize=(9.5, 4.6), width_ratios=[3, 1])
        row = size.iloc[0]
        axs.bar([BASE, f"{TARGET}\ntarget"], [row.value_2009, row.target_2014], color=[GREY, MUTED], width=0.6)
        for x, v in enumerate([row.value_2009, row.target_2014]):
            axs.text(x, v + 3, f"{v:g}", ha="center", fontsize=9)
        axs.set_ylabel(f"{row.goal}, {row.unit}")
        axs.set_ylim(0, row.target_2014 * 1.2)
        axs.grid(axis="x", visible=False)
        y = np.arange(len(pct))
        ax.hlines(y, pct["value_2009"], pct["target_2014"], color="#cccccc", linewidth=3, zorder=1)
        ax.scatter(pct["value_2009"], y, color=GREY, s=45, zorder=2, label=BASE)
        ax.scatter(pct["target_2014"], y, color=MUTED, s=45, zorder=2, label=f"{TARGET} target")
        for i, (_, r) in enumerate(pct.iterrows()):  # label left of the lower value: the right end is the axis' edge
            lo = min(r.value_2009, r.target_2014)
            ax.text(lo / 1.12, i, f"{r.value_2009:g} → {r.target_2014:g}", ha="right", va="center", fontsize=8.5)
        ax.set_yticks(y, pct["goal"])
        # log scale: a goal from 3.3 to 3.8 is as visible as one from 30 to 80 would be on a linear axis
        ax.set_xscale("log")
        ax.set_xlim(1, 100)
        ax.set_xticks([1, 2, 5, 10, 20, 50, 100])
        ax.xaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:g}"))
        ax.xaxis.set_minor_locator(matplotlib.ticker.NullLocator())
        ax.set_xlabel(f"{BASE} value and {TARGET} target, {pct['unit'].iloc[0]} (log scale)")
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower right", fontsize=8.5)
        fig.subplots_adjust(wspace=0.3)
        return finish(
            fig,
            ax,
            f"ICT Programme 2010-2014: {BASE} values and {TARGET} targets",
            caption("ict_programme_2010_2014", df),
            subtitle="Quantitative goals of Figure 2; its qualitative rows are in the table",
        )


def ict_policy_documents(df: pd.DataFrame | None = None):
    """Figure 3 as a timeline: one row per act, in date order, its full title and decree beside its row.

    A dated act is a point on the time axis; an act dated by its year alone spans that year."""
    df = kzict.load("ict_policy_documents") if df is None else df
    d = df.sort_values("date").reset_index(drop=True)
    with house_style():
        fig, ax = subplots(figsize=(9.5, 0.95 * len(d) + 1.2))
        for i, r in d.iterrows():
            if r.date_precision == "year":
                ax.barh(i, 1, left=r.year, height=0.4, color=MUTED, alpha=0.35)
                x = r.year + 0.5
            else:
                ts = pd.Timestamp(r.date)
                x = r.year + (ts.day_of_year - 0.5) / (366 if ts.is_leap_year else 365)
                ax.plot(x, i, marker="D", color=MUTED, markersize=8)
            ax.text(x, i - 0.3, str(r.date), ha="center", va="bottom", fontsize=8, color="#555555")
        labels = [
            textwrap.fill(r.title.strip(" ."), 48) + f"\n{r.legal_act}; {r.responsible_body}" for _, r in d.iterrows()
        ]
        ax.set_yticks(range(len(d)), labels, fontsize=8.5)
        ax.set_ylim(len(d) - 0.5, -0.8)  # earliest act on top, like a table read downwards
        lo, hi = int(d["year"].min()), int(d["year"].max()) + 1
        ax.set_xlim(lo - 0.2, hi + 0.2)
        ax.set_xticks(range(lo, hi + 1))
        ax.set_xlabel("Date (a bar: only the year is printed)")
        ax.grid(axis="y", visible=False)
        return finish(
            fig, ax, f"Major ICT policy documents, {year_span(d['year'])}", caption("ict_policy_documents", df)
        )


def ict_rankings(df: pd.DataFrame | None = None):
    """Kazakhstan's rank in the ICT indices the thesis cites, by edition; rank axis inverted."""
    df = kzict.load("ict_rankings") if df is None else df
    markers = {
        "ICT Development Index": ("o", ACCENT),
        "Networked Readiness Index": ("s", MUTED),
        "Global Information Technology Report": ("D", "#59a14f"),
    }
    with house_style():
        fig, ax = subplots(figsize=(7.5, 4.2))
        for name, g in df.groupby("index", sort=False):
            m, c = markers.get(name, ("o", GREY))
            g = g.sort_values("edition")
            ax.plot(
                g["edition"],
                g["rank"],
                marker=m,
                color=c,
                label=name,
                markersize=8,
                linestyle="-" if len(g) > 1 else "none",
                alpha=0.9,
            )
            for _, r in g.iterrows():
                of = "" if pd.isna(r.countries_ranked) else f" of {int(r.countries_ranked)}"
                dy = -14  # below right: a rising line leaves the point towards the upper right
                ax.annotate(
                    f"{r['rank']}{of}",
                    (r.edition, r["rank"]),
                    textcoords="offset points",
                    xytext=(10, dy),
                    fontsize=8.5,
                    color=c,
                )
        lo, hi = df["rank"].min(), df["rank"].max()
        ax.set_ylim(hi + 11, lo - 13)  # rank 1 is best: the axis runs downwards
        editions = range(int(df["edition"].min()), int(df["edition"].max()) + 1)
        ax.set_xlim(editions[0] - 0.5, editions[-1] + 0.8)
        ax.set_xticks(editions)
        ax.set_xlabel("Edition")
        ax.set_ylabel("Kazakhstan's rank (1 = best)")
        ax.legend(loc="lower right", fontsize=8)
        dup = df[df.duplicated(["edition", "rank"], keep=False)]
        twice = "; ".join(
            f"the {y} rank ({r}) is printed {'twice' if len(g) == 2 else f'{len(g)} times'}, "
            f"as the {' and as the '.join(g['index'])}"
            for (y, r), g in dup.groupby(["edition", "rank"])
        )
        twice = twice[:1].upper() + twice[1:]
        return finish(
            fig,
            ax,
            "Kazakhstan in international ICT rankings",
            caption("ict_rankings", df),
            subtitle=twice,
        )


NOTEBOOK = "03_policy"
CHARTS = {
    "ik2020_targets": ik2020_targets,
    "ict_programme_2010_2014": ict_programme_2010_2014,
    "ict_policy_documents": ict_policy_documents,
    "ict_rankings": ict_rankings,
}
