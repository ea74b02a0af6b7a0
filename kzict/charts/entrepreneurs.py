"""Charts of notebook 04_entrepreneurs_and_firms: the survey, the coding, transnational ties, firms."""

from __future__ import annotations

import re
import textwrap

import matplotlib.colors
import matplotlib.patches
import numpy as np
import pandas as pd

import kzict
from kzict.charts.style import ACCENT, GREY, MUTED, caption, finish, house_style, subplots


def survey_profile(df: pd.DataFrame | None = None):
    """The survey: who was invited, surveyed and interviewed, and the printed shares of respondents."""
    df = kzict.load("survey_profile") if df is None else df
    counts = df[df["measure"].isin(["invited", "surveyed", "interviewed"])]
    with house_style():
        fig, (axc, ax) = subplots(1, 2, figsize=(9.5, 3.8), width_ratios=[1, 1.6])
        axc.bar(counts["measure"], counts["value"], color=[GREY, MUTED, ACCENT], width=0.6)
        for i, v in enumerate(counts["value"]):
            axc.text(i, v + 2, f"{v:g}", ha="center", fontsize=9)
        axc.set_ylabel(f"Entrepreneurs, {counts['unit'].iloc[0]}")
        axc.grid(axis="x", visible=False)
        blocks = ["purpose_of_stay_abroad", "residence", "gender"]
        palette = ["4e79a7", "f28e2b", "59a14f", "76b7b2"]
        for j, measure in enumerate(blocks):
            part = df[df["measure"] == measure]
            left = 0.0
            for k, (_, r) in enumerate(part.iterrows()):
                ax.barh(j, r.value, left=left, color="#" + palette[k], height=0.6, edgecolor="white")
                if r.value >= 12:
                    ax.text(
                        left + r.value / 2,
                        j,
                        f"{r.category}\n{r.value:g}",
                        ha="center",
                        va="center",
                        fontsize=7.5,
                        color="white",
                    )
                else:  # too narrow for its label: write it above the segment
                    ax.text(
                        left + r.value,
                        j - 0.36,
                        f"{r.category} {r.value:g}",
                        ha="right",
                        va="bottom",
                        fontsize=7.5,
                        color="#333333",
                    )
                left += r.value
        ax.set_yticks(range(len(blocks)), ["purpose of stay\nabroad", "residence", "gender"])
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("% of respondents (as printed)")
        ax.grid(axis="y", visible=False)
        fig.subplots_adjust(wspace=0.45)
        age = df[df["measure"] == "age"].set_index("statistic")["value"]
        return finish(
            fig,
            axc,
            "The entrepreneurs in the thesis's survey",
            caption("survey_profile", df),
            subtitle=f"Age {age['min']:g}-{age['max']:g} (mean {age['mean']:g}); the base of the shares is not printed",
        )


def coding_scheme(df: pd.DataFrame | None = None):
    """The coding: 13 first-cycle labels reduced to 6 variables in two groups."""
    df = kzict.load("coding_scheme") if df is None else df
    first = df[df["stage"] == "first cycle"]
    final = df[df["stage"] == "final"]
    with house_style():
        fig, ax = subplots(figsize=(8, 5))
        ax.set_axis_off()
        n = len(first)
        for i, label in enumerate(first["label"]):
            ax.text(
                0.05,
                1 - (i + 0.5) / n,
                label,
                fontsize=9,
                va="center",
                bbox=dict(boxstyle="round,pad=0.25", fc="#f2f2f2", ec="none"),
            )
        colors = {"government": ACCENT, "entrepreneurs": MUTED}
        y = 0.9
        for group, g in final.groupby("group", sort=False):
            ax.text(0.62, y + 0.06, group, fontsize=10, fontweight="bold", color=colors[group])
            for label in g["label"]:
                ax.text(
                    0.62,
                    y,
                    label,
                    fontsize=9,
                    va="center",
                    bbox=dict(boxstyle="round,pad=0.3", fc="white", ec=colors[group]),
                )
                y -= 0.09
            y -= 0.1
        ax.annotate("", (0.58, 0.5), (0.42, 0.5), arrowprops=dict(arrowstyle="-|>", color="#777777", lw=1.5))
        ax.text(0.5, 0.53, f"{n} → {len(final)}", ha="center", fontsize=11, color="#555555")
        ax.text(0.05, 1.02, "First cycle: in vivo labels", fontsize=9, color="#555555")
        ax.text(0.62, 1.02, "Final variables", fontsize=9, color="#555555")
        return finish(fig, ax, "Coding of the interview evidence", caption("coding_scheme", df))


