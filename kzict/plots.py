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
import matplotlib.colors
import matplotlib.patches
import matplotlib.ticker
import matplotlib.transforms as mtransforms

if matplotlib.get_backend().lower() not in ("agg", "module://matplotlib_inline.backend_inline"):
    matplotlib.use("Agg")  # headless and deterministic unless a notebook chose inline
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import kzict  # noqa: E402
from kzict.citation import short_citation  # noqa: E402
from kzict.datasets.electronics_business_models import CAPABILITIES

STYLE = resources.files("kzict") / "style" / "kzict.mplstyle"
ACCENT, MUTED, GREY = "#e15759", "#4e79a7", "#b0b0b0"
GREEN = "#59a14f"
OUTCOMES_REFERENCE = "kzict_outcomes_reference"


@contextmanager
def house_style():
    with plt.style.context(str(STYLE)):
        yield


def caption(name: str, df: pd.DataFrame | None = None, note: str = "") -> str:
    """'Source: <original sources>, as printed in <work>, <locator>.' from the dataset's metadata."""
    df = kzict.load(name) if df is None else df
    cites = kzict.load("sources").set_index("source_id")["citation"]
    printed_in = kzict.describe(name).printed_in
    originals = [short_citation(cites[s]) for s in dict.fromkeys(df["source_id"].dropna()) if s != printed_in]
    if printed_in == OUTCOMES_REFERENCE:  # outcome figures: kzict compiled them from the sources themselves
        grades = " and ".join(sorted(set(df["grade"].dropna())))
        return (
            f"Source: {'; '.join(originals)} (grade: {grades}); compiled in kzict's outcome reference"
            + (f". {note}" if note else "")
            + ". Chart: kzict."
        )
    where = f"{short_citation(cites[printed_in])}, " + "; ".join(dict.fromkeys(df["locator"]))
    return (
        (f"Source: {'; '.join(originals)}, as printed in {where}" if originals else f"Source: {where}")
        + (f". {note}" if note else "")
        + ". Chart: kzict."
    )


def _finish(fig, ax, title: str, text: str, subtitle: str | None = None):
    """Title, subtitle and source caption, aligned with the left edge of everything drawn."""
    bb = fig.get_tightbbox(fig.canvas.get_renderer())  # inches
    w, h = fig.get_figwidth(), fig.get_figheight()
    x, top, bottom = bb.x0 / w, bb.y1 / h, bb.y0 / h

    def at(dy_points: float):
        return mtransforms.offset_copy(fig.transFigure, fig=fig, y=dy_points, units="points")

    fig.text(
        x, top, title, transform=at(24 if subtitle else 8), fontsize=12.5, fontweight="bold", va="bottom", gid="title"
    )
    if subtitle:
        fig.text(x, top, subtitle, transform=at(8), fontsize=9, color="#555555", va="bottom", gid="subtitle")
    fig.text(
        x,
        bottom,
        textwrap.fill(text, width=int(bb.width * 15)),
        transform=at(-10),
        fontsize=8,
        color="#555555",
        va="top",
        gid="caption",
    )
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
            ax.text(
                bar.get_width() + 0.12,
                bar.get_y() + bar.get_height() / 2,
                f"{row.ict_share_pct:.1f} ({row.year})",
                va="center",
                fontsize=8.5,
                color=ACCENT if row.iso3 == "KAZ" else "#333333",
                fontweight="bold" if row.iso3 == "KAZ" else "normal",
            )
        for label in ax.get_yticklabels():
            if label.get_text() == "Kazakhstan":
                label.set_color(ACCENT)
                label.set_fontweight("bold")
        ax.set_xlim(0, max(d["ict_share_pct"]) * 1.22)
        ax.set_xlabel("ICT producing sector, % of total business value added")
        ax.grid(axis="y", visible=False)
        return _finish(
            fig,
            ax,
            "ICT share of business value added, selected countries",
            caption("ict_value_added", df),
            subtitle="Last available year in brackets; Kazakhstan highlighted",
        )


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
        for i, (_cat, row) in enumerate(wide.iterrows()):
            ax.text(row[2015] + 0.4, i + 0.18, f"{row[2015]:.1f}", va="center", fontsize=8.5)
            if pd.notna(row[2014]):
                ax.text(row[2014] + 0.4, i - 0.18, f"{row[2014]:.0f}", va="center", fontsize=8.5, color="#555555")
        ax.set_yticks(y, wide.index)
        ax.set_xlabel("% of total IT expenditure")
        ax.set_xlim(0, wide.max().max() * 1.15)
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower right", fontsize=8.5)
        named = wide[2015].sum()
        return _finish(
            fig,
            ax,
            "Structure of IT expenditure in Kazakhstan, 2015",
            caption("it_expenditure_structure", df),
            subtitle=f"Only the categories the thesis names: together {named:.1f} % of the KZT 375.6 bn total",
        )


