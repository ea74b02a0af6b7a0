"""Charts of notebook 06_indicators_in_context: Kazakhstan's ICT indicators against its peers, from public files.

Every number comes from the clean tables; each caption names the publisher (``source_id`` -> ``sources``)
and the release(s) the values are read from.
"""

from __future__ import annotations

import matplotlib.ticker
import pandas as pd

import kzict
from kzict.charts._peers import KAZ, PEERS, and_, coarse_note, economies, lines, peers_of, source_caption, wdi
from kzict.charts.style import ACCENT, MUTED, column_label, finish, house_style, ordinal, subplots, year_span
from kzict.citation import short_citation

LABEL_BOX = dict(boxstyle="square,pad=0.1", facecolor="white", edgecolor="none", alpha=0.85)  # legible over lines


def ict_goods_trade(df: pd.DataFrame | None = None):
    """ICT goods as a share of goods exports and of goods imports: Kazakhstan against its peers."""
    panels = [("TX.VAL.ICTG.ZS.UN", "exports"), ("TM.VAL.ICTG.ZS.UN", "imports")]
    with house_style():
        fig, axes = subplots(1, 2, figsize=(10, 4.6))
        shown = []
        for ax, (code, flow) in zip(axes, panels):
            s = peers_of(wdi(code, df))
            shown.append(s)
            lines(ax, s)
            ax.set_title(f"ICT goods {flow}", fontsize=10.5)
            ax.set_xlabel("Year")
            ax.set_ylabel(f"{s['unit'].iloc[0]}")
        axes[1].legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=8.5)
        both = pd.concat(shown)
        return finish(
            fig,
            axes[0],
            "ICT goods in Kazakhstan's trade: a small share of exports, a peer-sized share of imports",
            source_caption(
                both,
                note="; ".join(
                    filter(
                        None, ["WDI TX.VAL.ICTG.ZS.UN and TM.VAL.ICTG.ZS.UN (UN Comtrade)", coarse_note(peers_of(both))]
                    )
                ),
            ),
            subtitle=f"ICT goods, % of total goods exports and imports, {year_span(both['year'])}",
        )


def ict_service_exports(df: pd.DataFrame | None = None):
    """Kazakhstan's ICT service exports in US$ million, with the first thesis year and the latest year marked."""
    s = wdi("BX.GSR.CCIS.CD", df)
    s = s[s["iso3"] == KAZ].sort_values("year")
    trade = kzict.load("it_trade")
    peak = int(trade.loc[trade["value_usd_mn"].idxmax(), "year"])  # the thesis's peak year of IT trade
    with house_style():
        fig, ax = subplots(figsize=(8, 4.6))
        ax.bar(s["year"], s["value"] / 1e6, color=MUTED, width=0.75)
        marks = s[s["year"].isin([peak, s["year"].max()])]
        for r in marks.itertuples():
            ax.annotate(
                f"{r.value / 1e6:,.0f}",
                (r.year, r.value / 1e6),
                xytext=(0, 4),
                textcoords="offset points",
                ha="center",
                fontsize=9,
                color=ACCENT,
                fontweight="bold",
            )
        ax.set_xlabel("Year")
        ax.set_ylabel("ICT service exports, USD mn (current)")
        first, last = marks.iloc[0], marks.iloc[-1]
        return finish(
            fig,
            ax,
            "Kazakhstan's ICT service exports",
            source_caption(s, note="WDI BX.GSR.CCIS.CD (IMF balance of payments)"),
            subtitle=f"USD {first.value / 1e6:,.0f} mn in {first.year} (the thesis's peak year of IT trade), "
            f"{last.value / 1e6:,.0f} mn in {last.year}",
        )


