"""Kazakhstan's ICT indicators with its peers, from World Bank WDI bulk downloads: the newest release of each value."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.tables import _wdi as wdi_tables
from kzict.tables import snapshot_input
from kzict.tables._fields import Strict
from kzict.tables._snapshot import wdi_fields

# Every World Bank WDI data file of the manifest (the metadata companions are not data).
SNAPSHOTS = snapshot_input(r"(wdi|ddf-wdi)-(?!.*-metadata-).*\.(csv|xls)")
F = wdi_fields("that of the newest release")


class WdiIndicators(pa.DataFrameModel):
    iso3: Series[str] = F["iso3"]
    country: Series[str] = F["country"]
    indicator_code: Series[str] = F["indicator_code"]
    indicator: Series[str] = F["indicator"]
    year: Series[int] = F["year"]
    value: Series[float] = F["value"]
    unit: Series[str] = F["unit"]
    release: Series[str] = F["release"]
    snapshot: Series[str] = F["snapshot"]
    source_id: Series[str] = F["source_id"]
    locator: Series[str] = F["locator"]

    class Config(Strict):
        name = "wdi_indicators"
        title = "Kazakhstan's ICT indicators and its peers' (World Bank WDI)"
        description = (
            "ICT-relevant World Development Indicators for Kazakhstan (every year the 2026 release publishes) "
            "and for its peers: Central Asia, Russia, Belarus, Azerbaijan, Armenia, Georgia, Ukraine, Türkiye, "
            "the economies of the thesis's Table 1, World, Europe & Central Asia and Upper middle income, "
            "where an all-economy file or subset holds them. One row per indicator, economy and year: the value "
            "of the newest release that publishes it (earlier releases are in `wdi_vintages`)."
        )
        unique = ["indicator_code", "iso3", "year"]
        metadata = {
            "order": 200,
            "printed_in": "wb_wdi",
            "locator": "data/raw/snapshots: wdi-*.csv, wdi-*.xls, ddf-wdi-*.csv (file and line of each value)",
            "note": "The open-numbers subsets (ddf-wdi-*) state no release date: "
            "their `release` is NA and they count as the oldest. The 2017 secure-server file is an older series of "
            "the same code on another scale and is kept in `wdi_vintages` only. Aggregate rows of the "
            "merchandise-exports subset are on an inconsistent scale and are not read.",
            "licence": "world-bank-cc-by-4.0",
            "plausible": wdi_tables.PLAUSIBLE,
        }


def process(snap_dir: Path) -> pd.DataFrame:
    return wdi_tables.wdi_indicators(snap_dir)
