"""Add World Bank WDI bulk downloads to ``data/raw/snapshots`` (``kzict ingest wdi FILE...``).

Accepted, as the World Bank website serves them: an all-economy file for one
indicator (``API_<CODE>_DS2_en_csv_v2_<n>.csv`` or the ``.xls`` variant), a
one-economy file for all indicators (``API_<ISO3>_DS2_...``), or the zip that
holds one of these with its ``Metadata_*`` companions. Every file is checked
before anything is written; any refusal leaves the folder and its manifest as
they were. Metadata companions are checked and not copied.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import sys
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from kzict.errors import RawDataError
from kzict.readers import snapshots, wdi

LICENCE = "CC BY 4.0 (World Bank terms of use for datasets)"
SOURCE_ID = "wb_wdi"
_API = re.compile(r"^API_(?P<code>[A-Za-z0-9.]+)_DS2_[a-z]{2}_(?P<fmt>csv|excel)_v2(_\d+)?\.(?P<ext>csv|xls)$")
_META = re.compile(r"^Metadata_(?P<kind>Country|Indicator)_API_(?P<code>[A-Za-z0-9.]+)_DS2_.*\.csv$")
_SNAP_COUNTRY = re.compile(r"^wdi-(?P<code>[A-Z]{3})-all-indicators-(?P<release>\d{4}-\d{2}-\d{2})\.csv$")
_SNAP_INDICATOR = re.compile(r"^wdi-(?P<code>[A-Z0-9.]+)-(?P<release>\d{4}-\d{2}-\d{2})\.(?:csv|xls)$")


@dataclass
class Candidate:
    origin: str  # the name the user gave (``zip:member`` for a zip member)
    data: bytes
    release: str
    kind: str  # "indicator" (all economies, one code) or "country" (one economy, all codes)
    code: str
    values: pd.DataFrame
    snapshot: str = ""
    drops: str = ""


def _members(path: Path) -> list[tuple[str, str, bytes]]:
    """(origin, file name, bytes) of a file or of every member of a zip."""
    if not path.is_file():
        raise RawDataError(path, "no such file")
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as zf:
            return [
                (f"{path.name}:{i.filename}", Path(i.filename).name, zf.read(i))
                for i in zf.infolist()
                if not i.is_dir()
            ]
    return [(path.name, path.name, path.read_bytes())]


def _parse(origin: str, name: str, data: bytes, tmp: Path) -> Candidate | None:
    """Check one data file's layout and codes; ``None`` for a checked metadata companion."""
    where = tmp / name
    where.write_bytes(data)
    meta = _META.match(name)
    if meta:
        reader = wdi.read_country_metadata if meta["kind"] == "Country" else wdi.read_indicator_metadata
        reader(where)
        return None
    m = _API.match(name)
    if not m or (m["fmt"] == "excel") != (m["ext"] == "xls"):
        raise RawDataError(origin, "unknown layout: not a World Bank bulk download (API_<code>_DS2_... .csv or .xls)")
    release, values = (wdi.read_bulk_xls if m["ext"] == "xls" else wdi.read_bulk_csv)(where)
    code = m["code"].upper()
    codes, economies = set(values["indicator_code"]), set(values["iso3"])
    if re.fullmatch(r"[A-Z]{3}", code) and code not in codes:
        if economies != {code}:
            raise RawDataError(
                origin, f"the file name names economy {code}, its rows hold", found=sorted(economies)[:5]
            )
        return Candidate(origin, data, release, "country", code, values)
    if codes != {code}:
        raise RawDataError(origin, f"the file name names indicator {code}, its rows hold", found=sorted(codes)[:5])
    return Candidate(origin, data, release, "indicator", code, values)


def _snapshot_name(c: Candidate) -> str:
    ext = "xls" if c.origin.endswith(".xls") else "csv"
    return f"wdi-{c.code}-all-indicators-{c.release}.csv" if c.kind == "country" else f"wdi-{c.code}-{c.release}.{ext}"


def _existing(snap_dir: Path, c: Candidate) -> list[tuple[str, str]]:
    """(release, file) of the snapshots of the same indicator (or economy) and kind."""
    pattern = _SNAP_COUNTRY if c.kind == "country" else _SNAP_INDICATOR
    out = []
    for name in snapshots.read_manifest(snap_dir):
        m = pattern.match(name)
        if m and m["code"] == c.code and (c.kind == "country" or not _SNAP_COUNTRY.match(name)):
            out.append((m["release"], name))
    return sorted(out)


