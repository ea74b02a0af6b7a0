"""Charts of notebook 07_peer_brief: where Kazakhstan stands among its peers, indicator by indicator.

Every number comes from :func:`kzict.brief.peer_brief` and :func:`kzict.peers`; captions say where a peer's
value is from an older release than Kazakhstan's, and where each series ends.
"""

from __future__ import annotations

import pandas as pd

import kzict
from kzict.brief import peer_brief
from kzict.charts._peers import KAZ, source_caption
from kzict.charts.style import ACCENT, MUTED, finish, house_style, subplots

HATCH = "////"  # a peer value more than two years from Kazakhstan's year


def _label(indicator: str) -> str:
    """A WDI name as it is; an index column as 'UN E-Government Development Index: egdi_rank'."""
    if ": " not in indicator:
        return indicator
    title, column = indicator.rsplit(": ", 1)
    return f"{title.split(',')[0]}: {column}"


def ranks(df: pd.DataFrame | None = None):
    """Kazakhstan's rank among the peers holding each indicator (1 = highest value or best rank)."""
    b = peer_brief() if df is None else df
    b = b[b["economies_ranked"] >= 2].iloc[::-1]
    with house_style():
        fig, ax = subplots(figsize=(9, 0.42 * len(b) + 1.6))
        y = range(len(b))
        ax.barh(y, b["economies_ranked"], color="#e6e6e6", height=0.6)
        ax.scatter(b["rank"], y, color=ACCENT, zorder=5, s=36)
        for i, r in zip(y, b.itertuples()):
            ax.annotate(
                f"{r.rank} of {r.economies_ranked} ({r.year}, {r.release}; peers {r.peers_last_year})",
                (r.economies_ranked, i),
                xytext=(6, 0),
                textcoords="offset points",
                va="center",
                fontsize=7.5,
                color=MUTED,
            )
        ax.set_yticks(list(y), [_label(str(n)) for n in b["indicator"]], fontsize=8)
        ax.set_xlim(0, b["economies_ranked"].max() * 1.9)
        ax.set_xlabel("Kazakhstan's rank among the economies with a value (1 = highest value or best rank)")
        older = int((b["peers_older_release"] > 0).sum())
        flagged = int((b["peers_gap_flagged"] > 0).sum())
        note = (
            f"{older} of {len(b)} comparisons set Kazakhstan's value beside peers' from an older release, and in "
            f"{flagged} some peers' latest value is more than two years from Kazakhstan's (the brief table counts them)"
        )
        return finish(
            fig,
            ax,
            "Kazakhstan among its peers: the latest value of each indicator",
            source_caption(b, note=note),
            subtitle="Grey bar: the economies with a value; dot: Kazakhstan's rank",
        )


def latest(code: str = "IT.NET.USER.ZS", df: pd.DataFrame | None = None):
    """Each economy's latest value of one indicator, with its year; a value far from Kazakhstan's year hatched."""
    p = kzict.peers(code) if df is None else df
    p = p.sort_values("value")
    with house_style():
        fig, ax = subplots(figsize=(8, 0.32 * len(p) + 1.8))
        for i, r in enumerate(p.itertuples()):
            colour = ACCENT if r.iso3 == KAZ else "#4e79a7"
            ax.barh(i, r.value, color=colour, hatch=HATCH if r.gap_flag else None, edgecolor="white")
            ax.annotate(
                f"{r.value:.1f} ({r.year})",
                (r.value, i),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
                fontsize=7.5,
            )
        ax.set_yticks(range(len(p)), p["country"], fontsize=8)
        ax.set_xlim(0, p["value"].max() * 1.18)
        name, unit = str(p["indicator"].iloc[0]), str(p["unit"].iloc[0])
        ax.set_xlabel(name if unit in name else f"{name}, {unit}")
        return finish(
            fig,
            ax,
            f"{p['indicator'].iloc[0].split(' (')[0]}: the latest value of each economy",
            source_caption(p, note="hatched: more than two years from Kazakhstan's year"),
            subtitle=f"Kazakhstan ranks {p.attrs['kaz_rank']} of {p.attrs['economies_ranked']} ({p.attrs['kaz_year']})",
        )


def mobile(df: pd.DataFrame | None = None):
    return latest("IT.CEL.SETS.P2", df)


NOTEBOOK = "07_peer_brief"
CHARTS = {
    "wdi_indicators_peer_brief": ranks,
    "wdi_indicators_peer_internet_users": latest,
    "wdi_indicators_peer_mobile": mobile,
}
