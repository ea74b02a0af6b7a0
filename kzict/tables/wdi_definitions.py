"""What each tracked WDI indicator means: its definition and source organisation, from the download companions."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import wdi, wdi_bulk
from kzict.readers.snapshots import SnapshotFile
from kzict.tables import snapshot_input
from kzict.tables._fields import Strict
from kzict.tables._snapshot import locator, source_id
from kzict.tables._wdi import INDICATORS

# The indicator-metadata companions of WDI downloads (whole files or a record subset), and the series records
# of a full WDI download (``kzict ingest wdi WDI_CSV.zip``: WDISeries.csv's records of the tracked codes).
SNAPSHOTS = snapshot_input(r"wdi-.*-metadata-(indicator(-subset)?|series)\.csv")


class WdiDefinitions(pa.DataFrameModel):
    indicator_code: Series[str] = pa.Field(
        isin=sorted(INDICATORS), description="WDI indicator code.", metadata={"unit": "id"}
    )
    indicator: Series[str] = pa.Field(description="WDI indicator name (INDICATOR_NAME).", metadata={"unit": "text"})
    unit: Series[str] = pa.Field(description="Unit of the indicator's values in kzict.", metadata={"unit": "text"})
    definition: Series[str] = pa.Field(
        description="The World Bank's definition (SOURCE_NOTE), as the file gives it.", metadata={"unit": "text"}
    )
    source_organization: Series[str] = pa.Field(
        description="The organisation the World Bank credits for the data (SOURCE_ORGANIZATION).",
        metadata={"unit": "text"},
    )
    release: Series[str] = pa.Field(
        str_matches=r"^\d{4}-\d{2}-\d{2}$",
        description="The release of the download the companion belongs to (its manifest row).",
        metadata={"unit": "date"},
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "wdi_definitions"
        title = "World Bank WDI indicator definitions"
        description = (
            "For every WDI indicator code kzict tracks: its name, definition and source organisation as the "
            "indicator-metadata companion of a WDI download gives them; the newest release's where two do."
        )
        unique = ["indicator_code"]
        metadata = {
            "order": 205,
            "printed_in": "wb_wdi",
            "locator": "data/raw/snapshots: wdi-*-metadata-indicator*.csv (file and first line of each record), "
            "wdi-bulk-*-metadata-series.csv (file and code of each record)",
            "note": "The Kazakhstan download's companion is kept as a record subset (the tracked codes, byte for "
            "byte); the internet-users download of 2026-07-13 has its own. Definitions are never written by kzict; "
            "a text that runs over several lines in the file is held on one line (line breaks folded into spaces).",
            "licence": "world-bank-cc-by-4.0",
        }


# The columns of each kind of companion: code, name, definition, source organisation.
_COMPANION = ("INDICATOR_CODE", "INDICATOR_NAME", "SOURCE_NOTE", "SOURCE_ORGANIZATION")
_SERIES = ("indicator_code", "indicator", "definition", "source")  # wdi_bulk.read_series's names


def _file(f: SnapshotFile) -> pd.DataFrame:
    if f.name.endswith("-metadata-series.csv"):
        # a full download's series records span lines: each is located by its code
        df, (code, name, note, org) = wdi_bulk.read_series(f.path), _SERIES
        where = [f"{f.name}, record of {c}" for c in df[code]]
    else:
        df, (code, name, note, org) = wdi.read_indicator_metadata(f.path), _COMPANION
        where = [f"{f.name}, line {n}" for n in df["line"]]
    keep = df[code].isin(list(INDICATORS)).to_numpy()
    df = df[keep]
    return pd.DataFrame(
        {
            "indicator_code": df[code],
            "indicator": df[name],
            "unit": df[code].map(INDICATORS),
            "definition": df[note].str.strip(),
            "source_organization": df[org].str.strip(),
            "release": f.row["release"],
            "source_id": f.source_id,
            "locator": [w for w, k in zip(where, keep) if k],
        }
    )


def process(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    """One row per tracked code: the newest companion's name, definition and source organisation."""
    out = pd.concat([_file(f) for f in files.values()], ignore_index=True)
    out = out.sort_values("release", kind="stable").drop_duplicates("indicator_code", keep="last")
    out = out.astype("str")
    # A file's text may run over several lines (a source list); a clean cell holds it on one line, every
    # line break and run of spaces folded into one space, words unchanged.
    for col in ("indicator", "definition", "source_organization"):
        out[col] = out[col].map(lambda t: " ".join(t.split()), na_action="ignore")
    return out.sort_values("indicator_code", ignore_index=True)
