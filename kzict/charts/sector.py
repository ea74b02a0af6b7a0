"""Charts of notebook 01_ict_sector: value added, IT spending, the single figures of Ch. 3."""

from __future__ import annotations

import numpy as np
import pandas as pd

import kzict
from kzict.charts.style import ACCENT, GREY, MUTED, caption, column_label, finish, house_style, subplots


def ict_value_added(df: pd.DataFrame | None = None):
    """Table 1 ranked: ICT share of business value added, Kazakhstan highlighted, year on each bar."""
    df = kzict.load("ict_value_added") if df is None else df
    # top bar = highest share; ties keep the printed order
    d = df.sort_values("ict_share_pct", ascending=False, kind="stable").iloc[::-1]
    with house_style():
        fig, ax = subplots(figsize=(8, 5))
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
        ax.set_xlabel(column_label("ict_value_added", "ict_share_pct"))
        ax.grid(axis="y", visible=False)
        return finish(
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
    latest, before = sorted(wide.columns)[-1], sorted(wide.columns)[-2]
    wide = wide.sort_values(latest)
    total = kzict.load("it_expenditure_total").set_index("year").loc[latest]
    currency, scale = column_label("it_expenditure_total", "total_kzt_bn").split(", ")[-1].split()[:2]
    with house_style():
        fig, ax = subplots(figsize=(8, 4.2))
        y = np.arange(len(wide))
        n_before = int(wide[before].notna().sum())
        only = (
            f" (printed for {n_before} categor{'y' if n_before == 1 else 'ies'} only)" if n_before < len(wide) else ""
        )
        ax.barh(y + 0.18, wide[latest], height=0.36, color=MUTED, label=str(latest))
        ax.barh(y - 0.18, wide[before].fillna(0), height=0.36, color=GREY, label=f"{before}{only}")
        for i, (_cat, row) in enumerate(wide.iterrows()):
            ax.text(row[latest] + 0.4, i + 0.18, f"{row[latest]:.1f}", va="center", fontsize=8.5)
            if pd.notna(row[before]):
                ax.text(row[before] + 0.4, i - 0.18, f"{row[before]:.0f}", va="center", fontsize=8.5, color="#555555")
        ax.set_yticks(y, wide.index)
        ax.set_xlabel(column_label("it_expenditure_structure", "share_pct"))
        ax.set_xlim(0, wide.max().max() * 1.15)
        ax.grid(axis="y", visible=False)
        ax.legend(loc="lower right", fontsize=8.5)
        named = wide[latest].sum()
        return finish(
            fig,
            ax,
            f"Structure of IT expenditure in Kazakhstan, {latest}",
            caption("it_expenditure_structure", df),
            subtitle=f"Only the categories the thesis names: together {named:.1f} % of the "
            f"{currency} {total.total_kzt_bn:g} {scale} total",
        )


FACT_PAIRS = [  # (group heading, fact_ids); each group compares like with like; units and years come from the data
    ("ICT share", ["kaz_ict_share_bva", "oecd_ict_share_bva"]),
    ("Telecom share", ["kaz_telecom_share_of_ict", "oecd_telecom_share_of_ict"]),
    ("Network coverage in Kazakhstan", ["mobile_coverage", "landline_coverage"]),
    ("Kazakh content", ["local_content_it_hardware", "local_content_it_services"]),
    ("ICT goods in trade in goods", ["ict_goods_share_world_trade", "ict_goods_share_trade_emerging"]),
    ("Growth", ["target_average_annual_growth", "target_turnover_cagr", "it_production_growth"]),
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
    "target_average_annual_growth": "ICT sector target",
    "target_turnover_cagr": "turnover CAGR target",
    "it_production_growth": "IT production",
}


def _when(r: pd.Series) -> str:
    return str(r.year) if pd.notna(r.year) else (r.period if isinstance(r.period, str) else "")


def sector_facts(df: pd.DataFrame | None = None):
    """The single figures of Ch. 3 in comparable pairs, each group with its own unit."""
    df = kzict.load("sector_facts") if df is None else df
    facts = df.set_index("fact_id")
    with house_style():
        fig, ax = subplots(figsize=(8.5, 6.2))
        y, ticks, labels = 0, [], []
        for group, ids in FACT_PAIRS:
            g = facts.loc[ids]
            whens, units = {_when(r) for _, r in g.iterrows()}, set(g["unit"])
            heading = group + (f", {next(iter(whens))}" if len(whens) == 1 and "" not in whens else "")
            heading += f", {next(iter(units))}" if len(units) == 1 else ""
            ax.text(0, y - 0.75, heading, fontsize=9, fontweight="bold", color="#333333")
            for fid, r in g.iterrows():
                is_kz = _FACT_LABELS[fid] == "Kazakhstan"
                ax.barh(y, r.value, color=ACCENT if is_kz else MUTED, height=0.7)
                ax.text(r.value + 0.8, y, f"{r.value:g}", va="center", fontsize=8.5)
                ticks.append(y)
                label = _FACT_LABELS[fid] + (f", {_when(r)}" if len(whens) > 1 and _when(r) else "")
                labels.append(label + (f" ({r.unit})" if len(units) > 1 else ""))
                y += 1
            y += 1.3
        ax.set_yticks(ticks, labels)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        ax.set_xlabel("% (unit of each group in its heading)")
        ax.grid(axis="y", visible=False)
        return finish(fig, ax, "The ICT sector in single figures (Ch. 3)", caption("sector_facts", df))


NOTEBOOK = "01_ict_sector"
CHARTS = {
    "table1_ict_value_added": ict_value_added,
    "it_expenditure_structure": it_expenditure_structure,
    "sector_facts": sector_facts,
}
