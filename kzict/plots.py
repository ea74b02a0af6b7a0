"""One function per chart, shared by the notebooks and ``make figures``.

Each function takes the clean table (loaded through ``kzict.load`` when not
given) and returns a matplotlib Figure in the house style, with a title,
axis labels with units and a source caption built from the dataset's
metadata (original source + the thesis's locator).
"""
from __future__ import annotations

import textwrap
from contextlib import contextmanager
from importlib import resources

import matplotlib
import matplotlib.ticker
import matplotlib.transforms as mtransforms

if matplotlib.get_backend().lower() not in ("agg", "module://matplotlib_inline.backend_inline"):
    matplotlib.use("Agg")  # headless and deterministic unless a notebook chose inline
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import kzict  # noqa: E402
from kzict._meta import short_citation  # noqa: E402

STYLE = resources.files("kzict") / "style" / "kzict.mplstyle"
ACCENT, MUTED, GREY = "#e15759", "#4e79a7", "#b0b0b0"


@contextmanager
def house_style():
    with plt.style.context(str(STYLE)):
        yield


def caption(name: str, df: pd.DataFrame | None = None) -> str:
    """'Source: <original sources>, as printed in <work>, <locator>.' from the dataset's metadata."""
    df = kzict.load(name) if df is None else df
    cites = kzict.load("sources").set_index("source_id")["citation"]
    printed_in = kzict.describe(name).printed_in
    originals = [short_citation(cites[s]) for s in dict.fromkeys(df["source_id"]) if s != printed_in]
    where = f"{short_citation(cites[printed_in])}, " + "; ".join(dict.fromkeys(df["locator"]))
    return (f"Source: {'; '.join(originals)}, as printed in {where}" if originals else f"Source: {where}") \
        + ". Chart: kzict."


def _finish(fig, ax, title: str, text: str, subtitle: str | None = None):
    """Title, subtitle and source caption, aligned with the left edge of everything drawn."""
    bb = fig.get_tightbbox(fig.canvas.get_renderer())  # inches
    w, h = fig.get_figwidth(), fig.get_figheight()
    x, top, bottom = bb.x0 / w, bb.y1 / h, bb.y0 / h

    def at(dy_points: float):
        return mtransforms.offset_copy(fig.transFigure, fig=fig, y=dy_points, units="points")

    fig.text(x, top, title, transform=at(24 if subtitle else 8), fontsize=12.5, fontweight="bold",
             va="bottom", gid="title")
    if subtitle:
        fig.text(x, top, subtitle, transform=at(8), fontsize=9, color="#555555", va="bottom", gid="subtitle")
    fig.text(x, bottom, textwrap.fill(text, width=int(bb.width * 15)), transform=at(-10), fontsize=8,
             color="#555555", va="top", gid="caption")
    return fig


def ict_value_added(df: pd.DataFrame | None = None):
    """Table 1 ranked: ICT share of business value added, Kazakhstan highlighted, year on each bar."""
    df = kzict.load("ict_value_added") if df is None else df
    # top bar = highest share; ties keep the printed order
    d = df.sort_values("ict_share_pct", ascending=False, kind="stable").iloc[::-1]
    with house_style():
        fig, ax = plt.subplots(figsize=(8, 5))
        colors = [ACCENT if c == "KAZ" else MUTED for c in d["iso3"]]
        bars = ax.barh(d["country"], d["ict_share_pct"], color=colors, height=0.65)
        for bar, (_, row) in zip(bars, d.iterrows()):
            ax.text(bar.get_width() + 0.12, bar.get_y() + bar.get_height() / 2,
                    f"{row.ict_share_pct:.1f} ({row.year})", va="center", fontsize=8.5,
                    color=ACCENT if row.iso3 == "KAZ" else "#333333",
                    fontweight="bold" if row.iso3 == "KAZ" else "normal")
        for label in ax.get_yticklabels():
            if label.get_text() == "Kazakhstan":
                label.set_color(ACCENT)
                label.set_fontweight("bold")
        ax.set_xlim(0, max(d["ict_share_pct"]) * 1.22)
        ax.set_xlabel("ICT producing sector, % of total business value added")
        ax.grid(axis="y", visible=False)
        return _finish(fig, ax, "ICT share of business value added, selected countries",
                       caption("ict_value_added", df),
                       subtitle="Last available year in brackets; Kazakhstan highlighted")


