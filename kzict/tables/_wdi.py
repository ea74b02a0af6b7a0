"""The WDI contract tables: ``wdi_vintages``, ``wdi_indicators`` and ``trade_crosscheck``.

Which files are read is the manifest's business (every ``wb_wdi`` data file),
so a file added by ``kzict ingest wdi`` flows in without code changes. Which
indicators and economies are kept is decided here, once.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd

from kzict.readers import snapshots, wdi

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

# Ranges that replace the unit's (kzict.pipeline.validate.PLAUSIBLE) for these indicators: "Communications,
# computer, etc." is what is left of services after transport, travel, insurance and finance, a residual
# the World Bank publishes below zero (Kazakhstan's imports share, -4.97 %), never past the whole.
PLAUSIBLE = {"indicator_code": {"BX.GSR.CMCP.ZS": (-100.0, 100.0), "BM.GSR.CMCP.ZS": (-100.0, 100.0)}}

# A value that moves by REVISION_FACTOR or more between releases is a revision kzict makes visible (and
# `kzict ingest wdi` refuses unless --allow-revisions), among values of at least SCALE_FLOOR of the
# indicator's largest: early values near zero are revised by large factors in earnest (0.0007 -> 0.017).
REVISION_FACTOR = 10.0
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
AGGREGATES = ("WLD", "ECS", "UMC")  # World, Europe & Central Asia, Upper middle income
PEERS = tuple(dict.fromkeys(CENTRAL_ASIA + NEIGHBOURS + TABLE1 + AGGREGATES))

# Files whose code names another series than today's: shown as vintages, never as the current value.
VINTAGES_ONLY = {
    "wdi-IT.NET.SECR.P6-2017-02-01.csv": "old secure-server series; the current series of the code is on another scale",
}

COLUMNS = [
    "iso3",
    "country",
    "indicator_code",
    "indicator",
    "year",
    "value",
    "unit",
    "release",
    "snapshot",
    "source_id",
    "locator",
]


def wdi_files(snap_dir: Path | None = None) -> list[str]:
    """The WDI data files of the manifest (metadata companions left out)."""
    rows = snapshots.read_manifest(snap_dir)
    return sorted(name for name, row in rows.items() if row["source_id"] == SOURCE_ID and "-metadata-" not in name)


def _read(name: str, snap_dir: Path | None, names: dict[str, str], labels: dict[str, str]) -> pd.DataFrame:
    path, row = snapshots.verified(name, snap_dir)
    if name.startswith("ddf-"):
        col = pd.read_csv(path, nrows=0).columns[2]
        df, release, where = wdi.read_ddf(path, names, labels.get(wdi.ddf_code(col), "")), "", "line"
    elif name.endswith(".xls"):
        release, df = wdi.read_bulk_xls(path)
        where = "sheet Data, row"
    else:
        release, df = wdi.read_bulk_csv(path, codes=set(INDICATORS), economies=set(PEERS))
        where = "line"
    if row["release"] and release and row["release"] != release:
        raise snapshots.RawDataError(path, f"Last Updated Date {release} differs from the manifest's {row['release']}")
    df = df[df["indicator_code"].isin(list(INDICATORS)) & df["iso3"].isin(list(PEERS))]
    df = df.assign(
        unit=df["indicator_code"].map(INDICATORS),
        release=release or None,
        snapshot=name,
        source_id=row["source_id"],
        locator=[f"{name}, {where} {n}" for n in df["line"]],
    )
    return df


@cache
def _vintages(snap_dir: Path | None, manifest: str) -> pd.DataFrame:
    # ``manifest`` (its text) is part of the cache key: after an ingest the tables are read afresh.
    files = wdi_files(snap_dir)
    bulk = [f for f in files if not f.startswith("ddf-")]
    frames = [_read(f, snap_dir, {}, {}) for f in bulk]
    # Names for the DDF files (which carry codes only): the newest bulk file that has the code.
    named = pd.concat(frames).sort_values("release", kind="stable")
    names = dict(zip(named["iso3"], named["country"].astype(str)))
    labels = dict(zip(named["indicator_code"], named["indicator"].astype(str)))
    frames += [_read(f, snap_dir, names, labels) for f in files if f.startswith("ddf-")]
    out = pd.concat(frames, ignore_index=True)[COLUMNS]
    out = out.astype({c: "str" for c in COLUMNS if c not in ("year", "value")})
    return out.sort_values(["indicator_code", "iso3", "year", "release", "snapshot"], kind="stable", ignore_index=True)


def wdi_vintages(snap_dir: Path | None = None) -> pd.DataFrame:
    """Every value of every WDI snapshot for the chosen indicators and economies, one row per release.

    ``release`` is the file's Last Updated Date (NA for the DDF subsets, which do not state it).
    """
    where = Path(snap_dir) if snap_dir else None
    manifest = (where or snapshots.default_dir()) / snapshots.MANIFEST
    text = manifest.read_text(encoding="utf-8") if manifest.is_file() else ""
    for name in wdi_files(where):  # a file changed since the cached read is still caught (hashes cached by mtime)
        snapshots.verified(name, where)
    return _revisions(_vintages(where, text))


def _revisions(v: pd.DataFrame) -> pd.DataFrame:
    """``v`` with ``revision``: where a value moved tenfold (or changed sign) against the previous release's
    value of the same indicator, economy and year, by how much and from which file; NA elsewhere."""
    day = pd.to_datetime(v["release"], format="%Y-%m-%d")
    order = v.assign(_day=day).sort_values(["indicator_code", "iso3", "year", "_day", "snapshot"], na_position="first")
    groups = order.groupby(["indicator_code", "iso3", "year"], sort=False)
    prev, prev_file = groups["value"].shift(1), groups["snapshot"].shift(1)
    scale = order.groupby("indicator_code")["value"].transform(lambda s: s.abs().max())
    hit = moved(prev.to_numpy("float64"), order["value"].to_numpy("float64"), scale.to_numpy("float64"))
    note = pd.Series(pd.NA, index=order.index, dtype="object")
    for i in order.index[hit]:
        value = order.loc[i, "value"]
        note[i] = f"from {prev[i]:g} in {prev_file[i]} to {value:g} (x{value / prev[i]:.3g})"
    return v.assign(revision=note.reindex(v.index).astype("str"))


def wdi_indicators(snap_dir: Path | None = None) -> pd.DataFrame:
    """The newest published value per indicator, economy and year.

    Files in ``VINTAGES_ONLY`` are left out; a file without a release date counts as the oldest.
    Country and indicator names are those of the newest release, so each code has one name.
    """
    v = wdi_vintages(snap_dir)
    v = v[~v["snapshot"].isin(list(VINTAGES_ONLY))]
    # Newest wins by date (a release is a checked real date; a subset without one counts as the oldest).
    day = pd.to_datetime(v["release"], format="%Y-%m-%d", errors="raise")
    v = v.assign(_day=day).sort_values(["_day", "snapshot"], na_position="first", kind="stable").drop(columns="_day")
    named = v[v["release"].notna()]
    country = dict(zip(named["iso3"], named["country"]))
    indicator = dict(zip(named["indicator_code"], named["indicator"]))
    out = v.drop_duplicates(["indicator_code", "iso3", "year"], keep="last")
    out = out.assign(country=out["iso3"].map(country), indicator=out["indicator_code"].map(indicator))
    return out.sort_values(["indicator_code", "iso3", "year"], ignore_index=True)[COLUMNS]


def trade_crosscheck(
    snap_dir: Path | None = None, thesis: pd.DataFrame | None = None, vintages: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Kazakhstan's ICT goods trade in US$ m: ICT share x merchandise trade of the same release.

    Beside it, the thesis's p. 32 series (``it_trade``: value as printed, flow as corrected).
    Only releases that hold both the share and the merchandise total are used. ``vintages``
    (the ``wdi_vintages`` table) saves reading the snapshots again.
    """
    v = wdi_vintages(snap_dir) if vintages is None else vintages
    v = v[(v["iso3"] == "KAZ") & v["release"].notna()]
    pairs = {"export": ("TX.VAL.ICTG.ZS.UN", "TX.VAL.MRCH.CD.WT"), "import": ("TM.VAL.ICTG.ZS.UN", "TM.VAL.MRCH.CD.WT")}
    frames = []
    for flow, (share_code, total_code) in pairs.items():
        share = v[v["indicator_code"] == share_code]
        total = v[v["indicator_code"] == total_code]
        both = share.merge(total, on=["release", "year"], suffixes=("_share", "_total"))
        frames.append(
            pd.DataFrame(
                {
                    "year": both["year"].astype("int64"),
                    "flow": flow,
                    "ict_share_pct": both["value_share"],
                    "merchandise_usd_mn": both["value_total"] / 1e6,
                    "ict_goods_usd_mn": both["value_share"] / 100 * both["value_total"] / 1e6,
                    "release": both["release"],
                    "source_id": SOURCE_ID,
                    "locator": both["locator_share"] + "; " + both["locator_total"],
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    if thesis is None:
        import kzict

        thesis = kzict.load("it_trade")
    t = thesis.rename(
        columns={"value_usd_mn": "thesis_usd_mn", "printed_label": "thesis_printed_label", "locator": "thesis_locator"}
    )[["year", "flow", "thesis_usd_mn", "thesis_printed_label", "thesis_locator"]]
    out = out.merge(t.astype({"year": "int64"}), on=["year", "flow"], how="outer")
    return out.sort_values(["flow", "year", "release"], ignore_index=True)