def transnational_channels(df: pd.DataFrame | None = None):
    """Figures 4-6 redrawn: for each channel, the flows into and out of Kazakhstan and who leads them."""
    df = kzict.load("transnational_channels") if df is None else df
    colors = {"state": ACCENT, "entrepreneurs": MUTED}
    channels = list(dict.fromkeys(df["channel"]))
    numbers = sorted({int(f.split(",")[0].split()[-1]) for f in df["figure"]})
    figures = f"Figures {numbers[0]}-{numbers[-1]}" if len(numbers) > 1 else f"Figure {numbers[0]}"
    with house_style():
        fig, axes = subplots(1, len(channels), figsize=(10, 4.2))
        for ax, ch in zip(axes, channels):
            ax.set_axis_off()
            ax.set_xlim(0, 1)
            ax.set_ylim(0, 1)
            g = df[df["channel"] == ch].set_index("direction")
            for y, text in ((0.9, "Abroad"), (0.1, "Kazakhstan")):
                ax.text(
                    0.5,
                    y,
                    text,
                    ha="center",
                    va="center",
                    fontsize=10,
                    bbox=dict(boxstyle="round,pad=0.5", fc="#f2f2f2", ec="#999999"),
                )
            # labels sit on the inner side of each arrow, at different heights, so panels never collide
            for direction, x, (y0, y1), (lx, ly, ha) in (
                ("into Kazakhstan", 0.12, (0.8, 0.2), (0.17, 0.6, "left")),
                ("out of Kazakhstan", 0.88, (0.2, 0.8), (0.83, 0.4, "right")),
            ):
                actor = g.loc[direction, "lead_actor"]
                ax.annotate("", (x, y1), (x, y0), arrowprops=dict(arrowstyle="-|>", lw=2.5, color=colors[actor]))
                ax.text(lx, ly, f"{direction}\nled by\n{actor}", ha=ha, va="center", fontsize=8, color=colors[actor])
            fig_no = g["figure"].iloc[0].split(",")[0]
            ax.set_title(f"{fig_no}: {ch}", fontsize=9.5, fontweight="normal", loc="center")
        return finish(
            fig,
            axes[0],
            f"Transnational ties: who leads each flow ({figures} redrawn)",
            caption("transnational_channels", df),
            subtitle="The original images were lost; redrawn from the text of Ch. 5",
        )


def asadel_fund(df: pd.DataFrame | None = None):
    """The Asadel fund's planned allocation by sector, with its size and ticket ranges."""
    df = kzict.load("asadel_fund") if df is None else df
    v = df.set_index(["measure", "category", "statistic"])["value"]
    alloc = df[df["measure"] == "allocation"].sort_values("value", ascending=False, kind="stable")
    with house_style():
        fig, ax = subplots(figsize=(8, 3.6))
        ax.barh(alloc["category"], alloc["value"], color=MUTED, height=0.6)
        for i, val in enumerate(alloc["value"]):
            ax.text(val + 1, i, f"{val:g} %", va="center", fontsize=9)
        ax.invert_yaxis()
        ax.set_xlim(0, alloc["value"].max() * 1.2)
        ax.set_xlabel("Planned allocation, % of the fund")
        ax.grid(axis="y", visible=False)
        sub = (
            f"Fund USD {v[('fund_size', 'all', 'value')]:g} mn; USD "
            f"{v[('investment_per_company', 'all', 'min')]:g}-{v[('investment_per_company', 'all', 'max')]:g} mn "
            f"per company for stakes of {v[('stake', 'all', 'min')]:g}-{v[('stake', 'all', 'max')]:g} %"
        )
        return finish(fig, ax, "Asadel Venture Fund: planned allocation", caption("asadel_fund", df), subtitle=sub)


def electronics_business_models(df: pd.DataFrame | None = None):
    """The four business models and the capabilities the abstract states; NA cells are 'not stated'."""
    df = kzict.load("electronics_business_models") if df is None else df
    # the capability columns are the plain categorical ones; their codebook descriptions label them
    book = kzict.describe("electronics_business_models")
    labels = {c["column"]: c["description"].rstrip(".") for c in book.columns if c["unit"] == "category"}
    caps = list(labels)
    fieldwork = re.search(r"\(fieldwork [^)]*\)", book.note)
    level = {"yes": 2, "limited": 1}
    with house_style():
        fig, ax = subplots(figsize=(9, 3.8))
        cmap = matplotlib.colors.ListedColormap(["#f7f7f7", "#a6c3de", MUTED])
        grid = np.array([[level.get(v, 0) if isinstance(v, str) else 0 for v in df[c]] for c in caps]).T
        ax.imshow(grid, cmap=cmap, vmin=0, vmax=2, aspect="auto")
        for i in range(grid.shape[0]):
            for j, c in enumerate(caps):
                val = df[c].iloc[i]
                ax.text(
                    j,
                    i,
                    val if isinstance(val, str) else "not stated",
                    ha="center",
                    va="center",
                    fontsize=7.5,
                    color="white" if val == "yes" else "#777777",
                )
        ylabels = [
            f"{m}. {lab if isinstance(lab, str) else '(not described)'}" + (f" [{t}]" if isinstance(t, str) else "")
            for m, lab, t in zip(df["model_id"], df["model"], df["tier"].astype(object))
        ]
        ax.set_yticks(range(len(df)), [textwrap.fill(s, 34) for s in ylabels], fontsize=8)
        ax.set_xticks(range(len(caps)), [textwrap.fill(labels[c], 14) for c in caps], fontsize=7.5)
        ax.xaxis.tick_top()
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(False)
        return finish(
            fig,
            ax,
            f"Electronics firms in Kazakhstan: {len(df)} business models",
            caption("electronics_business_models", df),
            subtitle="Capabilities as the paper's abstract states them" + (f" {fieldwork[0]}" if fieldwork else ""),
        )


NOTEBOOK = "04_entrepreneurs_and_firms"
CHARTS = {
    "survey_profile": survey_profile,
    "coding_scheme": coding_scheme,
    "transnational_channels": transnational_channels,
    "asadel_fund": asadel_fund,
    "electronics_business_models": electronics_business_models,
}