def connectivity(df: pd.DataFrame | None = None):
    """Internet users and fixed broadband subscriptions: Kazakhstan against its peers."""
    panels = [("IT.NET.USER.ZS", "Internet users"), ("IT.NET.BBND.P2", "Fixed broadband subscriptions")]
    with house_style():
        fig, axes = subplots(1, 2, figsize=(10, 4.6))
        shown = []
        for ax, (code, what) in zip(axes, panels):
            s = peers_of(wdi(code, df))
            s = s[s["year"] >= s.loc[s["value"] > 0, "year"].min()]  # from the first year anyone has a value
            shown.append(s)
            lines(ax, s)
            ax.set_title(what, fontsize=10.5)
            ax.set_xlabel("Year")
            ax.set_ylabel(s["unit"].iloc[0])
        axes[1].legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=8.5)
        both = pd.concat(shown)
        return finish(
            fig,
            axes[0],
            "Connectivity: Kazakhstan against its peers",
            source_caption(both, note="WDI IT.NET.USER.ZS and IT.NET.BBND.P2 (ITU)"),
            subtitle="Internet users, % of population; fixed broadband subscriptions per 100 people",
        )


def mobile_revision(df: pd.DataFrame | None = None):
    """Kazakhstan's mobile subscriptions per 100 people as each WDI release published them."""
    v = kzict.load("wdi_vintages") if df is None else df
    s = v[(v["indicator_code"] == "IT.CEL.SETS.P2") & (v["iso3"] == KAZ) & (v["year"] >= 2000)]
    releases = sorted(s["release"].unique())
    shades = dict(zip(releases, ["#bbbbbb", "#888888", MUTED, ACCENT][-len(releases) :]))
    first, last = releases[0], releases[-1]
    # the year the first and the newest release differ most: the revision the chart points at
    wide = s.pivot(index="year", columns="release", values="value")
    gap = (wide[first] - wide[last]).abs().idxmax()
    with house_style():
        fig, ax = subplots(figsize=(8, 4.6))
        for rel in releases:
            g = s[s["release"] == rel].sort_values("year")
            ax.plot(g["year"], g["value"], color=shades[rel], linewidth=2.2 if rel == last else 1.6, label=rel)
        for rel, dy in ((first, 14), (last, -34)):
            val = wide.loc[gap, rel]
            ax.annotate(
                f"{gap}: {val:.1f} ({rel[:4]} release)",
                (gap, val),
                xytext=(30, dy),
                textcoords="offset points",
                fontsize=8.5,
                color=shades[rel],
                arrowprops=dict(arrowstyle="-", color="#999999"),
            )
        ax.set_ylim(0, s["value"].max() * 1.15)
        ax.set_xlabel("Year")
        ax.set_ylabel(f"Mobile cellular subscriptions, {s['unit'].iloc[0]}")
        ax.legend(title="WDI release", loc="upper left", fontsize=8.5, title_fontsize=8.5)
        return finish(
            fig,
            ax,
            "Kazakhstan's mobile subscriptions, revised down between releases",
            source_caption(s, note="WDI IT.CEL.SETS.P2 (ITU), one line per release"),
            subtitle=f"The same years as published in {len(releases)} releases, {year_span(s['year'])}",
        )


def egov(df: pd.DataFrame | None = None):
    """EGDI rank (axis inverted) and value, 2010-2018: Kazakhstan against its peers."""
    df = kzict.load("egov_index") if df is None else df
    s = df[df["iso3"].isin([KAZ, *PEERS])]
    with house_style():
        fig, (ar, av) = subplots(1, 2, figsize=(10, 4.6))
        for name, g, style in economies(s):
            ar.plot(g["edition"], g["egdi_rank"], marker="o", markersize=3.5, label=name, **style)
            av.plot(g["edition"], g["egdi"], marker="o", markersize=3.5, **style)
        kaz = s[s["iso3"] == KAZ].sort_values("edition")
        for r in kaz.itertuples():
            ar.annotate(
                ordinal(r.egdi_rank), (r.edition, r.egdi_rank), xytext=(0, 7), textcoords="offset points",
                ha="center", fontsize=8, color=ACCENT, bbox=LABEL_BOX,
            )  # fmt: skip
        ar.invert_yaxis()
        ranked = df.dropna(subset=["egdi_rank"]).groupby("edition")["iso3"].nunique()
        of = year_span(ranked)  # the economies ranked per edition, as the files give them
        ar.set_ylabel(f"EGDI rank of {of} (1 = best)")
        av.set_ylabel("EGDI, index 0-1")
        for ax, title in ((ar, "Rank"), (av, "Index value")):
            ax.set_xticks(sorted(s["edition"].unique()))
            ax.set_xlabel("Survey edition")
            ax.set_title(title, fontsize=10.5)
        av.legend(
            *ar.get_legend_handles_labels(), loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=8.5
        )  # fmt: skip
        return finish(
            fig,
            ar,
            "UN E-Government Development Index: Kazakhstan against its peers",
            source_caption(s, note=f"E-Government Development Index, survey files {year_span(s['edition'])}"),
            subtitle=f"Editions {year_span(s['edition'])}; Kazakhstan's rank labelled",
        )


