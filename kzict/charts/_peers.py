"""What the charts of notebook 06 share: the peers drawn, the line styles and the source caption with releases."""

from __future__ import annotations

import pandas as pd

import kzict
from kzict.charts.style import ACCENT
from kzict.citation import short_citation

KAZ = "KAZ"
# Economies drawn beside Kazakhstan (of the peers kzict holds), and the aggregates drawn dashed.
PEERS = ("RUS", "BLR", "UZB", "KGZ", "AZE", "TUR")
AGGREGATES = ("WLD", "ECS")
COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#76b7b2", "#b07aa1", "#9c755f")


def wdi(code: str, df: pd.DataFrame | None = None) -> pd.DataFrame:
    df = kzict.load("wdi_indicators") if df is None else df
    return df[df["indicator_code"] == code]


def source_caption(df: pd.DataFrame, note: str = "") -> str:
    """'Source: World Bank (2017-2026), WDI releases 2026-04-08 and 2023-03-01. <note>. Chart: kzict.'"""
    cites = kzict.load("sources").set_index("source_id")["citation"]
    works = "; ".join(short_citation(cites[s]) for s in dict.fromkeys(df["source_id"].dropna()))
    text = f"Source: {works}"
    if "release" in df.columns:
        releases = sorted(set(df["release"].dropna()), reverse=True)
        undated = df["release"].isna().any()
        parts = [*releases, *(["an open-numbers subset (release not stated)"] if undated else [])]
        text += f", {'release' if len(parts) == 1 else 'releases'} " + and_(parts)
    return text + (f". {note[:1].upper()}{note[1:]}" if note else "") + ". Chart: kzict."


def and_(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def lines(ax, s: pd.DataFrame, scale: float = 1.0, peers: tuple[str, ...] = PEERS) -> None:
    """Kazakhstan in the accent colour, peers thin, aggregates dashed; labelled by the file's country names."""
    names = dict(zip(s["iso3"], s["country"]))
    for i, iso in enumerate(p for p in peers if p in names):
        g = s[s["iso3"] == iso].sort_values("year")
        ax.plot(g["year"], g["value"] / scale, color=COLOURS[i % len(COLOURS)], linewidth=1.2, label=names[iso])
    for iso, dash in zip(AGGREGATES, ("--", ":")):
        if iso in names:
            g = s[s["iso3"] == iso].sort_values("year")
            ax.plot(g["year"], g["value"] / scale, color="#777777", linewidth=1.5, linestyle=dash, label=names[iso])
    g = s[s["iso3"] == KAZ].sort_values("year")
    ax.plot(g["year"], g["value"] / scale, color=ACCENT, linewidth=2.6, label=names.get(KAZ, KAZ), zorder=5)


def economies(s: pd.DataFrame, x: str = "edition"):
    """Kazakhstan first (accent, drawn on top), then each peer the table holds: (name, its rows by ``x``, style)."""
    names = dict(zip(s["iso3"], s["country"]))
    for i, iso in enumerate([KAZ, *(p for p in PEERS if p in names)]):
        style = dict(color=ACCENT, linewidth=2.6, zorder=5) if iso == KAZ else dict(color=COLOURS[i - 1])
        yield names[iso], s[s["iso3"] == iso].sort_values(x), style


def peers_of(s: pd.DataFrame, peers: tuple[str, ...] = PEERS) -> pd.DataFrame:
    return s[s["iso3"].isin([KAZ, *peers, *AGGREGATES])]
