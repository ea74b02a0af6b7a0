"""What ``wdi_vintages`` and ``wdi_indicators`` share: the indicators and economies kept, their eleven columns.

Which files are read is the declared snapshot input (every WDI data file of the
manifest), so a file added by ``kzict ingest wdi`` flows in without code changes.
Which indicators and economies are kept is decided here, once.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import numpy as np
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.compare import AGGREGATES as WB_AGGREGATES
from kzict.errors import RawDataError
from kzict.readers import wdi, wdi_bulk
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
    "TX.VAL.OTHR.ZS.WT": "% of commercial service exports",
    "TM.VAL.OTHR.ZS.WT": "% of commercial service imports",
    "BX.GSR.NFSV.CD": "current US$",
    "TX.VAL.SERV.CD.WT": "current US$",
    "BX.GSR.ROYL.CD": "current US$",
    "BM.GSR.ROYL.CD": "current US$",
    "IT.NET.USER.ZS": "% of population",
    "IT.NET.USER.FE.ZS": "% of female population",
    "IT.NET.USER.MA.ZS": "% of male population",
    "IT.NET.BBND.P2": "per 100 people",
    "IT.NET.BBND": "subscriptions",
    "IT.MLT.MAIN.P2": "per 100 people",
    "IT.MLT.MAIN": "subscriptions",
    "IT.CEL.SETS.P2": "per 100 people",
    "IT.CEL.SETS": "subscriptions",
    "IT.NET.SECR.P6": "per 1 million people",
    "IT.NET.SECR": "servers",
    "TX.VAL.TECH.MF.ZS": "% of manufactured exports",
    "TX.MNF.TECH.ZS.UN": "% of manufactured exports",
    "NV.MNF.TECH.ZS.UN": "% of manufacturing value added",
    "TX.VAL.TECH.CD": "current US$",
    "TX.VAL.MRCH.CD.WT": "current US$",
    "TM.VAL.MRCH.CD.WT": "current US$",
    "NY.GDP.MKTP.CD": "current US$",
    "GB.XPD.RSDV.GD.ZS": "% of GDP",
    "SP.POP.SCIE.RD.P6": "per million people",
    "IP.JRN.ARTC.SC": "articles",
    "IP.PAT.RESD": "applications",
}

# Ranges that replace the unit's (kzict.pipeline.validate.PLAUSIBLE) for these indicators: "Communications,
# computer, etc." is what is left of services after transport, travel, insurance and finance, a residual
# the World Bank publishes below zero (Kazakhstan's imports share, -4.97 %), never past the whole.
PLAUSIBLE = {"indicator_code": {"BX.GSR.CMCP.ZS": (-100.0, 100.0), "BM.GSR.CMCP.ZS": (-100.0, 100.0)}}

# A value that moves by REVISION_FACTOR or more between releases is a revision kzict makes visible (and
# `kzict ingest wdi` refuses unless --allow-revisions), among values of at least SCALE_FLOOR of the
# indicator's largest: early values near zero are revised by large factors in earnest (0.0007 -> 0.017).
REVISION_FACTOR = 10.0
REVISION = pa.Field(
    nullable=True,
    description="Where this release moved the previous release's value tenfold or more, or changed its sign: "
    "from the previous value and its file, to this one, and the factor (`kzict ingest wdi` accepts such a "
    "release only with --allow-revisions); NA elsewhere.",
    metadata={"unit": "text"},
)
SCALE_FLOOR = 0.01


def moved(old: np.ndarray, new: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """Where ``new`` differs from ``old`` by ``REVISION_FACTOR`` or more, or in sign (NaN never moves)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.maximum(np.abs(old), np.abs(new)) / np.minimum(np.abs(old), np.abs(new))
        big = np.maximum(np.abs(old), np.abs(new)) >= SCALE_FLOOR * scale
        return big & (((ratio >= REVISION_FACTOR) & (old != 0) & (new != 0)) | ((old * new) < 0))


CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")
NEIGHBOURS = ("RUS", "BLR", "AZE", "ARM", "GEO", "UKR", "TUR")
# The economies of the thesis's Table 1 (ict_value_added); a test keeps this in step with the clean table.
TABLE1 = ("AZE", "CZE", "EST", "HUN", "KAZ", "LVA", "LTU", "POL", "ROU", "RUS", "SVK")
# World, Europe & Central Asia (all income levels), Europe & Central Asia (excluding high income), Upper middle income
AGGREGATES = ("WLD", "ECS", "ECA", "UMC")
PEERS = tuple(dict.fromkeys(CENTRAL_ASIA + NEIGHBOURS + TABLE1 + AGGREGATES))
DROPPED_NOTE = (
    "Not read: the ECS (Europe & Central Asia) and WLD (World) rows of the open-numbers merchandise-exports "
    "subset (ddf-wdi-tx_val_mrch_cd_wt-*). Its economies are in US$ millions, these two aggregates on no "
    "consistent scale: WLD falls from 3,023,849,858 in 2000 to 1,126,308,136 in 2010 while every economy's "
    "exports rise, and ECS is 846,596,968.6 in 2010, two thousand times its member Russia's 400,630. The "
    "subset's other aggregates (ECA, UMC) are in US$ millions like its economies and are read, as are ECS and "
    "WLD from every other file."
)

# Files whose code names another series than today's: shown as vintages, never as the current value.
VINTAGES_ONLY = {
    "wdi-IT.NET.SECR.P6-2017-02-01.csv": "old secure-server series; the current series of the code is on another scale",
}