def _check_drops(snap_dir: Path, c: Candidate, allow: bool) -> str:
    """Refuse a newer release that lacks values the latest earlier snapshot published.

    The World Bank does withdraw values between releases; ``allow`` accepts that and
    returns a note naming how many went. The earlier snapshot stays, so nothing is lost.
    """
    earlier = [(r, n) for r, n in _existing(snap_dir, c) if r < c.release]
    if not earlier:
        return ""
    name = earlier[-1][1]
    path, _ = snapshots.verified(name, snap_dir)
    _, old = (wdi.read_bulk_xls if name.endswith(".xls") else wdi.read_bulk_csv)(path)
    key = ["iso3", "indicator_code", "year"]
    gone = old[key].merge(c.values[key], how="left", indicator=True)
    gone = gone[gone["_merge"] == "left_only"]
    if not len(gone):
        return ""
    first = gone.iloc[0]
    what = (
        f"{len(gone)} published values that {name} has (e.g. {first['iso3']} {first['indicator_code']} {first['year']})"
    )
    if not allow:
        raise RawDataError(
            c.origin, f"would drop {what}; pass allow_drops (--allow-drops) if the release withdrew them"
        )
    return f" Lacks {what}."


def _row(c: Candidate, today: str) -> dict[str, str]:
    first = c.values.iloc[0]
    if c.kind == "country":
        slug = re.sub(r"[^a-z0-9]+", "-", str(first["country"]).lower()).strip("-")
        dataset = f"World Development Indicators, all indicators, {first['country']}"
        url = f"https://data.worldbank.org/country/{slug}"
    else:
        dataset = f"WDI {c.code} {first['indicator']}, all economies"
        url = f"https://data.worldbank.org/indicator/{c.code}"
    years = c.values["year"]
    return {
        "file": c.snapshot,
        "sha256": hashlib.sha256(c.data).hexdigest(),
        "bytes": str(len(c.data)),
        "publisher": "World Bank",
        "dataset": dataset,
        "release": c.release,
        "source_id": SOURCE_ID,
        "url": url,
        "licence": LICENCE,
        "extent": "whole",
        "note": f"Ingested {today} from {c.origin}; {len(c.values)} values, years {years.min()}-{years.max()}."
        + c.drops,
    }


def ingest_wdi(
    files: Sequence[Path | str],
    raw_dir: Path | str | None = None,
    *,
    allow_drops: bool = False,
    today: str | None = None,
) -> list[str]:
    """Check every file, then copy the data files into ``<raw_dir>/snapshots`` and add manifest rows.

    Returns the snapshot names added (a file already present byte for byte is skipped).
    Raises RawDataError, changing nothing, for an unknown layout, a file name whose code
    its rows contradict, a clash with an existing snapshot, or (unless ``allow_drops``) a
    release that would drop values the latest earlier snapshot of the same indicator (or
    economy) published.
    """
    snap_dir = Path(raw_dir) / "snapshots" if raw_dir else snapshots.default_dir()
    today = today or pd.Timestamp.now(tz="UTC").date().isoformat()
    rows = snapshots.read_manifest(snap_dir)
    by_sha = {r["sha256"]: n for n, r in rows.items()}
    todo: list[Candidate] = []
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            for origin, name, data in _members(Path(f)):
                c = _parse(origin, name, data, Path(tmp))
                if c is None or hashlib.sha256(data).hexdigest() in by_sha:
                    continue
                c.snapshot = _snapshot_name(c)
                if c.snapshot in rows or any(c.snapshot == t.snapshot for t in todo):
                    raise RawDataError(origin, f"a different {c.snapshot} is already in the snapshots")
                c.drops = _check_drops(snap_dir, c, allow_drops)
                todo.append(c)
    if not todo:
        return []
    new_rows = dict(rows) | {c.snapshot: _row(c, today) for c in todo}
    # Write everything beside its target first, then rename: a failure leaves no half-ingested state.
    staged = []
    try:
        for c in todo:
            part = snap_dir / f".{c.snapshot}.part"
            part.write_bytes(c.data)
            staged.append((part, snap_dir / c.snapshot))
        part = snap_dir / f".{snapshots.MANIFEST}.part"
        staged.append((part, snap_dir / snapshots.MANIFEST))
        snapshots.write_manifest(new_rows, snap_dir, name=part.name)
    except BaseException:
        for part, _ in staged:
            part.unlink(missing_ok=True)
        raise
    for part, target in staged:
        os.replace(part, target)
    return [c.snapshot for c in todo]


def main(argv: Sequence[str] | None = None) -> int:
    """``kzict ingest wdi FILE... [--raw DIR]``: add World Bank downloads as snapshots."""
    from kzict._extras import exit_unless_installed

    exit_unless_installed("ingest", "python -m kzict.ingest")
    p = argparse.ArgumentParser(prog="kzict ingest wdi", description=__doc__.splitlines()[0])
    p.add_argument("files", nargs="+", type=Path, help="API_*.csv, API_*.xls or the zip the World Bank serves")
    p.add_argument("--raw", type=Path, default=None, help="the data/raw folder (default: this clone's)")
    p.add_argument("--allow-drops", action="store_true", help="accept a release that withdrew earlier values")
    args = p.parse_args(argv)
    try:
        added = ingest_wdi(args.files, args.raw, allow_drops=args.allow_drops)
    except RawDataError as exc:
        print(f"kzict ingest wdi: refused, nothing changed: {exc}", file=sys.stderr)
        return 2
    snap_dir = args.raw / "snapshots" if args.raw else snapshots.default_dir()
    for name in added:
        print(f"added {snap_dir / name}")
    if not added:
        print("nothing new: every file is already a snapshot")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
