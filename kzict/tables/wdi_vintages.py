"""Every WDI value as published in each release that holds it: revisions made visible."""

from __future__ import annotations

import pandas as pd
from pandera.typing import Series

from kzict.readers.snapshots import SnapshotFile
from kzict.tables import _wdi
from kzict.tables._fields import Strict

SNAPSHOTS = _wdi.SNAPSHOTS
COUNTRY, INDICATOR = _wdi.names(
    "as each file gives it; the open-numbers subsets carry codes only and take the newest release's"
)


class WdiVintages(_wdi.WdiValues):
    country: Series[str] = COUNTRY
    indicator: Series[str] = INDICATOR
    revision: Series[str] = _wdi.REVISION

    class Config(Strict):
        name = "wdi_vintages"
        title = "World Bank WDI values per release (vintages)"
        description = (
            "The indicators and economies of `wdi_indicators`, one row per value and snapshot file: the same "
            "indicator, economy and year as published in each release that holds it, so revisions show "
            "(Kazakhstan's mobile subscriptions for 2015: 187.2 per 100 in the 2017 release, 145.5 in 2026). "
            "Indicator names are as each file gives them; country names are one per iso3."
        )
        unique = ["indicator_code", "iso3", "year", "snapshot"]
        metadata = {
            "order": 210,
            "printed_in": "wb_wdi",
            "locator": "data/raw/snapshots: wdi-*.csv, wdi-*.xls, ddf-wdi-*.csv (file and line of each value)",
            "note": "`release` is NA for the open-numbers subsets, which do not "
            "state it. The 2017 secure-server file (IT.NET.SECR.P6) is an older series on another scale than the "
            "current one of the same code: compare its values within that file only. `decimals` is the precision "
            "each file prints the indicator at. " + _wdi.DROPPED_NOTE,
            "licence": "world-bank-cc-by-4.0",
            "plausible": _wdi.PLAUSIBLE,
        }


def process(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    return _wdi.vintages(files)
