"""Kazakhstan's ICT indicators with its peers, from World Bank WDI bulk downloads: the newest release of each value."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers.snapshots import SnapshotFile
from kzict.tables import _wdi
from kzict.tables._fields import Strict

SNAPSHOTS = _wdi.SNAPSHOTS
COUNTRY, INDICATOR = _wdi.names("that of the newest release")


class WdiIndicators(_wdi.WdiValues):
    country: Series[str] = COUNTRY
    indicator: Series[str] = INDICATOR
    withdrawn_by: Series[str] = pa.Field(
        nullable=True,
        description="The newest snapshot file that publishes this indicator for this economy but no longer this "
        "year: the value was withdrawn there and is kept from the newest release that still publishes it "
        "(`release`, `snapshot`). NA where the value is the newest file's own.",
        metadata={"unit": "text"},
    )
    global_rank: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=1,
        description="The economy's rank among all economies that report a value for this indicator and year in "
        "the same file (`snapshot`; 1 = highest value, ties share the best rank; aggregates are not ranked). NA "
        "for an aggregate and where that file holds one economy or a subset (the Kazakhstan all-indicators file, "
        "the open-numbers subsets): after `kzict ingest wdi WDI_CSV.zip --release ...` every tracked value has one.",
        metadata={"unit": "rank"},
    )
    economies_reporting: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=1,
        description="How many economies (aggregates excluded) report a value for this indicator and year in that "
        "file: the field `global_rank` ranks among. NA where `global_rank` is.",
        metadata={"unit": "economies"},
    )

    class Config(Strict):
        name = "wdi_indicators"
        title = "Kazakhstan's ICT indicators and its peers' (World Bank WDI)"
        description = (
            "ICT-relevant World Development Indicators for Kazakhstan and for its peers: Central Asia, Russia, "
            "Belarus, Azerbaijan, Armenia, Georgia, Ukraine, Türkiye, the economies of the thesis's Table 1, "
            "World, Europe & Central Asia (ECS, all income levels; ECA, excluding high income) and Upper middle "
            "income, where an all-economy file or subset holds them. One row per indicator, economy and year: "
            "the value of the newest release that publishes it (earlier releases are in `wdi_vintages`). "
            "Newest wins even where the newest release publishes fewer decimals (`decimals`): the 2026 "
            "Kazakhstan file gives the ICT goods shares to 2 decimals, so its 0 replaces the 0.0031016104 of an "
            "older subset for the 2000 export share. A year the newest file no longer publishes keeps the "
            "newest release that did and is flagged in `withdrawn_by` (Kazakhstan's internet users for "
            "1991-1993, 0 % in the 2023 release, left empty in the 2026 one)."
        )
        unique = ["indicator_code", "iso3", "year"]
        metadata = {
            "order": 200,
            "printed_in": "wb_wdi",
            "locator": "data/raw/snapshots: wdi-*.csv, wdi-*.xls, ddf-wdi-*.csv (file and line of each value)",
            "note": "The open-numbers subsets (ddf-wdi-*) state no release date: "
            "their `release` is NA and they count as the oldest. The 2017 secure-server file is an older series of "
            "the same code on another scale and is kept in `wdi_vintages` only. The 2025-07-01 mobile release is "
            "older than the Kazakhstan file: its Kazakhstan values are rounded to 6 significant digits and its "
            "Kazakhstan 2024 is empty, so Kazakhstan's mobile values come from the 2026-04-08 file and the peers' "
            "from 2025-07-01: a gap there is a release's, not a difference between economies. Internet users and "
            "R&D spending of 2026-07-13 equal the Kazakhstan file in every year it has. " + _wdi.DROPPED_NOTE,
            "licence": "world-bank-cc-by-4.0",
            "plausible": _wdi.PLAUSIBLE,
        }


def process(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    return _wdi.newest(files)
