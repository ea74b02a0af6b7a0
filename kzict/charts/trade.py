"""Charts of notebook 02_it_trade: IT exports and imports, and the World Bank comparison series."""

from __future__ import annotations

import numpy as np
import pandas as pd

import kzict
from kzict.charts.style import (
    ACCENT,
    GREEN,
    MUTED,
    caption,
    column_label,
    finish,
    house_style,
    subplots,
    usd_log_axis,
    year_span,
)
from kzict.citation import short_citation


def it_trade(df: pd.DataFrame | None = None):
    """IT exports and imports 2011-2015 on a log scale; years without a printed figure are gaps."""
    df = kzict.load("it_trade") if df is None else df
    years = np.arange(df["year"].min(), df["year"].max() + 1)
    with house_style():
        fig, ax = subplots(figsize=(8, 4.6))
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
        usd_log_axis(ax)
        ax.set_xticks(years)
        ax.set_ylabel(column_label("it_trade", "value_usd_mn") + ", log scale")
        ax.set_xlabel("Year")
        ax.legend(loc="upper left")
        # the thesis's printed import/export ratios, which the corrected labels reproduce (the claims audit)
        audit = kzict.audit()
        claims = audit[audit["claim_id"].str.startswith("ch3-import-over-export")]
        ratios = " and ".join(
            f"{c.printed} times{' exports' if i == 0 else ''} in {c.claim_id.rsplit('-', 1)[1]}"
            for i, c in enumerate(claims.itertuples())
        )
        return finish(
            fig,
            ax,
            f"IT exports and imports of Kazakhstan, {year_span(df['year'])}",
            caption(
                "it_trade",
                df,
                note="Export/import labels corrected from the print: the thesis's own ratios (imports "
                f"{ratios}) hold only with the swap; see kzict.corrections()",
            ),
            subtitle="Gaps are years with no printed figure, not zeros",
        )


def it_trade_vs_services(df: pd.DataFrame | None = None):
    """The thesis's IT trade series beside World Bank ICT service exports (services only)."""
    df = kzict.load("it_trade") if df is None else df
    o = kzict.load("indicator_outcomes")
    wb = o[o["indicator"] == "ict_service_exports_usd_mn"].sort_values("year")
    years = np.arange(min(wb["year"].min(), df["year"].min()), max(wb["year"].max(), df["year"].max()) + 1)
    with house_style():
        fig, ax = subplots(figsize=(8, 4.6))
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
        usd_log_axis(ax)
        ax.set_xticks(years)
        ax.set_xlabel("Year")
        ax.set_ylabel(column_label("it_trade", "value_usd_mn").split(", ")[-1] + ", log scale")
        ax.legend(loc="upper left", fontsize=8)
        sources = kzict.load("sources").set_index("source_id")["citation"]
        cap = caption(
            "it_trade",
            df,
            note="ICT service exports: "
            + short_citation(sources[wb["source_id"].iloc[0]])
            + ", WDI BX.GSR.CCIS.CD (file grade)",
        )
        return finish(
            fig,
            ax,
            "The thesis's IT trade beside World Bank ICT service exports",
            cap,
            subtitle="Service exports are of the order of the smaller series: the one the correction calls exports",
        )


NOTEBOOK = "02_it_trade"
CHARTS = {"it_trade": it_trade, "it_trade_vs_services": it_trade_vs_services}
