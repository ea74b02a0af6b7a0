"""The peer brief: Kazakhstan against its peers on every tracked ICT indicator, one row each, from the data.

Runtime only (pandas and the clean tables through :func:`kzict.peers`); the notebook ``07_peer_brief``, its
charts and the site's brief page read this one table, so their numbers agree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

# The index columns of the brief, after the WDI codes (names kzict.peers reads).
INDICES = ("egdi_rank", "osi", "doing_business_rank", "nri_rank")
COLUMNS = [
    "indicator_code",
    "indicator",
    "unit",
    "value",
    "year",
    "release",
    "rank",
    "economies_ranked",
    "peers_last_year",
    "peers_older_release",
    "peers_gap_flagged",
    "source_id",
    "locator",
]


def _span(years) -> str:
    if not len(years):
        return ""
    first, last = int(years.min()), int(years.max())
    return str(first) if first == last else f"{first}-{last}"


def peer_brief(year: int | None = None, *, data_dir=None) -> pd.DataFrame:
    """One row per tracked indicator (every WDI code of ``wdi_indicators`` with a Kazakhstan value, then the
    indices): Kazakhstan's latest value at or before ``year``, its year, release and rank among the peers
    with a value (``economies_ranked``; NA where no peer has one); the range of the peers' last years
    (``peers_last_year``), how many peers' values come from an older release than Kazakhstan's
    (``peers_older_release``) and how many are more than two years from Kazakhstan's year
    (``peers_gap_flagged``)."""
    import pandas as pd

    import kzict

    wdi = kzict.load("wdi_indicators", data_dir=data_dir)
    codes = sorted(set(wdi.loc[wdi["iso3"] == "KAZ", "indicator_code"]))
    rows = []
    for code in [*codes, *INDICES]:
        p = kzict.peers(code, year, data_dir=data_dir)
        if p.empty or p.iloc[0]["iso3"] != "KAZ":
            continue
        kaz, others = p.iloc[0], p.iloc[1:]
        release = kaz["release"]
        older = others["release"].map(lambda r, k=release: str(r) < str(k) if r != "not stated" else True)
        years = others["year"]
        rows.append(
            {
                "indicator_code": code,
                "indicator": kaz["indicator"],
                "unit": kaz["unit"],
                "value": float(kaz["value"]),
                "year": int(kaz["year"]),
                "release": str(release),
                # no peer holds it: no rank, rather than "1 of 1"
                "rank": int(kaz["rank"]) if int(kaz["economies_ranked"]) >= 2 else None,
                "economies_ranked": int(kaz["economies_ranked"]),
                "peers_last_year": _span(years),
                "peers_older_release": int(older.sum()),
                "peers_gap_flagged": int(others["gap_flag"].sum()),
                "source_id": kaz["source_id"],
                "locator": kaz["locator"],
            }
        )
    return pd.DataFrame(rows, columns=COLUMNS).astype({"rank": "Int64"})