def _usd_log_axis(ax):
    """The trade charts' value axis: log scale, plain USD-million ticks from 50 to 5,000."""
    ax.set_yscale("log")
    ax.set_ylim(50, 6000)
    ax.set_yticks([50, 100, 200, 500, 1000, 2000, 5000])
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.yaxis.set_minor_locator(matplotlib.ticker.NullLocator())


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
                ax.annotate(
                    f"{v:,.1f}",
                    (yr, v),
                    textcoords="offset points",
                    xytext=(0, 8),
                    ha="center",
                    fontsize=8.5,
                    color=color,
                )
        missing = [int(y) for y in years if y not in set(df["year"])]
        for yr in missing:
            ax.axvspan(yr - 0.4, yr + 0.4, color="#f2f2f2", zorder=0)
            ax.text(
                yr,
                0.5,
                "no figure\nprinted",
                transform=ax.get_xaxis_transform(),
                ha="center",
                fontsize=8,
                color="#777777",
            )
        _usd_log_axis(ax)
        ax.set_xticks(years)
        ax.set_ylabel("USD million (log scale)")
        ax.set_xlabel("Year")
        ax.legend(loc="upper left")
        return _finish(
            fig,
            ax,
            "IT exports and imports of Kazakhstan, 2011-2015",
            caption(
                "it_trade",
                df,
                note="Export/import labels corrected from the print: the "
                "thesis's own ratios (imports 7.5x exports in 2014, 18.5x in 2015) require the swap; "
                "see kzict.corrections()",
            ),
            subtitle="Gaps are years with no printed figure, not zeros",
        )


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
        names = [
            textwrap.fill(f"{i}. {t.split(' (')[0].removesuffix(' rank')}", 14)
            for i, t in zip(rank["indicator_id"], rank["indicator"])
        ]
        axr.bar(names, rank["target_value"], color=ACCENT, width=0.55)
        for i, v in enumerate(rank["target_value"]):
            axr.text(i, v - 1, f"top {v:g}", ha="center", va="bottom", fontsize=8.5, color="white", fontweight="bold")
        axr.set_ylim(60, 0)  # rank 1 is best: the axis runs downwards
        axr.set_ylabel("Target rank for 2020 (at most)")
        axr.tick_params(axis="x", labelsize=8)
        axr.grid(axis="x", visible=False)
        fig.subplots_adjust(wspace=0.35)
        return _finish(
            fig,
            ax,
            "Information Kazakhstan 2020: the 13 target indicators",
            caption("ik2020_targets", df),
            subtitle="Targets to be met by the programme's end in 2020",
        )


def ict_programme_2010_2014(df: pd.DataFrame | None = None):
    """Figure 2: 2009 values against 2014 targets, the sector size in KZT bn and the shares in %."""
    df = kzict.load("ict_programme_2010_2014") if df is None else df
    size = df[df["unit"] == "KZT bn"]
    pct = df[df["unit"] == "%"].iloc[::-1]
    with house_style():
        fig, (axs, ax) = plt.subplots(1, 2, figsize=(9.5, 4.6), width_ratios=[1, 3])
        row = size.iloc[0]
        axs.bar(["2009", "2014\ntarget"], [row.value_2009, row.target_2014], color=[GREY, MUTED], width=0.6)
        for x, v in enumerate([row.value_2009, row.target_2014]):
            axs.text(x, v + 3, f"{v:g}", ha="center", fontsize=9)
        axs.set_ylabel("ICT sector size, KZT bn")
        axs.set_ylim(0, row.target_2014 * 1.2)
        axs.grid(axis="x", visible=False)
        y = np.arange(len(pct))
        ax.hlines(y, pct["value_2009"], pct["target_2014"], color="#cccccc", linewidth=3, zorder=1)
        ax.scatter(pct["value_2009"], y, color=GREY, s=45, zorder=2, label="2009")
        ax.scatter(pct["target_2014"], y, color=MUTED, s=45, zorder=2, label="2014 target")
        for i, (_, r) in enumerate(pct.iterrows()):
            ax.text(r.target_2014 + 2, i, f"{r.value_2009:g} → {r.target_2014:g}", va="center", fontsize=8.5)
        ax.set_yticks(y, pct["goal"])
        ax.set_xlim(0, 100)
        ax.set_xlabel("%")
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower right", fontsize=8.5)
        fig.subplots_adjust(wspace=0.7)
        return _finish(
            fig,
            axs,
            "ICT Programme 2010-2014: 2009 values and 2014 targets",
            caption("ict_programme_2010_2014", df),
            subtitle="Quantitative goals of Figure 2; its qualitative rows are in the table",
        )


