"""World Bank Doing Business: the ease-of-doing-business rank as the files give it, by report edition."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.errors import RawDataError
from kzict.readers import doing_business
from kzict.readers.snapshots import SnapshotFile
from kzict.tables import snapshot_input
from kzict.tables._fields import YEAR_MAX, Strict
from kzict.tables._snapshot import country, country_names, iso3, locator, source_id

# The UNU-EGOV files (one per data year, the label in the name) and the facts of the DB2020 dataset.
SNAPSHOTS = snapshot_input(r"wb-doing-business-(file\d{4}|2018-2020-facts)\.csv")
FACTS = "wb-doing-business-2018-2020-facts.csv"
# A file's year label is the WDI data year; the ranking is that of the next year's report edition.
# The file labelled 2015 is not the ranking printed in Doing Business 2016 but that ranking recalculated
# under the DB2017 method over 190 economies (Somalia 190, though DB2016 covered 189; Russia 36 where the
# report printed 51; Kazakhstan 51 where it printed 41).
RECALCULATED = "Doing Business 2016, as recalculated in Doing Business 2017"
REPORT_EDITION = {2015: RECALCULATED, 2016: "Doing Business 2017", 2017: "Doing Business 2018"}
FILE_NOTES = {
    2015: "The DB2016 ranking recalculated under the DB2017 method (190 economies), not the rank printed in "
    "Doing Business 2016.",
}
# Where a row and the printed report disagree: (data year, iso3) -> what the report printed.
PRINTED = {(2015, "KAZ"): 41, (2015, "RUS"): 51}
SCORE_METHOD = "DB17-20 methodology"


class DoingBusinessRank(pa.DataFrameModel):
    edition: Series[int] = pa.Field(
        ge=2000,
        le=YEAR_MAX,
        description="The Doing Business report edition whose ranking this is (DB2020 = 2020).",
        metadata={"unit": "year"},
    )
    report_edition: Series[str] = pa.Field(
        isin=[*sorted(REPORT_EDITION.values()), "Doing Business 2020"],
        description="The report edition the ranking is that of, as the file gives it (the file labelled 2015 "
        "is the DB2016 ranking as recalculated in DB2017).",
        metadata={"unit": "category"},
    )
    data_year: Series[int] = pa.Field(
        ge=2000,
        le=YEAR_MAX,
        description="The WDI data year, one less than the report edition (the UNU-EGOV files' year label).",
        metadata={"unit": "year"},
    )
    iso3: Series[str] = iso3()
    country: Series[str] = country()
    rank: Series[int] = pa.Field(ge=1, description="Ease of doing business rank (1 = best).", metadata={"unit": "rank"})
    score: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        le=100,
        description=f"Ease of doing business score (0-100, {SCORE_METHOD}), where the file gives one (DB2020 "
        "only); NA otherwise.",
        metadata={"unit": f"score 0-100 ({SCORE_METHOD})"},
    )
    note: Series[str] = pa.Field(
        nullable=True,
        description="What the row's ranking is where it is not the printed report's; NA otherwise.",
        metadata={"unit": "text"},
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "doing_business_rank"
        title = "World Bank ease of doing business rank, Doing Business 2016-2020"
        description = (
            "The ease-of-doing-business rank (WDI IC.BUS.EASE.XQ) of every economy in the three UNU-EGOV files "
            "(data years 2015-2017: the DB2016 ranking as recalculated in DB2017, DB2017 and DB2018), and the "
            "DB2020 rank and score of Kazakhstan and its peers from the DB2020 historical dataset."
        )
        unique = ["edition", "iso3"]
        metadata = {
            "order": 250,
            "printed_in": "wb_doing_business",
            "locator": "data/raw/snapshots: wb-doing-business-file<data year>.csv and "
            "wb-doing-business-2018-2020-facts.csv (file and line of each row)",
            "note": "The file labelled 2015 is the Doing Business 2016 ranking as recalculated in Doing Business "
            "2017 (DB2017 method, 190 economies), not the printed DB2016 ranking: Somalia is 190 though DB2016 "
            "covered 189 economies, Russia 36 where the report printed 51, Kazakhstan 51 where it printed 41. "
            "Every row of that file says so. No file with the DB2019 rank was found. The DB2020 dataset gives "
            "DB2018-DB2019 scores back-calculated on the DB17-20 method but no ranks: they are not kept. Doing "
            "Business was discontinued in 2021. `country` is one spelling per iso3 (ISO 3166).",
            "licence": "world-bank-cc-by-4.0",
        }


def _note(data_year: int, code: str) -> str | None:
    note = FILE_NOTES.get(data_year)
    printed = PRINTED.get((data_year, code))
    if printed is not None:
        note = f"{note} The Doing Business 2016 report printed {printed}."
    return note


def _file(f: SnapshotFile) -> pd.DataFrame:
    data_year = int(f.name.removeprefix("wb-doing-business-file").removesuffix(".csv"))
    if data_year not in REPORT_EDITION:
        raise RawDataError(f.path, f"no report edition is known for data year {data_year}")
    df = doing_business.read_file(f.path)
    codes = df["country-code"]
    return pd.DataFrame(
        {
            "edition": data_year + 1,
            "report_edition": REPORT_EDITION[data_year],
            "data_year": data_year,
            "iso3": codes,
            "country": country_names(codes, df["country-name"]),
            "rank": df["ease-doing-business"],
            "score": float("nan"),
            "note": [_note(data_year, c) for c in codes],
            "source_id": f.source_id,
            "locator": [f"{f.name}, line {n}" for n in df["line"]],
        }
    )


def _facts(f: SnapshotFile) -> pd.DataFrame:
    df = doing_business.read_facts(f.path)
    df = df[df["ease_rank"].notna()]  # DB2020: the only edition the dataset ranks
    return pd.DataFrame(
        {
            "edition": df["db_year"].astype("int64"),
            "report_edition": "Doing Business " + df["db_year"].astype(str),
            "data_year": df["db_year"].astype("int64") - 1,
            "iso3": df["iso3"],
            "country": country_names(df["iso3"], df["economy"]),
            "rank": df["ease_rank"].astype("int64"),
            "score": df["ease_score_db17_20"],
            "note": None,
            "source_id": f.source_id,
            "locator": [f"{f.name}, line {n}" for n in df["line"]],
        }
    )


def process(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    """Ease-of-doing-business rank (1 = best) per report edition."""
    frames = [_facts(f) if f.name == FACTS else _file(f) for f in files.values()]
    return pd.concat(frames, ignore_index=True).sort_values(["edition", "iso3"], ignore_index=True)
