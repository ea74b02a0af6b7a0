"""The site page of the peer brief: the table of :func:`kzict.brief.peer_brief` and its charts.

Indicator names, releases and locators are data, shown as TEXT: escaped for HTML, each on one line,
inside a raw HTML block that Markdown leaves alone.
"""

from __future__ import annotations

import html

import pandas as pd

PAGE = "brief.md"
TITLE = "Peer brief"
CHARTS = ("wdi_indicators_peer_brief", "wdi_indicators_peer_internet_users", "wdi_indicators_peer_mobile")
HEAD = {
    "indicator": "Indicator",
    "value": "Kazakhstan",
    "unit": "Unit",
    "year": "Year",
    "release": "Release",
    "rank": "Rank",
    "economies_ranked": "of",
    "peers_last_year": "Peers' last years",
    "peers_older_release": "Peers from an older release",
    "peers_gap_flagged": "Peers > 2 years apart",
}


def _t(v) -> str:
    if v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v)):
        return ""
    if isinstance(v, float):
        v = f"{v:,.6g}"
    return html.escape(" ".join(str(v).split()))


def page(brief: pd.DataFrame, figures: set[str]) -> str:
    """Markdown for the brief: a short lead computed from the table, the table, then the charts drawn."""
    ranked = brief[brief["economies_ranked"] >= 2]
    older = int((ranked["peers_older_release"] > 0).sum())
    rows = "".join(
        "<tr>" + "".join(f"<td>{_t(getattr(r, c))}</td>" for c in HEAD) + "</tr>" for r in brief.itertuples()
    )
    table = (
        '<table class="kzict-brief"><thead><tr>'
        + "".join(f"<th>{html.escape(h)}</th>" for h in HEAD.values())
        + f"</tr></thead><tbody>{rows}</tbody></table>"
    )
    images = "\n\n".join(f"![{stem}](assets/figures/{stem}.png)" for stem in CHARTS if stem in figures)
    return (
        f"# {TITLE}\n\n"
        f"Kazakhstan against its peers on {len(brief)} indicators: the latest value, its year and release, and "
        f"Kazakhstan's rank among the economies with a value ({len(ranked)} indicators have peers). In {older} of "
        "them some peers' values come from an older release than Kazakhstan's. Notebook `07_peer_brief` gives "
        "the same brief (`kzict.brief.peer_brief()`).\n\n"
        f"{table}\n\n{images}\n"
    )
