"""Every WDI value as published in each release that holds it: revisions made visible."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.tables import _wdi as wdi_tables
from kzict.tables import snapshot_input
from kzict.tables._fields import Strict
from kzict.tables._snapshot import wdi_fields

SNAPSHOTS = snapshot_input(r"(wdi|ddf-wdi)-(?!.*-metadata-).*\.(csv|xls)")
F = wdi_fields("as each file gives it; the open-numbers subsets carry codes only and take the newest release's")


class WdiVintages(pa.DataFrameModel):
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
    revision: Series[str] = pa.Field(
        nullable=True,
        description="Where this release moved the previous release's value tenfold or more, or changed its sign: "
        "from the previous value and its file, to this one, and the factor (`kzict ingest wdi` accepts such a "
        "release only with --allow-revisions); NA elsewhere.",
        metadata={"unit": "text"},
    )

    class Config(Strict):
        name = "wdi_vintages"
        title = "World Bank WDI values per release (vintages)"
        description = (
            "The indicators and economies of `wdi_indicators`, one row per value and snapshot file: the same "
            "indicator, economy and year as published in each release that holds it, so revisions show "
            "(Kazakhstan's mobile subscriptions for 2015: 187.2 per 100 in the 2017 release, 145.5 in 2026). "
            "Names are as each file gives them."
        )
        unique = ["indicator_code", "iso3", "year", "snapshot"]
        metadata = {
            "order": 210,
            "printed_in": "wb_wdi",
            "locator": "data/raw/snapshots: wdi-*.csv, wdi-*.xls, ddf-wdi-*.csv (file and line of each value)",
            "note": "`release` is NA for the open-numbers subsets, which do not "
            "state it. The 2017 secure-server file (IT.NET.SECR.P6) is an older series on another scale than the "
            "current one of the same code: compare its values within that file only.",
            "licence": "world-bank-cc-by-4.0",
            "plausible": wdi_tables.PLAUSIBLE,
        }


def process(snap_dir: Path) -> pd.DataFrame:
    return wdi_tables.wdi_vintages(snap_dir)
