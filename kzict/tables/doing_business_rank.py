"""World Bank Doing Business: the ease-of-doing-business rank as the files give it, with the report edition."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.errors import RawDataError
from kzict.readers import doing_business
from kzict.readers.snapshots import SnapshotFile
from kzict.tables import snapshot_input
from kzict.tables._fields import YEAR_MAX, Strict
from kzict.tables._snapshot import country, iso3, locator, source_id

# One file per data year (the year label in its name).
SNAPSHOTS = snapshot_input(r"wb-doing-business-file(\d{4})\.csv")
# A file's year label is the WDI data year, one less than the report edition that published the rank.
REPORT_EDITION = {2015: "Doing Business 2016", 2016: "Doing Business 2017", 2017: "Doing Business 2018"}
# Where a file and the printed report disagree: (data year, iso3) -> note.
NOTES = {
    (2015, "KAZ"): "The file gives 51; the Doing Business 2016 report printed 41 for Kazakhstan. Kept as in the file.",
}


class DoingBusinessRank(pa.DataFrameModel):
    data_year: Series[int] = pa.Field(
        ge=2000,
        le=YEAR_MAX,
        description="The file's year label: the WDI data year, one less than the report edition.",
        metadata={"unit": "year"},
    )
    report_edition: Series[str] = pa.Field(
        isin=sorted(REPORT_EDITION.values()),
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


def _year(f: SnapshotFile) -> pd.DataFrame:
    data_year = int(SNAPSHOTS.match(f.name).group(1))
    if data_year not in REPORT_EDITION:
        raise RawDataError(f.path, f"no report edition is known for data year {data_year}")
    df = doing_business.read_file(f.path)
    iso3 = df["country-code"]
    return pd.DataFrame(
        {
            "data_year": data_year,
            "report_edition": REPORT_EDITION[data_year],
            "iso3": iso3,
            "country": df["country-name"],
            "rank": df["ease-doing-business"],
            "note": [NOTES.get((data_year, c)) for c in iso3],
            "source_id": f.source_id,
            "locator": [f"{f.name}, line {n}" for n in df["line"]],
        }
    )


def process(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    """Ease-of-doing-business rank (1 = best) per file, with the report edition it belongs to."""
    frames = [_year(f) for f in files.values()]
    return pd.concat(frames, ignore_index=True).sort_values(["data_year", "iso3"], ignore_index=True)
