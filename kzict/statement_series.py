"""The series a public statement is held against: one indicator of one kzict table, every economy, every year.

Each table a statement may name is described once here (``SHAPES``): which column is the economy, which
the year (the data year for WDI, the edition for the UN, WEF and Doing Business reports), which columns
are values and which of them are ranks, what release a value comes from, and whether the table holds
every economy ranked (so that a rank can be computed from a value column). A statement never adds code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd

# WDI's regional and income aggregates held in wdi_indicators: never ranked among economies.
AGGREGATES = frozenset(
    "AFE AFW ARB CEB CSS EAP EAR EAS ECA ECS EMU EUU FCS HIC HPC IBD IBT IDA IDB IDX INX LAC LCN LDC LIC LMC "
    "LMY LTE MEA MIC MNA NAC OED OSS PRE PSS PST SAS SSA SSF SST TEA TEC TLA TMN TSA TSS UMC WLD".split()
)
COLUMNS = ["economy", "year", "value", "release", "locator", "source_id"]


@dataclass(frozen=True)
class Shape:
    """How a table holds its values: long (one indicator column) or wide (one column per indicator)."""

    economy: str
    year: Callable[[pd.DataFrame], pd.Series]
    release: Callable[[pd.DataFrame], pd.Series]
    indicator: str | None = None  # the column naming the indicator of a long table
    value: str | None = None  # the value column of a long table
    columns: tuple[str, ...] = ()  # the value columns of a wide table
    ranks: tuple[str, ...] = ()  # which of them are ranks (1 = best), read as they are
    complete: bool = False  # holds every economy the publisher ranks, so a value column can be ranked
    coverage: str = ""  # what the table holds, for the reasons a verdict gives

    def indicators(self, df: pd.DataFrame) -> set[str]:
        return set(df[self.indicator].unique()) if self.indicator else set(self.columns)

    def series(self, df: pd.DataFrame, indicator: str) -> pd.DataFrame:
        """Every economy's value of ``indicator`` by year, with its release, locator and source."""
        rows = df[df[self.indicator] == indicator] if self.indicator else df
        value = rows[self.value if self.indicator else indicator]
        out = pd.DataFrame(
            {
                "economy": rows[self.economy],
                "year": self.year(rows).astype(int),
                "value": pd.to_numeric(value, errors="coerce").astype(float),
                "release": self.release(rows).astype(str),
                "locator": rows["locator"],
                "source_id": rows["source_id"],
            }
        )
        return out[out["value"].notna()].reset_index(drop=True)


def _edition_of_report(df: pd.DataFrame) -> pd.Series:
    """'Doing Business 2016' (or a label that starts so) is edition 2016: the report's own year."""
    found = df["report_edition"].str.extract(r"Doing Business (\d{4})", expand=False)
    if found.isna().any():
        raise ValueError(f"doing_business_rank: a report_edition without a year: {df['report_edition'].iloc[0]!r}")
    return found.astype(int)


SHAPES: dict[str, Shape] = {
    "wdi_indicators": Shape(
        economy="iso3",
        year=lambda d: d["year"],
        release=lambda d: "WDI release " + d["release"].astype(str),
        indicator="indicator_code",
        value="value",
        coverage="Kazakhstan, its peers and some aggregates",
    ),
    "egov_index": Shape(
        economy="iso3",
        year=lambda d: d["edition"],
        release=lambda d: "UN E-Government Survey " + d["edition"].astype(str),
        columns=("egdi_rank", "egdi", "epart_index", "osi", "hci", "tii"),
        ranks=("egdi_rank",),
        complete=True,
        coverage="every UN member state, editions 2010-2018",
    ),
    "nri_index": Shape(
        economy="iso3",
        year=lambda d: d["edition"],
        release=lambda d: "WEF Global Information Technology Report " + d["edition"].astype(str),
        columns=("rank", "score"),
        ranks=("rank",),
        coverage="Kazakhstan and 21 comparators, editions 2012-2016",
    ),
    "doing_business_rank": Shape(
        economy="iso3",
        year=_edition_of_report,
        release=lambda d: d["report_edition"],
        columns=("rank",),
        ranks=("rank",),
        complete=True,
        coverage="every economy ranked, reports Doing Business 2016-2018",
    ),
}
INPUTS = tuple(SHAPES)


def economies(tables: dict[str, pd.DataFrame]) -> set[str]:
    """Every economy code any of the tables holds: a code outside it is unknown, not merely missing."""
    return {e for name, s in SHAPES.items() if name in tables for e in tables[name][s.economy].unique()}