def it_expenditure_structure(df: pd.DataFrame | None = None):
    """The printed shares of IT spending by category: 2015, with the one 2014 share printed beside it."""
    df = kzict.load("it_expenditure_structure") if df is None else df
    wide = df.pivot(index="category", columns="year", values="share_pct")
    wide = wide.sort_values(2015)
    with house_style():
        fig, ax = plt.subplots(figsize=(8, 4.2))
        y = np.arange(len(wide))
        ax.barh(y + 0.18, wide[2015], height=0.36, color=MUTED, label="2015")
        ax.barh(y - 0.18, wide[2014].fillna(0), height=0.36, color=GREY, label="2014 (printed for one category only)")
        for i, (cat, row) in enumerate(wide.iterrows()):
            ax.text(row[2015] + 0.4, i + 0.18, f"{row[2015]:.1f}", va="center", fontsize=8.5)
            if pd.notna(row[2014]):
                ax.text(row[2014] + 0.4, i - 0.18, f"{row[2014]:.0f}", va="center", fontsize=8.5, color="#555555")
        ax.set_yticks(y, wide.index)
        ax.set_xlabel("% of total IT expenditure")
        ax.set_xlim(0, wide.max().max() * 1.15)
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower right", fontsize=8.5)
        named = wide[2015].sum()
        return _finish(fig, ax, "Structure of IT expenditure in Kazakhstan, 2015",
                       caption("it_expenditure_structure", df),
                       subtitle=f"Only the categories the thesis names: together {named:.1f} % of the KZT 375.6 bn total")


def it_trade(df: pd.DataFrame | None = None):
    """IT exports and imports 2011-2015 on a log scale; years without a printed figure are gaps."""
    df = kzict.load("it_trade") if df is None else df
    years = np.arange(df["year"].min(), df["year"].max() + 1)
    with house_style():
        fig, ax = plt.subplots(figsize=(8, 4.6))
        for flow, color in (("import", ACCENT), ("export", MUTED)):
            s = df[df["flow"] == flow].set_index("year")["value_usd_mn"].reindex(years)
            ax.plot(years, s.values, marker="o", color=color, label=f"{flow}s", linewidth=2)
            for yr, v in s.dropna().items():
                ax.annotate(f"{v:,.1f}", (yr, v), textcoords="offset points", xytext=(0, 8),
                            ha="center", fontsize=8.5, color=color)
        missing = [int(y) for y in years if y not in set(df["year"])]
        for yr in missing:
            ax.axvspan(yr - 0.4, yr + 0.4, color="#f2f2f2", zorder=0)
            ax.text(yr, 0.5, "no figure\nprinted", transform=ax.get_xaxis_transform(), ha="center",
                    fontsize=8, color="#777777")
        ax.set_yscale("log")
        ax.set_ylim(50, 6000)
        ax.set_yticks([50, 100, 200, 500, 1000, 2000, 5000])
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.yaxis.set_minor_locator(matplotlib.ticker.NullLocator())
        ax.set_xticks(years)
        ax.set_ylabel("USD million (log scale)")
        ax.set_xlabel("Year")
        ax.legend(loc="upper left")
        return _finish(fig, ax, "IT exports and imports of Kazakhstan, 2011-2015",
                       caption("it_trade", df) + " Export/import labels corrected from the print: "
                       "the thesis's own ratios (imports 7.5x exports in 2014, 18.5x in 2015) require the swap; "
                       "see kzict.corrections().",
                       subtitle="Gaps are years with no printed figure, not zeros")


def ik2020_targets(df: pd.DataFrame | None = None):
    """The 13 targets of Information Kazakhstan 2020: share targets as bars, rank targets beside them."""
    df = kzict.load("ik2020_targets") if df is None else df
    pct = df[df["unit"] == "%"].iloc[::-1]
    rank = df[df["unit"] == "rank"]
    with house_style():
        fig, (ax, axr) = plt.subplots(1, 2, figsize=(9.5, 5.4), width_ratios=[3.2, 1])
        labels = [f"{i}. {t}" for i, t in zip(pct["indicator_id"], pct["indicator"])]
        ax.barh(labels, pct["target_value"], color=MUTED, height=0.6)
        for i, v in enumerate(pct["target_value"]):
            ax.text(v + 1, i, f"{v:g} %", va="center", fontsize=8.5)
        ax.set_xlim(0, 115)
        ax.set_xlabel("Target for 2020, % (at least)")
        ax.grid(axis="y", visible=False)
        names = [textwrap.fill(f"{i}. {t.split(' (')[0].removesuffix(' rank')}", 14)
                 for i, t in zip(rank["indicator_id"], rank["indicator"])]
        axr.bar(names, rank["target_value"], color=ACCENT, width=0.55)
        for i, v in enumerate(rank["target_value"]):
            axr.text(i, v - 1, f"top {v:g}", ha="center", va="bottom", fontsize=8.5, color="white", fontweight="bold")
        axr.set_ylim(60, 0)  # rank 1 is best: the axis runs downwards
        axr.set_ylabel("Target rank for 2020 (at most)")
        axr.tick_params(axis="x", labelsize=8)
        axr.grid(axis="x", visible=False)
        fig.subplots_adjust(wspace=0.35)
        return _finish(fig, ax, "Information Kazakhstan 2020: the 13 target indicators",
                       caption("ik2020_targets", df), subtitle="Targets to be met by the programme's end in 2020")


FIGURES = {
    "table1_ict_value_added": ict_value_added,
    "it_expenditure_structure": it_expenditure_structure,
    "it_trade": it_trade,
    "ik2020_targets": ik2020_targets,
}
