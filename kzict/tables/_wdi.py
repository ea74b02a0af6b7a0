"""What ``wdi_vintages`` and ``wdi_indicators`` share: the indicators and economies kept, their eleven columns.

Which files are read is the declared snapshot input (every WDI data file of the
manifest), so a file added by ``kzict ingest wdi`` flows in without code changes.
Which indicators and economies are kept is decided here, once.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.errors import RawDataError
from kzict.readers import wdi
from kzict.readers.snapshots import SnapshotFile
from kzict.tables import snapshot_input
from kzict.tables._fields import YEAR_MAX
from kzict.tables._snapshot import country, country_names, iso3, locator, source_id

SOURCE_ID = "wb_wdi"

# The ICT-relevant indicators of the Kazakhstan all-indicators file, with their units.
INDICATORS: dict[str, str] = {
    "TX.VAL.ICTG.ZS.UN": "% of total goods exports",
    "TM.VAL.ICTG.ZS.UN": "% of total goods imports",
    "BX.GSR.CCIS.CD": "current US$",
    "BX.GSR.CCIS.ZS": "% of service exports",
    "BX.GSR.CMCP.ZS": "% of service exports",
    "BM.GSR.CMCP.ZS": "% of service imports",
    "IT.NET.USER.ZS": "% of population",
    "IT.NET.BBND.P2": "per 100 people",
    "IT.NET.BBND": "subscriptions",
    "IT.MLT.MAIN.P2": "per 100 people",
    "IT.MLT.MAIN": "subscriptions",
    "IT.CEL.SETS.P2": "per 100 people",
    "IT.CEL.SETS": "subscriptions",
    "IT.NET.SECR.P6": "per 1 million people",
    "TX.VAL.TECH.MF.ZS": "% of manufactured exports",
    "TX.VAL.TECH.CD": "current US$",
    "TX.VAL.MRCH.CD.WT": "current US$",
    "TM.VAL.MRCH.CD.WT": "current US$",
    "NY.GDP.MKTP.CD": "current US$",
    "GB.XPD.RSDV.GD.ZS": "% of GDP",
    "SP.POP.SCIE.RD.P6": "per million people",
    "IP.JRN.ARTC.SC": "articles",
    "IP.PAT.RESD": "applications",
}

CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
NEIGHBOURS = ("RUS", "BLR", "AZE", "ARM", "GEO", "UKR", "TUR")
# The economies of the thesis's Table 1 (ict_value_added); a test keeps this in step with the clean table.
TABLE1 = ("AZE", "CZE", "EST", "HUN", "KAZ", "LVA", "LTU", "POL", "ROU", "RUS", "SVK")
AGGREGATES = ("WLD", "ECS", "UMC")  # World, Europe & Central Asia, Upper middle income
PEERS = tuple(dict.fromkeys(CENTRAL_ASIA + NEIGHBOURS + TABLE1 + AGGREGATES))

# Files whose code names another series than today's: shown as vintages, never as the current value.
VINTAGES_ONLY = {
    "wdi-IT.NET.SECR.P6-2017-02-01.csv": "old secure-server series; the current series of the code is on another scale",
}

# Every World Bank WDI data file of the manifest (the metadata companions are not data).
SNAPSHOTS = snapshot_input(r"(wdi|ddf-wdi)-(?!.*-metadata-).*\.(csv|xls)")
FIRST_WDI_YEAR = 1960  # the first year column of every WDI bulk download


class WdiValues(pa.DataFrameModel):
    """The columns of ``wdi_indicators`` and ``wdi_vintages``, in contract order; each says whose names it holds
    by overriding ``country`` and ``indicator`` (a subclass's field keeps its place here)."""

    iso3: Series[str] = iso3(aggregates=True)
    country: Series[str] = country()
    indicator_code: Series[str] = pa.Field(
        isin=sorted(INDICATORS), description="WDI indicator code.", metadata={"unit": "id"}
    )
    indicator: Series[str] = pa.Field(description="WDI indicator name.", metadata={"unit": "text"})
    year: Series[int] = pa.Field(
        ge=FIRST_WDI_YEAR, le=YEAR_MAX, description="Year the value refers to.", metadata={"unit": "year"}
    )
    value: Series[float] = pa.Field(
        description="The value as published (full precision of the file).", metadata={"unit": "see `unit`"}
    )
    unit: Series[str] = pa.Field(
        isin=sorted(set(INDICATORS.values())), description="Unit of `value`.", metadata={"unit": "text"}
    )
    release: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^\d{4}-\d{2}-\d{2}$",
        description="The file's Last Updated Date; NA for the open-numbers subsets, which do not state it.",
        metadata={"unit": "date"},
    )
    snapshot: Series[str] = pa.Field(
        description="The snapshot file in data/raw/snapshots the value is read from.", metadata={"unit": "text"}
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()


def names(whose: str) -> tuple[Any, Any]:
    """The ``country`` and ``indicator`` fields of a WDI table whose indicator names are ``whose``."""
    name = pa.Field(description=f"WDI indicator name ({whose}).", metadata={"unit": "text"})
    aggregates = "; World Bank aggregates keep the newest release's name"
    return country(f"one spelling per iso3: the ISO 3166 short name{aggregates}"), name


COLUMNS = list(WdiValues.to_schema().columns)


def _read(f: SnapshotFile, names: dict[str, str], labels: dict[str, str]) -> pd.DataFrame:
    if f.name.startswith("ddf-"):
        col = pd.read_csv(f.path, nrows=0).columns[2]
        df, release, where = wdi.read_ddf(f.path, names, labels.get(wdi.ddf_code(col), "")), "", "line"
    elif f.name.endswith(".xls"):
        release, df = wdi.read_bulk_xls(f.path)
        where = "sheet Data, row"
    else:
        release, df = wdi.read_bulk_csv(f.path, codes=set(INDICATORS), economies=set(PEERS))
        where = "line"
    if f.row["release"] and release and f.row["release"] != release:
        raise RawDataError(f.path, f"Last Updated Date {release} differs from the manifest's {f.row['release']}")
    df = df[df["indicator_code"].isin(list(INDICATORS)) & df["iso3"].isin(list(PEERS))]
    df = df.assign(
        unit=df["indicator_code"].map(INDICATORS),
        release=release or None,
        snapshot=f.name,
        source_id=f.source_id,
        locator=[f"{f.name}, {where} {n}" for n in df["line"]],
    )
    return df


@cache
def _vintages(files: tuple[SnapshotFile, ...]) -> pd.DataFrame:
    # Keyed on the verified files (folder, name, sha256): both WDI tables of a build parse the files once.
    bulk = [f for f in files if not f.name.startswith("ddf-")]
    frames = [_read(f, {}, {}) for f in bulk]
    # Names for the DDF files (which carry codes only): the newest bulk file that has the code.
    named = pd.concat(frames).sort_values("release", kind="stable")
    names = dict(zip(named["iso3"], named["country"].astype(str)))
    labels = dict(zip(named["indicator_code"], named["indicator"].astype(str)))
    frames += [_read(f, names, labels) for f in files if f.name.startswith("ddf-")]
    out = pd.concat(frames, ignore_index=True)[COLUMNS]
    out = out.astype({c: "str" for c in COLUMNS if c not in ("year", "value")})
    out["country"] = country_names(out["iso3"], out["iso3"].map(names))
    return out.sort_values(["indicator_code", "iso3", "year", "release", "snapshot"], kind="stable", ignore_index=True)


def vintages(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    """Every value of every WDI snapshot for the chosen indicators and economies, one row per release.

    ``release`` is the file's Last Updated Date (NA for the DDF subsets, which do not state it).
    """
    return _vintages(tuple(files[n] for n in sorted(files))).copy()


def newest(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    """The newest published value per indicator, economy and year.

    Files in ``VINTAGES_ONLY`` are left out; a file without a release date counts as the oldest.
    Indicator names are those of the newest release, so each code has one name (country names are one per
    iso3 in every table).
    """
    v = vintages(files)
    v = v[~v["snapshot"].isin(list(VINTAGES_ONLY))]
    v = v.sort_values(["release", "snapshot"], na_position="first", kind="stable")
    named = v[v["release"].notna()]
    indicator = dict(zip(named["indicator_code"], named["indicator"]))
    out = v.drop_duplicates(["indicator_code", "iso3", "year"], keep="last")
    out = out.assign(indicator=out["indicator_code"].map(indicator))
    return out.sort_values(["indicator_code", "iso3", "year"], ignore_index=True)[COLUMNS]