def ict_policy_documents(df: pd.DataFrame | None = None):
    """Figure 3 as a timeline: a dated act is a point, an act dated by year alone spans its year."""
    df = kzict.load("ict_policy_documents") if df is None else df
    d = df.sort_values("date")
    with house_style():
        fig, ax = plt.subplots(figsize=(8.5, 3.4))
        for i, (_, r) in enumerate(d.iterrows()):
            if r.date_precision == "year":
                ax.barh(i, 1, left=r.year, height=0.35, color=MUTED, alpha=0.35)
                x = r.year + 0.5
            else:
                ts = pd.Timestamp(r.date)
                x = r.year + (ts.day_of_year - 0.5) / (366 if ts.is_leap_year else 365)
                ax.plot(x, i, marker="D", color=MUTED, markersize=8)
            title = textwrap.shorten(r.title.strip(" ."), 60, placeholder="…")
            ax.text(x, i + 0.3, f"{title}\n{r.legal_act}, {r.date}", ha="center", va="bottom", fontsize=8)
        ax.set_yticks([])
        ax.set_ylim(-0.6, len(d) + 0.2)
        lo, hi = int(d["year"].min()), int(d["year"].max()) + 1
        ax.set_xlim(lo - 0.6, hi + 0.6)
        ax.set_xticks(range(lo, hi + 1))
        ax.set_xlabel("Date (a bar: only the year is printed)")
        ax.spines["left"].set_visible(False)
        return _finish(fig, ax, "Major ICT policy documents, 2010-2013", caption("ict_policy_documents", df))


