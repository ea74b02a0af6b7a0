"""The coverage matrix of ``wdi_indicators``: for each economy and indicator, the last year held and its release.

One table, written into the data dictionary (``kzict.docs``) and onto the site (its own page), so a
user sees before loading what the files cover: which economy has which series, up to which year, from
which release. Everything is read from the table; nothing is typed.
"""

from __future__ import annotations

import string

import pandas as pd

from kzict.tables._wdi import PEERS

DATASET = "wdi_indicators"
TITLE = "Coverage of the WDI indicators"


def matrix(df: pd.DataFrame) -> pd.DataFrame:
    """One row per indicator and economy: the last year with a value, and the release and file it comes from."""
    last = df.sort_values("year").groupby(["indicator_code", "iso3"], sort=True).tail(1)
    out = last[["indicator_code", "iso3", "country", "year", "release", "snapshot"]]
    return out.rename(columns={"year": "last_year"}).sort_values(["indicator_code", "iso3"], ignore_index=True)


def _letters(m: pd.DataFrame) -> dict[str, str]:
    """A short mark per snapshot file, newest release first (the open-numbers subsets, undated, last)."""
    files = m.drop_duplicates("snapshot").sort_values(
        ["release", "snapshot"], ascending=[False, True], na_position="last"
    )
    marks = list(string.ascii_lowercase) + [f"z{i}" for i in range(1, 100)]
    return dict(zip(files["snapshot"], marks))


def markdown(df: pd.DataFrame, heading: str = "##") -> str:
    """The matrix as Markdown: indicators down, economies across, each cell 'last year' and a release mark."""
    m = matrix(df)
    marks = _letters(m)
    held = set(df["iso3"])  # Kazakhstan, Central Asia, neighbours, Table 1, aggregates: the kept order
    economies = [e for e in PEERS if e in held] + sorted(held - set(PEERS))
    cell = {(r.indicator_code, r.iso3): f"{r.last_year} {marks[str(r.snapshot)]}" for r in m.itertuples()}
    units = dict(zip(df["indicator_code"], df["unit"]))
    lines = [
        f"{heading} {TITLE}",
        "",
        f"`{DATASET}`: for each indicator (rows) and economy (columns), the last year the package holds a value "
        "for, and a mark for the release it comes from (the newest release that publishes that value; "
        "an empty cell: no file holds the series for that economy).",
        "",
        "| indicator | unit | " + " | ".join(economies) + " |",
        "|---|---|" + "---|" * len(economies),
    ]
    for code in sorted(units):
        row = [cell.get((code, e), "") for e in economies]
        lines.append(f"| `{code}` | {units[code]} | " + " | ".join(row) + " |")
    files = m.drop_duplicates("snapshot").set_index("snapshot")["release"]
    lines += ["", "| mark | release | file |", "|---|---|---|"]
    for snapshot, mark in marks.items():
        release = files[snapshot]
        lines.append(f"| {mark} | {release if isinstance(release, str) else 'not stated'} | `{snapshot}` |")
    return "\n".join(lines) + "\n"
