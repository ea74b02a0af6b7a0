"""UN E-Government Survey 2010-2024: the E-Government Development Index and its components, every member state."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.errors import RawDataError
from kzict.readers import egov
from kzict.readers.snapshots import SnapshotFile
from kzict.tables import snapshot_input
from kzict.tables._fields import Strict
from kzict.tables._snapshot import country, country_names, edition, iso3, iso3_of, locator, source_id

SNAPSHOTS = snapshot_input(r"egdi-(\d{4})\.csv")  # one file per edition (the year in its name)
# What each edition's file is (the reader knows the layouts): edition -> the note every row of it carries.
SOURCE_NOTES = {
    "unu-egov": "UN DESA data as repackaged by UNU-EGOV (ISO codes given); values rounded to the published 4 decimals.",
    "un-desa": "UN DESA's data-centre CSV (as uploaded by a third party); no ISO codes: iso3 from the name; "
    "values as written (5 decimals).",
    "reformatted": "A THIRD-PARTY-REFORMATTED copy of UN DESA's file: the uploader renamed the columns and added a "
    "Region column of their own (not kept); no ISO codes: iso3 from the name; values as written (5 decimals). "
    "The values of the 20 economies of a partial copy in UN DESA's layout agree exactly.",
}
# The survey file's columns -> this table's.
COLUMNS = {
    "country-code": "iso3",
    "country-name": "country",
    "e-gov-rank": "egdi_rank",
    "e-gov-index": "egdi",
    "e-pat-index": "epart_index",
    "osi": "osi",
    "hci": "hci",
    "tii": "tii",
}


def _index(what: str) -> Any:
    return pa.Field(
        nullable=True,
        ge=0,
        le=1,
        description=f"{what} (0-1: four decimals to 2018, as the survey publishes; from 2020 the five of the "
        "data-centre file); NA where the file has none.",
        metadata={"unit": "index 0-1"},
    )


class EgovIndex(pa.DataFrameModel):
    edition: Series[int] = edition("UN E-Government Survey (biennial)")
    iso3: Series[str] = iso3()
    country: Series[str] = country()
    egdi_rank: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=1,
        le=193,
        description="Rank on the E-Government Development Index among the 193 UN member states (1 = best; "
        "tied economies share a rank, as in 2022).",
        metadata={"unit": "rank"},
    )
    egdi: Series[float] = _index("E-Government Development Index (EGDI)")
    epart_index: Series[float] = _index("E-Participation Index")
    osi: Series[float] = _index("Online Service Index")
    hci: Series[float] = _index("Human Capital Index")
    tii: Series[float] = _index("Telecommunication Infrastructure Index")
    file_format: Series[str] = pa.Field(
        isin=sorted(SOURCE_NOTES),
        description="The layout of the edition's file: unu-egov (UNU-EGOV's repackaging, 2010-2018), un-desa "
        "(UN DESA's data-centre CSV, 2020-2022) or reformatted (a third party's reformatted copy, 2024).",
        metadata={"unit": "category"},
    )
    file_note: Series[str] = pa.Field(
        description="What the edition's file is and how it is read (see `file_format`).", metadata={"unit": "text"}
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "egov_index"
        title = "UN E-Government Development Index, 2010-2024"
        description = (
            "EGDI rank and value with its components (E-Participation, Online Service, Human Capital and "
            "Telecommunication Infrastructure indices) for every country and edition of the survey files, "
            "2010 to 2024 (every second year). The 2024 file is a copy reformatted by a third party: "
            "`file_format` and `file_note` say so on each row."
        )
        unique = ["edition", "iso3"]
        metadata = {
            "order": 230,
            "printed_in": "un_egov_survey",
            "locator": "data/raw/snapshots: egdi-<edition>.csv (file and line of each row)",
            "note": "2010-2018: the files (as repackaged by UNU-EGOV) carry binary float artefacts and up to five "
            "decimals; values are rounded half-up to the four decimals the survey publishes (0.72499 -> 0.7250). "
            "2020-2024: UN DESA's data-centre layout (2024 reformatted by a third party, with renamed columns and "
            "an added Region column), without ISO codes: iso3 is looked up from the name (names stripped of "
            "trailing spaces; 'Georgia (Country)' is GEO); values as written, to five decimals. `country` is one "
            "spelling per iso3 (ISO 3166), whatever the file writes.",
            "licence": "un-desa-attribution",
        }


def _edition(f: SnapshotFile, df: pd.DataFrame, codes: dict[str, str]) -> pd.DataFrame:
    edition = int(SNAPSHOTS.match(f.name).group(1))
    wrong = df["survey_year"].notna() & (df["survey_year"] != edition)
    if wrong.any():
        line = int(df.loc[wrong, "line"].iloc[0])
        raise RawDataError(f.path, f"line {line}: the survey year is not the file's edition {edition}")
    missing = df["country-code"].isna()
    df.loc[missing, "country-code"] = [codes.get(n) or iso3_of(n) for n in df.loc[missing, "country-name"]]
    if df["country-code"].isna().any():
        r = df[df["country-code"].isna()].iloc[0]
        raise RawDataError(f.path, f"line {r['line']}: no ISO3 code is known for the name {r['country-name']!r}")
    df = df.rename(columns=COLUMNS)
    df.insert(0, "edition", edition)
    df = df.assign(
        country=country_names(df["iso3"]),
        file_format=df["layout"],
        file_note=df["layout"].map(SOURCE_NOTES),
        source_id=f.source_id,
        locator=f.name + ", line " + df["line"].astype(str),
    )
    return df[list(EgovIndex.to_schema().columns)]


def process(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    """Every country and edition of the E-Government Survey snapshots."""
    read = {name: egov.read_file(f.path) for name, f in files.items()}
    # The files with ISO codes name each code: the later files' names are looked up there first.
    codes = {n: c for df in read.values() for n, c in zip(df["country-name"], df["country-code"]) if isinstance(c, str)}
    frames = [_edition(f, read[name].copy(), codes) for name, f in files.items()]
    return pd.concat(frames, ignore_index=True).sort_values(["edition", "iso3"], ignore_index=True)