def nri(df: pd.DataFrame | None = None):
    """Networked Readiness Index rank, 2012-2016, with the number of economies ranked."""
    df = kzict.load("nri_index") if df is None else df
    s = df[df["iso3"].isin([KAZ, *PEERS])]
    with house_style():
        fig, ax = subplots(figsize=(8.5, 4.8))
        for name, g, style in economies(s):
            ax.plot(g["edition"], g["rank"], marker="o", markersize=3.5, label=name, **style)
        kaz = s[s["iso3"] == KAZ].sort_values("edition")
        for r in kaz.itertuples():
            first = r.edition == kaz["edition"].min()  # left of the first point, clear of the peers above it
            ax.annotate(
                f"{ordinal(r.rank)} of {r.economies_ranked}", (r.edition, r.rank), xytext=(-7, -3) if first else (0, 8),
                textcoords="offset points", ha="right" if first else "center", fontsize=8, color=ACCENT, bbox=LABEL_BOX,
            )  # fmt: skip
        ax.set_xlim(s["edition"].min() - 0.6, s["edition"].max() + 0.4)
        ax.set_ylim(s["rank"].max() + 5, s["rank"].min() - 8)  # rank 1 is best: the axis runs downwards
        ax.set_xticks(sorted(s["edition"].unique()))
        ax.set_xlabel("Edition of the Global Information Technology Report")
        ax.set_ylabel("Networked Readiness Index rank (1 = best)")
        ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1), fontsize=8.5)
        return finish(
            fig,
            ax,
            "Networked Readiness Index: Kazakhstan against its peers",
            source_caption(s, note="Networked Readiness Index, facts with attribution to the World Economic Forum"),
            subtitle=f"Rank among the economies ranked in each edition, {year_span(s['edition'])}",
        )


def crosscheck(df: pd.DataFrame | None = None):
    """World Bank ICT goods exports and imports in US$ beside the thesis's p. 32 values (corrected labels)."""
    df = kzict.load("trade_crosscheck") if df is None else df
    release = max(df["release"])
    s = df[df["release"] == release].sort_values("year")
    colours = {"import": ACCENT, "export": MUTED}
    with house_style():
        fig, ax = subplots(figsize=(8.5, 4.8))
        for flow, colour in colours.items():
            g = s[s["flow"] == flow]
            ax.plot(g["year"], g["ict_goods_usd_mn"], color=colour, linewidth=2, label=f"ICT goods {flow}s, World Bank")
            t = g.dropna(subset=["thesis_usd_mn"])
            ax.scatter(
                t["year"], t["thesis_usd_mn"], marker="D", s=40, color="white", edgecolor=colour, linewidth=1.6,
                zorder=5, label=f"thesis, p. 32: {flow}s (corrected label)",
            )  # fmt: skip
        ax.set_yscale("log")
        floor = 10  # a log axis cannot show the near-zero early years: they are named in the caption
        ax.set_ylim(bottom=floor)
        below = s[s["ict_goods_usd_mn"] < floor]
        ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.set_xlabel("Year")
        ax.set_ylabel("USD mn (current), log scale")
        ax.legend(loc="lower right", fontsize=8.5)
        y = s[s["thesis_usd_mn"].notna()]["year"]
        cites = kzict.load("sources").set_index("source_id")["citation"]
        thesis = f"{short_citation(cites[kzict.describe('it_trade').printed_in])}, {kzict.describe('it_trade').locator}"
        return finish(
            fig,
            ax,
            "ICT goods trade of Kazakhstan: World Bank arithmetic beside the thesis",
            source_caption(
                s,
                note=f"ICT share of goods trade x merchandise trade; diamonds: {thesis}. Below the axis (under "
                f"USD {floor} mn): "
                + and_([f"{r.flow}s {r.year} ({r.ict_goods_usd_mn:.1f})" for r in below.itertuples()]),
            ),
            subtitle=f"Imports far above exports in every year, {year_span(y)} included",
        )


