"""UN E-Government Survey 2010-2018: the E-Government Development Index and its components, every member state."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import egov
from kzict.readers.snapshots import SnapshotFile
from kzict.tables import snapshot_input
from kzict.tables._fields import Strict
from kzict.tables._snapshot import country, edition, iso3, locator, source_id

SNAPSHOTS = snapshot_input(r"egdi-(\d{4})\.csv")  # one file per edition (the year in its name)
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
        description=f"{what} (0-1, four decimals as the survey publishes); NA where the file has none.",
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
        description="Rank on the E-Government Development Index among the 193 UN member states (1 = best).",
        metadata={"unit": "rank"},
    )
    egdi: Series[float] = _index("E-Government Development Index (EGDI)")
    epart_index: Series[float] = _index("E-Participation Index")
    osi: Series[float] = _index("Online Service Index")
    hci: Series[float] = _index("Human Capital Index")
    tii: Series[float] = _index("Telecommunication Infrastructure Index")
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "egov_index"
        title = "UN E-Government Development Index, 2010-2018"
        description = (
            "EGDI rank and value with its components (E-Participation, Online Service, Human Capital and "
            "Telecommunication Infrastructure indices) for every country and edition of the survey files, "
            "2010, 2012, 2014, 2016 and 2018."
        )
        unique = ["edition", "iso3"]
        metadata = {
            "order": 230,
            "printed_in": "un_egov_survey",
            "locator": "data/raw/snapshots: egdi-<edition>.csv (file and line of each row)",
            "note": "The files (as repackaged by UNU-EGOV) carry binary float artefacts and up to five decimals; "
            "values are rounded half-up to the four decimals the survey publishes (0.72499 -> 0.7250).",
            "licence": "un-desa-attribution",
        }


def _edition(f: SnapshotFile) -> pd.DataFrame:
    df = egov.read_file(f.path).rename(columns=COLUMNS)
    df.insert(0, "edition", int(SNAPSHOTS.match(f.name).group(1)))
    df = df.assign(source_id=f.source_id, locator=f.name + ", line " + df["line"].astype(str))
    return df[list(EgovIndex.to_schema().columns)]


def process(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    """Every country and edition of the E-Government Survey snapshots."""
    frames = [_edition(f) for f in files.values()]
    return pd.concat(frames, ignore_index=True).sort_values(["edition", "iso3"], ignore_index=True)