def ict_rankings(df: pd.DataFrame | None = None):
    """Kazakhstan's rank in the ICT indices the thesis cites, by edition; rank axis inverted."""
    df = kzict.load("ict_rankings") if df is None else df
    markers = {
        "ICT Development Index": ("o", ACCENT),
        "Networked Readiness Index": ("s", MUTED),
        "Global Information Technology Report": ("D", "#59a14f"),
    }
    with house_style():
        fig, ax = plt.subplots(figsize=(7.5, 4.2))
        for name, g in df.groupby("index", sort=False):
            m, c = markers.get(name, ("o", GREY))
            g = g.sort_values("edition_year")
            ax.plot(
                g["edition_year"],
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
                dy = -14 if name == "Global Information Technology Report" else 9
                ax.annotate(
                    f"{r['rank']}{of}",
                    (r.edition_year, r["rank"]),
                    textcoords="offset points",
                    xytext=(10, dy),
                    fontsize=8.5,
                    color=c,
                )
        ax.set_ylim(60, 30)  # rank 1 is best: the axis runs downwards
        ax.set_xlim(2011.5, 2014.8)
        ax.set_xticks([2012, 2013, 2014])
        ax.set_xlabel("Edition")
        ax.set_ylabel("Kazakhstan's rank (1 = best)")
        ax.legend(loc="lower right", fontsize=8)
        return _finish(
            fig,
            ax,
            "Kazakhstan in international ICT rankings",
            caption("ict_rankings", df),
            subtitle="The 2013 Networked Readiness rank is printed twice (as the GITR's and the NRI's)",
        )


def survey_profile(df: pd.DataFrame | None = None):
    """The survey: who was invited, surveyed and interviewed, and the printed shares of respondents."""
    df = kzict.load("survey_profile") if df is None else df
    counts = df[df["measure"].isin(["invited", "surveyed", "interviewed"])]
    with house_style():
        fig, (axc, ax) = plt.subplots(1, 2, figsize=(9.5, 3.8), width_ratios=[1, 1.6])
        axc.bar(counts["measure"], counts["value"], color=[GREY, MUTED, ACCENT], width=0.6)
        for i, v in enumerate(counts["value"]):
            axc.text(i, v + 2, f"{v:g}", ha="center", fontsize=9)
        axc.set_ylabel("Entrepreneurs, persons")
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
        return _finish(
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
        fig, ax = plt.subplots(figsize=(8, 5))
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
        return _finish(fig, ax, "Coding of the interview evidence", caption("coding_scheme", df))


def asadel_fund(df: pd.DataFrame | None = None):
    """The Asadel fund's planned allocation by sector, with its size and ticket ranges."""
    df = kzict.load("asadel_fund") if df is None else df
    v = df.set_index(["measure", "category", "statistic"])["value"]
    alloc = df[df["measure"] == "allocation"].sort_values("value", ascending=False, kind="stable")
    with house_style():
        fig, ax = plt.subplots(figsize=(8, 3.6))
        ax.barh(alloc["category"], alloc["value"], color=MUTED, height=0.6)
        for i, val in enumerate(alloc["value"]):
            ax.text(val + 1, i, f"{val:g} %", va="center", fontsize=9)
        ax.invert_yaxis()
        ax.set_xlim(0, 60)
        ax.set_xlabel("Planned allocation, % of the fund")
        ax.grid(axis="y", visible=False)
        sub = (
            f"Fund USD {v[('fund_size', 'all', 'value')]:g} mn; USD "
            f"{v[('investment_per_company', 'all', 'min')]:g}-{v[('investment_per_company', 'all', 'max')]:g} mn "
            f"per company for stakes of {v[('stake', 'all', 'min')]:g}-{v[('stake', 'all', 'max')]:g} %"
        )
        return _finish(fig, ax, "Asadel Venture Fund: planned allocation", caption("asadel_fund", df), subtitle=sub)


FACT_PAIRS = [  # (group label with unit, fact_ids); each group compares like with like
    ("ICT share of business value added, %", ["kaz_ict_share_bva", "oecd_ict_share_bva"]),
    ("Telecom share of the ICT sector, %", ["kaz_telecom_share_of_ict", "oecd_telecom_share_of_ict"]),
    ("Coverage in Kazakhstan, %", ["mobile_coverage", "landline_coverage"]),
    ("Kazakh content, 2010, % of value sold", ["local_content_it_hardware", "local_content_it_services"]),
    ("ICT goods in trade in goods, 2010, %", ["ict_goods_share_world_trade", "ict_goods_share_trade_emerging"]),
    ("Growth, % per year", ["target_average_annual_growth", "target_turnover_cagr", "it_production_growth"]),
]
_FACT_LABELS = {
    "kaz_ict_share_bva": "Kazakhstan",
    "oecd_ict_share_bva": "OECD",
    "kaz_telecom_share_of_ict": "Kazakhstan",
    "oecd_telecom_share_of_ict": "OECD",
    "mobile_coverage": "mobile",
    "landline_coverage": "landline",
    "local_content_it_hardware": "IT hardware",
    "local_content_it_services": "IT services",
    "ict_goods_share_world_trade": "world",
    "ict_goods_share_trade_emerging": "emerging economies",
    "target_average_annual_growth": "ICT sector target 2010-14",
    "target_turnover_cagr": "turnover CAGR target",
    "it_production_growth": "IT production, 2015",
}


def sector_facts(df: pd.DataFrame | None = None):
    """The single figures of Ch. 3 in comparable pairs, each group with its own unit."""
    df = kzict.load("sector_facts") if df is None else df
    v = df.set_index("fact_id")["value"]
    with house_style():
        fig, ax = plt.subplots(figsize=(8.5, 6.2))
        y, ticks, labels = 0, [], []
        for group, ids in FACT_PAIRS:
            ax.text(0, y - 0.75, group, fontsize=9, fontweight="bold", color="#333333")
            for fid in ids:
                is_kz = _FACT_LABELS[fid] == "Kazakhstan"
                ax.barh(y, v[fid], color=ACCENT if is_kz else MUTED, height=0.7)
                ax.text(v[fid] + 0.8, y, f"{v[fid]:g}", va="center", fontsize=8.5)
                ticks.append(y)
                labels.append(_FACT_LABELS[fid])
                y += 1
            y += 1.3
        ax.set_yticks(ticks, labels)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("% (unit of each group in its heading)")
        ax.grid(axis="y", visible=False)
        return _finish(fig, ax, "The ICT sector in single figures (Ch. 3)", caption("sector_facts", df))


def transnational_channels(df: pd.DataFrame | None = None):
    """Figures 4-6 redrawn: for each channel, the flows into and out of Kazakhstan and who leads them."""
    df = kzict.load("transnational_channels") if df is None else df
    colors = {"state": ACCENT, "entrepreneurs": MUTED}
    channels = list(dict.fromkeys(df["channel"]))
    with house_style():
        fig, axes = plt.subplots(1, len(channels), figsize=(10, 4.2))
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
        return _finish(
            fig,
            axes[0],
            "Transnational ties: who leads each flow (Figures 4-6 redrawn)",
            caption("transnational_channels", df),
            subtitle="The original images were lost; redrawn from the text of Ch. 5",
        )


def electronics_business_models(df: pd.DataFrame | None = None):
    """The four business models and the capabilities the abstract states; NA cells are 'not stated'."""
    df = kzict.load("electronics_business_models") if df is None else df
    caps = list(CAPABILITIES)
    level = {"yes": 2, "limited": 1}
    with house_style():
        fig, ax = plt.subplots(figsize=(9, 3.8))
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
        ax.set_xticks(range(len(caps)), [textwrap.fill(CAPABILITIES[c], 12) for c in caps], fontsize=7.5)
        ax.xaxis.tick_top()
        ax.grid(False)
        for spine in ax.spines.values():
            spine.set_visible(False)
        return _finish(
            fig,
            ax,
            "Electronics firms in Kazakhstan: four business models",
            caption("electronics_business_models", df),
            subtitle="Capabilities as the paper's abstract states them (fieldwork 2022-2023)",
        )


def _target(targets: pd.DataFrame, indicator_id: int) -> pd.Series:
    return targets.set_index("indicator_id").loc[indicator_id]


def internet_users(df: pd.DataFrame | None = None):
    """Individuals using the Internet, 2005-2023, against the Information Kazakhstan 2020 target of 75 %."""
    df = kzict.load("indicator_outcomes") if df is None else df
    s = df[df["indicator"] == "internet_users_pct"].sort_values("year")
    t = _target(kzict.load("ik2020_targets"), 4)
    with house_style():
        fig, ax = plt.subplots(figsize=(8, 4.6))
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
            f"{first.value:g} % in {first.year}:\nfirst above the target",
            (first.year, first.value),
            xytext=(-95, 25),
            textcoords="offset points",
            fontsize=8.5,
            arrowprops=dict(arrowstyle="-", color="#777777"),
        )
        v2020 = s.set_index("year").loc[t.target_year, "value"]
        ax.annotate(
            f"{v2020:g} % in {t.target_year}",
            (t.target_year, v2020),
            xytext=(8, -16),
            textcoords="offset points",
            fontsize=8.5,
        )
        ax.set_ylim(0, 100)
        ax.set_xticks(range(int(s["year"].min()), int(s["year"].max()) + 1, 3))
        ax.set_xlabel("Year")
        ax.set_ylabel("Individuals using the Internet, % of population")
        return _finish(
            fig,
            ax,
            "Internet users against the 2020 target",
            caption("indicator_outcomes", s),
            subtitle="Information Kazakhstan 2020, target 4: met (from 2017)",
        )


def egov_rank(df: pd.DataFrame | None = None):
    """Kazakhstan's UN E-Government Development Index rank against the top-25 target; rank axis inverted."""
    df = kzict.load("indicator_outcomes") if df is None else df
    s = df[df["indicator"] == "egov_rank"].sort_values("year")
    t = _target(kzict.load("ik2020_targets"), 2)
    with house_style():
        fig, ax = plt.subplots(figsize=(8, 4.6))
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
        ax.set_ylim(50, 15)  # rank 1 is best: the axis runs downwards
        ax.set_xticks(s["year"])
        ax.set_xlabel("Survey edition")
        ax.set_ylabel("Rank (1 = best)")
        ax.legend(loc="lower right", fontsize=8.5)
        return _finish(
            fig,
            ax,
            "E-government rank against the top-25 target",
            caption("indicator_outcomes", s),
            subtitle="Information Kazakhstan 2020, target 2: not met (29th in 2020; best 28th)",
        )


def ik2020_scorecard(df: pd.DataFrame | None = None):
    """The 13 targets and their verdicts: met, not met, not measured."""
    df = kzict.load("ik2020_scorecard") if df is None else df
    colors = {"met": GREEN, "not_met": ACCENT, "not_measured": "#bbbbbb"}
    with house_style():
        fig, ax = plt.subplots(figsize=(9.5, 5.6))
        ax.set_axis_off()
        n = len(df)
        for i, r in enumerate(df.itertuples()):
            y = 1 - (i + 0.5) / n
            ax.add_patch(
                matplotlib.patches.FancyBboxPatch(
                    (0.0, y - 0.028),
                    0.13,
                    0.056,
                    boxstyle="round,pad=0.004",
                    color=colors[r.status],
                    transform=ax.transAxes,
                )
            )
            ax.text(
                0.065,
                y,
                r.status.replace("_", " "),
                ha="center",
                va="center",
                fontsize=8.5,
                color="white" if r.status != "not_measured" else "#333333",
                fontweight="bold",
            )
            unit = "rank " if r.unit == "rank" else ""
            sign = "≤" if r.comparison == "at_most" else "≥"
            ax.text(0.15, y, f"{r.target_id}. {r.target}", va="center", fontsize=8.5)
            tgt = f"{sign} {unit}{r.target_value:g}{' %' if r.unit == '%' else ''}"
            ax.text(0.64, y, tgt, va="center", fontsize=8.5)
            if pd.notna(r.outcome_value):
                q = f"{r.outcome_qualifier} " if isinstance(r.outcome_qualifier, str) else ""
                pct = " %" if r.unit == "%" else ""
                star = "*" if r.nearest_year else ""
                out = f"{q}{unit}{r.outcome_value:g}{pct} ({r.outcome_year}{star}, {r.grade})"
            else:
                out = "no comparable figure"
            ax.text(
                0.76, y, out, va="center", fontsize=8.5, color="#333333" if pd.notna(r.outcome_value) else "#888888"
            )
        for x, head in ((0.15, "target"), (0.64, "2020 goal"), (0.76, "outcome (year, grade)")):
            ax.text(x, 1.0, head, fontsize=8.5, color="#555555", fontweight="bold", va="bottom")
        counts = df["status"].value_counts()
        sub = (
            f"{counts.get('met', 0)} met, {counts.get('not_met', 0)} not met, "
            f"{counts.get('not_measured', 0)} not measured; * nearest year to 2020"
        )
        return _finish(
            fig,
            ax,
            "Information Kazakhstan 2020: targets against outcomes",
            caption("ik2020_scorecard", df),
            subtitle=sub,
        )


def it_trade_vs_services(df: pd.DataFrame | None = None):
    """The thesis's IT trade series beside World Bank ICT service exports (services only)."""
    df = kzict.load("it_trade") if df is None else df
    o = kzict.load("indicator_outcomes")
    wb = o[o["indicator"] == "ict_service_exports_usd_mn"].sort_values("year")
    years = np.arange(2009, 2016)
    with house_style():
        fig, ax = plt.subplots(figsize=(8, 4.6))
        ax.plot(
            wb["year"],
            wb["value"],
            color=GREEN,
            linewidth=2,
            marker="D",
            markersize=5,
            label="World Bank: ICT service exports (services only)",
        )
        for flow, color in (("import", ACCENT), ("export", MUTED)):
            s = df[df["flow"] == flow].set_index("year")["value_usd_mn"].reindex(years)
            ax.plot(
                years, s.values, marker="o", color=color, linewidth=2, label=f"thesis: IT {flow}s (corrected labels)"
            )
        _usd_log_axis(ax)
        ax.set_xticks(years)
        ax.set_xlabel("Year")
        ax.set_ylabel("USD million (log scale)")
        ax.legend(loc="upper left", fontsize=8)
        sources = kzict.load("sources").set_index("source_id")["citation"]
        cap = caption(
            "it_trade",
            df,
            note="ICT service exports: "
            + short_citation(sources[wb["source_id"].iloc[0]])
            + ", WDI BX.GSR.CCIS.CD (file grade)",
        )
        return _finish(
            fig,
            ax,
            "The thesis's IT trade beside World Bank ICT service exports",
            cap,
            subtitle="Service exports are of the order of the smaller series: the one the correction calls exports",
        )


FIGURES = {
    "table1_ict_value_added": ict_value_added,
    "it_expenditure_structure": it_expenditure_structure,
    "it_trade": it_trade,
    "ik2020_targets": ik2020_targets,
    "ict_programme_2010_2014": ict_programme_2010_2014,
    "ict_policy_documents": ict_policy_documents,
    "ict_rankings": ict_rankings,
    "survey_profile": survey_profile,
    "coding_scheme": coding_scheme,
    "asadel_fund": asadel_fund,
    "sector_facts": sector_facts,
    "transnational_channels": transnational_channels,
    "electronics_business_models": electronics_business_models,
    "internet_users": internet_users,
    "egov_rank": egov_rank,
    "ik2020_scorecard": ik2020_scorecard,
    "it_trade_vs_services": it_trade_vs_services,
}
