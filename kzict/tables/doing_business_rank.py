"""World Bank Doing Business: the ease-of-doing-business rank as the files give it, with the report edition."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import doing_business
from kzict.tables import snapshot_input
from kzict.tables._fields import YEAR_MAX, Strict
from kzict.tables._snapshot import country, iso3, locator, source_id

SNAPSHOTS = snapshot_input(doing_business.FILE.pattern.strip("^$"))


class DoingBusinessRank(pa.DataFrameModel):
    data_year: Series[int] = pa.Field(
        ge=2000,
        le=YEAR_MAX,
        description="The file's year label: the WDI data year, one less than the report edition.",
        metadata={"unit": "year"},
    )
    report_edition: Series[str] = pa.Field(
        isin=sorted(doing_business.REPORT_EDITION.values()),
        description="The Doing Business report that published the rank (data year + 1).",
        metadata={"unit": "category"},
    )
    iso3: Series[str] = iso3()
    country: Series[str] = country()
    rank: Series[int] = pa.Field(ge=1, description="Ease of doing business rank (1 = best).", metadata={"unit": "rank"})
    note: Series[str] = pa.Field(
        nullable=True,
        description="Where the file disagrees with the printed report; NA otherwise.",
        metadata={"unit": "text"},
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "doing_business_rank"
        title = "World Bank ease of doing business rank, Doing Business 2016-2018"
        description = (
            "The ease-of-doing-business rank (WDI IC.BUS.EASE.XQ) of every economy in the three files, labelled "
            "2015, 2016 and 2017. A label is the WDI data year; the rank is that of the next year's report "
            "(data year 2015 = Doing Business 2016)."
        )
        unique = ["data_year", "iso3"]
        metadata = {
            "order": 250,
            "printed_in": "wb_doing_business",
            "locator": "data/raw/snapshots: wb-doing-business-file<data year>.csv (file and line of each row)",
            "note": "Kept as the files give it. Kazakhstan's rank in the file labelled 2015 is 51, while the Doing "
            "Business 2016 report printed 41: the row's `note` says so.",
            "licence": "world-bank-cc-by-4.0",
        }


def process(snap_dir: Path) -> pd.DataFrame:
    return doing_business.doing_business_rank(snap_dir)