# Every World Bank WDI data file of the manifest (the metadata companions are not data).
SNAPSHOTS = snapshot_input(r"(wdi|ddf-wdi)-(?!.*-metadata-).*\.(csv|xls)")
FIRST_WDI_YEAR = 1960  # the first year column of every WDI bulk download
# The files that hold every economy: an indicator's API_ download (its code has a dot), a full download's subset.
ALL_ECONOMIES = re.compile(r"wdi-(bulk-\d{4}-\d{2}-\d{2}-subset|[A-Z0-9]+\.[A-Z0-9.]+-\d{4}-\d{2}-\d{2})\.(csv|xls)")
RANKS = ["global_rank", "economies_reporting"]


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
        description="The value as published: the clean CSV writes the shortest text that reads back as the "
        "file's number (the open-numbers merchandise subset is in US$ millions: its value times 1e6).",
        metadata={"unit": "see `unit`"},
    )
    decimals: Series[int] = pa.Field(
        ge=0,
        description="The precision the release publishes the indicator at: the most digits after the decimal "
        "point of any value of this indicator in this file (for the Excel file, of the shortest text of each "
        "stored number; in the unit of `value`). A value written with fewer (0.2 in a two-decimal file) had "
        "trailing zeros dropped.",
        metadata={"unit": "digits"},
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
    every = ALL_ECONOMIES.fullmatch(f.name) is not None  # a file of every economy: read them all, to rank
    if f.name.startswith("ddf-"):
        col = pd.read_csv(f.path, nrows=0).columns[2]
        df, release, where = wdi.read_ddf(f.path, names, labels.get(wdi.ddf_code(col), "")), "", "line"
    elif f.name.endswith(".xls"):
        release, df = wdi.read_bulk_xls(f.path)
        where = "sheet Data, row"
    elif f.name.startswith("wdi-bulk-"):  # the full download states no release: the manifest's (--release)
        wide = wdi_bulk.read_wide(f.path, codes=list(INDICATORS))
        release, where = f.row["release"], "line"
        # Every economy's values, for the ranks (no decimals or lines: what the peers' rows alone need).
        everyone = wdi_bulk.values(wide)
        peers = everyone["iso3"].isin(list(PEERS)).to_numpy()
        df = wdi_bulk.tidy(wide, PEERS).reset_index(drop=True)
        # both walk the same cells in the same order: the peers' rows of the one are the rows of the other
        key = ["indicator_code", "iso3", "year"]
        if not np.array_equal(df[key].to_numpy(object), everyone.loc[peers, key].to_numpy(object)):
            raise AssertionError(f"{f.name}: the ranked values are not the peers' rows")
        df = pd.concat([df, _global_ranks(everyone)[peers].reset_index(drop=True)], axis=1)
    else:
        release, df = wdi.read_bulk_csv(f.path, codes=set(INDICATORS), economies=None if every else set(PEERS))
        where = "line"
    if f.row["release"] and release and f.row["release"] != release:
        raise RawDataError(f.path, f"Last Updated Date {release} differs from the manifest's {f.row['release']}")
    if not f.name.startswith("wdi-bulk-"):
        na = pd.Series(pd.NA, index=df.index, dtype="Int64")
        ranks = _global_ranks(df).set_axis(df.index) if every else pd.DataFrame({c: na for c in RANKS})
        df = pd.concat([df, ranks], axis=1)
    df = df[df["indicator_code"].isin(list(INDICATORS)) & df["iso3"].isin(list(PEERS))]
    df = df.assign(
        decimals=df.groupby("indicator_code")["decimals"].transform("max").astype("int64"),
        unit=df["indicator_code"].map(INDICATORS),
        release=release or None,
        snapshot=f.name,
        source_id=f.source_id,
        locator=[f"{f.name}, {where} {n}" for n in df["line"]],
    )
    return df


def _global_ranks(values: pd.DataFrame) -> pd.DataFrame:
    """Each row's rank among the economies of ``values`` (a file holding every economy) that report a value for
    the indicator and year (1 = highest, ties sharing the best rank), and how many do, row for row; aggregates
    are neither ranked nor counted (NA). In numpy: a build ranks every economy of every all-economy file."""
    n = len(values)
    rank, size = np.zeros(n, dtype="int64"), np.zeros(n, dtype="int64")
    ranked = np.flatnonzero(~values["iso3"].isin(list(WB_AGGREGATES)).to_numpy())
    code = pd.factorize(values["indicator_code"])[0][ranked]
    year = values["year"].to_numpy("int64")[ranked]
    value = values["value"].to_numpy("float64")[ranked]
    order = np.lexsort((-value, year, code))  # by indicator, year, then highest value first
    code, year, value = code[order], year[order], value[order]
    starts = np.r_[True, (code[1:] != code[:-1]) | (year[1:] != year[:-1])] if len(order) else np.zeros(0, bool)
    new_value = starts | np.r_[True, value[1:] != value[:-1]][: len(order)]
    at = np.arange(len(order))
    group = np.cumsum(starts) - 1
    first = np.flatnonzero(starts)
    # a tie shares the rank of the first row with its value: "min", as the ranking of sports tables
    rank[ranked[order]] = np.maximum.accumulate(np.where(new_value, at, 0)) - first[group] + 1
    size[ranked[order]] = np.diff(np.r_[first, len(order)])[group]
    aggregate = np.ones(n, dtype=bool)
    aggregate[ranked] = False
    return pd.DataFrame(
        {
            "global_rank": pd.arrays.IntegerArray(rank, aggregate.copy()),
            "economies_reporting": pd.arrays.IntegerArray(size, aggregate),
        }
    )


@cache
def _vintages(files: tuple[SnapshotFile, ...]) -> pd.DataFrame:
    # Keyed on the verified files (folder, name, sha256): both WDI tables of a build parse the files once.
    bulk = [f for f in files if not f.name.startswith("ddf-")]
    frames = [_read(f, {}, {}) for f in bulk]
    # Names for the DDF files (which carry codes only): the newest bulk file that has the code.
    named = pd.concat(frames).sort_values("release", kind="stable")
    newest_name = named.drop_duplicates("iso3", keep="last")  # the dicts' last-wins, without zipping every row
    names = dict(zip(newest_name["iso3"], newest_name["country"].astype(str)))
    newest_label = named.drop_duplicates("indicator_code", keep="last")
    labels = dict(zip(newest_label["indicator_code"], newest_label["indicator"].astype(str)))
    frames += [_read(f, names, labels) for f in files if f.name.startswith("ddf-")]
    out = pd.concat(frames, ignore_index=True)[COLUMNS + RANKS]
    out = out.astype({c: "str" for c in COLUMNS if c not in ("year", "value", "decimals")})
    out["country"] = country_names(out["iso3"], out["iso3"].map(names))
    return out.sort_values(["indicator_code", "iso3", "year", "release", "snapshot"], kind="stable", ignore_index=True)


def vintages(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    """Every value of every WDI snapshot for the chosen indicators and economies, one row per release.

    ``release`` is the file's Last Updated Date (NA for the DDF subsets, which do not state it).
    """
    return _revisions(_vintages(tuple(files[n] for n in sorted(files))).drop(columns=RANKS))


def _revisions(v: pd.DataFrame) -> pd.DataFrame:
    """``v`` with ``revision``: where a value moved tenfold (or changed sign) against the previous release's
    value of the same indicator, economy and year, by how much and from which file; NA elsewhere."""
    day = pd.to_datetime(v["release"], format="%Y-%m-%d")
    order = v.assign(_day=day).sort_values(["indicator_code", "iso3", "year", "_day", "snapshot"], na_position="first")
    groups = order.groupby(["indicator_code", "iso3", "year"], sort=False)
    prev, prev_file = groups["value"].shift(1), groups["snapshot"].shift(1)
    scale = order["value"].abs().groupby(order["indicator_code"]).transform("max")
    hit = moved(prev.to_numpy("float64"), order["value"].to_numpy("float64"), scale.to_numpy("float64"))
    note = pd.Series(pd.NA, index=order.index, dtype="object")
    for i in order.index[hit]:
        value = order.loc[i, "value"]
        note[i] = f"from {prev[i]:g} in {prev_file[i]} to {value:g} (x{value / prev[i]:.3g})"
    return v.assign(revision=note.reindex(v.index).astype("str"))


def newest(files: dict[str, SnapshotFile]) -> pd.DataFrame:
    """The newest published value per indicator, economy and year, and the newer file that withdrew it, if any.

    Files in ``VINTAGES_ONLY`` are left out; a file without a release date counts as the oldest. The newest
    value wins even where its release prints fewer decimals than an older one (``decimals`` says how many).
    ``withdrawn_by`` names the newest file that publishes the indicator for the economy where it no longer
    publishes the year (the value is then an older release's). Indicator names are those of the newest
    release, so each code has one name (country names are one per iso3 in every table).
    """
    ranks = _vintages(tuple(files[n] for n in sorted(files)))[RANKS]
    v = vintages(files).join(ranks)
    v = v[~v["snapshot"].isin(list(VINTAGES_ONLY))]
    # Newest wins by date (a release is a checked real date; a subset without one counts as the oldest).
    day = pd.to_datetime(v["release"], format="%Y-%m-%d", errors="raise")
    v = v.assign(_day=day).sort_values(["_day", "snapshot"], na_position="first", kind="stable").drop(columns="_day")
    named = v[v["release"].notna()].drop_duplicates("indicator_code", keep="last")  # the newest release's name
    indicator = dict(zip(named["indicator_code"], named["indicator"]))
    series = ["indicator_code", "iso3"]
    last_file = v.drop_duplicates(series, keep="last").set_index(series)["snapshot"]
    out = v.drop_duplicates([*series, "year"], keep="last")
    newest_file = pd.Series(last_file.reindex(pd.MultiIndex.from_frame(out[series])).to_numpy(), index=out.index)
    out = out.assign(
        indicator=out["indicator_code"].map(indicator),
        withdrawn_by=newest_file.where(newest_file != out["snapshot"]),
    )
    return out.sort_values([*series, "year"], ignore_index=True)[[*COLUMNS, "withdrawn_by", *RANKS]]
