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
    text += f". {note[:1].upper()}{note[1:]}" if note else ""
    return text + "".join(f". {c[:1].upper()}{c[1:]}" for c in coverage(df)) + ". Chart: kzict."


def coverage(df: pd.DataFrame) -> list[str]:
    """Where each economy's series ends, and which end in an older release than Kazakhstan's: computed from
    the rows drawn (one sentence per indicator where a chart draws several), never typed."""
    x = "year" if "year" in df.columns else "edition" if "edition" in df.columns else None
    if x is None or "iso3" not in df.columns or df["iso3"].nunique() < 2 or KAZ not in set(df["iso3"]):
        return []
    df = df.dropna(subset=["value"]) if "value" in df.columns else df
    several = "indicator_code" in df.columns and df["indicator_code"].nunique() > 1
    out = []
    groups = [(str(c), g) for c, g in df.groupby("indicator_code", sort=False)] if several else [("", df)]
    for code, s in groups:
        last = s.sort_values(x).groupby("iso3", sort=False).tail(1)
        end: dict[str, int] = {str(k): int(v) for k, v in zip(last["iso3"], last[x])}
        names = {str(k): str(v) for k, v in zip(s["iso3"], s["country"])} if "country" in s.columns else {}
        order = [KAZ, *sorted((i for i in end if i != KAZ), key=lambda i: (-end[i], i))]
        ends: dict[int, list[str]] = {}
        for iso in order:
            ends.setdefault(end[iso], []).append(names.get(iso, iso))
        text = (
            (f"{code}: " if code else "") + "series end " + "; ".join(f"{y} ({', '.join(n)})" for y, n in ends.items())
        )
        if "release" in last.columns:
            rel = {str(k): r if isinstance(r, str) else "undated" for k, r in zip(last["iso3"], last["release"])}
            kaz = rel[KAZ]
            older: dict[str, list[str]] = {}
            for iso in order[1:]:
                if kaz != "undated" and (rel[iso] == "undated" or rel[iso] < kaz):
                    older.setdefault(rel[iso], []).append(names.get(iso, iso))
            if len(older) == 1 and sum(map(len, older.values())) == len(order) - 1:
                text += f"; every other series from an older release ({next(iter(older))}) than Kazakhstan's ({kaz})"
            elif older:
                text += f"; from older releases than Kazakhstan's ({kaz}): " + "; ".join(
                    f"{r} ({', '.join(n)})" for r, n in older.items()
                )
        out.append(text)
    return out


def and_(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def coarse(s: pd.DataFrame) -> pd.Series:
    """Rows whose value is at most one unit of the last decimal its release prints (0.00 or 0.01 at 2 decimals):
    rounding leaves such a value no trend to draw (a share of 0.0031 % printed as 0.00 is no collapse to 0)."""
    if "decimals" not in s.columns:
        return pd.Series(False, index=s.index)
    step = 10.0 ** -pd.to_numeric(s["decimals"], errors="coerce")
    return (s["value"].abs() <= step).fillna(False).astype(bool)


def _plot(ax, g: pd.DataFrame, scale: float, **style) -> None:
    """One economy's line, with its coarse values (``coarse``) left out of the line and drawn as hollow points."""
    rough = coarse(g)
    ax.plot(g["year"], g["value"].where(~rough) / scale, **style)
    if rough.any():
        colour = style.get("color")
        ax.scatter(g.loc[rough, "year"], g.loc[rough, "value"] / scale, s=22, facecolor="white", edgecolor=colour,
                   linewidth=1.2, zorder=style.get("zorder", 2) + 1)  # fmt: skip


def coarse_note(s: pd.DataFrame) -> str:
    """The caption's sentence on the hollow points, from the rows drawn ('' where there are none)."""
    rough = s[coarse(s)].sort_values(["indicator_code", "iso3", "year"])
    if rough.empty:
        return ""
    names = dict(zip(s["iso3"], s["country"]))
    where = [
        f"{code}: {names.get(iso, iso)} {and_([str(y) for y in g['year']])}"
        for (code, iso), g in rough.groupby(["indicator_code", "iso3"], sort=False)
    ]
    places = and_([str(d) for d in sorted({int(d) for d in rough["decimals"]})])
    return (
        f"hollow points, not joined: values at or below one unit of the last decimal printed ({places} "
        f"decimals), too coarse to draw a trend through ({'; '.join(where)})"
    )


def lines(ax, s: pd.DataFrame, scale: float = 1.0, peers: tuple[str, ...] = PEERS) -> None:
    """Kazakhstan in the accent colour, peers thin, aggregates dashed; labelled by the file's country names."""
    names = dict(zip(s["iso3"], s["country"]))
    for i, iso in enumerate(p for p in peers if p in names):
        g = s[s["iso3"] == iso].sort_values("year")
        _plot(ax, g, scale, color=COLOURS[i % len(COLOURS)], linewidth=1.2, label=names[iso])
    for iso, dash in zip(AGGREGATES, ("--", ":")):
        if iso in names:
            g = s[s["iso3"] == iso].sort_values("year")
            _plot(ax, g, scale, color="#777777", linewidth=1.5, linestyle=dash, label=names[iso])
    g = s[s["iso3"] == KAZ].sort_values("year")
    _plot(ax, g, scale, color=ACCENT, linewidth=2.6, label=names.get(KAZ, KAZ), zorder=5)


def economies(s: pd.DataFrame, x: str = "edition"):
    """Kazakhstan first (accent, drawn on top), then each peer the table holds: (name, its rows by ``x``, style)."""
    names = dict(zip(s["iso3"], s["country"]))
    for i, iso in enumerate([KAZ, *(p for p in PEERS if p in names)]):
        style = dict(color=ACCENT, linewidth=2.6, zorder=5) if iso == KAZ else dict(color=COLOURS[i - 1])
        yield names[iso], s[s["iso3"] == iso].sort_values(x), style


def peers_of(s: pd.DataFrame, peers: tuple[str, ...] = PEERS) -> pd.DataFrame:
    return s[s["iso3"].isin([KAZ, *peers, *AGGREGATES])]
