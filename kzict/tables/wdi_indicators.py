"""Kazakhstan's ICT indicators with its peers, from World Bank WDI bulk downloads: the newest release of each value."""

from __future__ import annotations

import pandas as pd
from pandera.typing import Series

from kzict.readers.snapshots import SnapshotFile
from kzict.tables import _wdi
from kzict.tables._fields import Strict

SNAPSHOTS = _wdi.SNAPSHOTS
COUNTRY, INDICATOR = _wdi.names("that of the newest release")


class WdiIndicators(_wdi.WdiValues):
    country: Series[str] = COUNTRY
    indicator: Series[str] = INDICATOR

    class Config(Strict):
        name = "wdi_indicators"
        title = "Kazakhstan's ICT indicators and its peers' (World Bank WDI)"
        description = (
            "ICT-relevant World Development Indicators for Kazakhstan (every year the 2026 releases publish) "
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
            "merchandise-exports subset are on an inconsistent scale and are not read. The 2025-07-01 mobile "
            "release is "
            "older than the Kazakhstan file: its Kazakhstan values are rounded to 6 significant digits and its "
            "Kazakhstan 2024 is empty, so Kazakhstan's mobile values come from the 2026-04-08 file and the peers' "
            "from 2025-07-01: a gap there is a release's, not a difference between economies. Internet users and "
            "R&D spending of 2026-07-13 equal the Kazakhstan file in every year it has.",
            "licence": "world-bank-cc-by-4.0",
        }


def process(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    return _wdi.newest(files)