def table1_context(df: pd.DataFrame | None = None):
    """Table 1's economies, each in its Table 1 year: ICT share of value added beside ICT export shares."""
    df = kzict.load("wdi_indicators") if df is None else df
    t1 = kzict.load("ict_value_added").sort_values("ict_share_pct")
    panels = [("TX.VAL.ICTG.ZS.UN", "ICT goods exports"), ("BX.GSR.CCIS.ZS", "ICT service exports")]
    labels = [f"{r.country} ({r.year})" for r in t1.itertuples()]
    colours = [ACCENT if iso == KAZ else MUTED for iso in t1["iso3"]]
    with house_style():
        fig, axes = subplots(1, 3, figsize=(11, 4.8), sharey=True)
        axes[0].barh(labels, t1["ict_share_pct"], color=colours)
        axes[0].set_title("ICT share of value added (Table 1)", fontsize=10)
        axes[0].set_xlabel(column_label("ict_value_added", "ict_share_pct"))
        shown = []
        for ax, (code, what) in zip(axes[1:], panels):
            s = df[df["indicator_code"] == code]
            s = t1[["iso3", "year"]].merge(s, on=["iso3", "year"], how="left")
            shown.append(s.dropna(subset=["value"]))
            ax.barh(labels, s["value"].fillna(0), color=colours)
            for y, v in enumerate(s["value"]):
                label = " no figure" if pd.isna(v) else f" {v:.1f}" if v >= 1 else f" {v:.2f}"
                ax.text(0 if pd.isna(v) else v, y, label, va="center", fontsize=8)
            ax.set_xlim(0, s["value"].max() * 1.25)
            ax.set_title(what, fontsize=10)
            ax.set_xlabel(s["unit"].dropna().iloc[0])
        for y, v in enumerate(t1["ict_share_pct"]):
            axes[0].text(v, y, f" {v:.1f}", va="center", fontsize=8)
        axes[0].set_xlim(0, t1["ict_share_pct"].max() * 1.25)
        both = pd.concat(shown)
        cites = kzict.load("sources").set_index("source_id")["citation"]
        book = kzict.describe("ict_value_added")
        table1 = f"{short_citation(cites[book.printed_in])}, {book.locator}"
        return finish(
            fig,
            axes[0],
            "Context for Table 1: Kazakhstan's ICT sector, and its ICT exports, among the Table 1 economies",
            source_caption(both, note=f"left panel: {table1}; each economy in the year Table 1 gives for it"),
            subtitle="Sorted by the Table 1 share; Kazakhstan highlighted",
        )


NOTEBOOK = "06_indicators_in_context"
CHARTS = {
    "wdi_indicators_ict_goods_trade": ict_goods_trade,
    "wdi_indicators_ict_service_exports": ict_service_exports,
    "wdi_indicators_connectivity": connectivity,
    "wdi_vintages_mobile_revision": mobile_revision,
    "egov_index_peers": egov,
    "nri_index_peers": nri,
    "trade_crosscheck": crosscheck,
    "wdi_indicators_table1_context": table1_context,
}
