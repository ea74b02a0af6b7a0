"""Add World Bank WDI bulk downloads to ``data/raw/snapshots`` (``kzict ingest wdi FILE...``).

Accepted, as the World Bank website serves them: an all-economy file for one
indicator (``API_<CODE>_DS2_en_csv_v2_<n>.csv`` or the ``.xls`` variant), a
one-economy file for all indicators (``API_<ISO3>_DS2_...``), or the zip that
holds one of these with its ``Metadata_*`` companions; and the full download
(``WDI_CSV.zip`` or its unpacked ``WDICSV.csv``, with ``--release``), streamed
and cut to the tracked indicators (kzict.ingest_bulk). Every file is checked
before anything is written; any refusal leaves the folder and its manifest as
they were: the build runs from a staged copy, and the raw and clean folders
change together or not at all. Metadata companions are checked and not copied.
Caps: kzict.readers.download.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pandas as pd

from kzict import ingest_bulk
from kzict import ingest_checks as checks
from kzict._paths import loads_from
from kzict.errors import KzictError, RawDataError
from kzict.readers import download, snapshots, wdi, wdi_bulk

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


def _parse(member: download.Member, tmp: Path, today: str) -> Candidate | None:
    """Check one data file's layout, codes, text and date; ``None`` for a checked metadata companion.

    Every refusal names the user's file (``origin``), never the temporary copy the readers are given,
    and is one line, whatever the reader raised."""
    where = tmp / member.name
    where.write_bytes(member.data)
    try:
        return _read(member, where, today)
    except RawDataError as exc:
        rest = str(exc)[len(exc.path) :].lstrip(":, ") if str(exc).startswith(exc.path) else str(exc)
        raise RawDataError(member.origin, " ".join(rest.replace(str(where), member.name).split())) from None
    except Exception as exc:  # a reader's own error (ragged rows, bad encoding ...) as one line
        text = " ".join(str(exc).replace(str(where), member.name).split())[:300]
        raise RawDataError(member.origin, f"cannot be read as a WDI download ({type(exc).__name__}: {text})") from None
    finally:
        where.unlink(missing_ok=True)


def _read(member: download.Member, where: Path, today: str) -> Candidate | None:
    origin, name, data = member.origin, member.name, member.data
    meta = _META.match(name)
    if meta:
        reader = wdi.read_country_metadata if meta["kind"] == "Country" else wdi.read_indicator_metadata
        reader(where)
        return None
    m = _API.match(name)
    if not m or (m["fmt"] == "excel") != (m["ext"] == "xls"):
        raise RawDataError(origin, "unknown layout: not a World Bank bulk download (API_<code>_DS2_... .csv or .xls)")
    release, values = (wdi.read_bulk_xls if m["ext"] == "xls" else wdi.read_bulk_csv)(where)
    checks.release_date(origin, release, today)
    if values.empty:
        raise RawDataError(origin, "holds no values")
    checks.check_text(origin, values)
    checks.check_values(origin, values)
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
        m = pattern.match(name) or ingest_bulk.BULK.match(name)  # a full download holds every indicator and economy
        if m and m.groupdict().get("code") in (c.code, None) and (c.kind == "country" or not _SNAP_COUNTRY.match(name)):
            out.append((m["release"], name))
    return sorted(out)


def _compare(snap_dir: Path, c: Candidate, allow_drops: bool, allow_revisions: bool) -> str:
    """Compare with the latest earlier snapshot of the same indicator (or economy), by release date.

    The World Bank does withdraw and revise values, and rename indicators, between releases; each is
    refused unless allowed, and then recorded in the new snapshot's manifest note. The earlier snapshot
    stays, so nothing is lost.
    """
    day = date.fromisoformat(c.release)
    earlier = [(r, n) for r, n in _existing(snap_dir, c) if _day(r) < day]
    if not earlier:
        return ""
    name = max(earlier, key=lambda e: _day(e[0]))[1]
    path, _ = snapshots.verified(name, snap_dir)
    if ingest_bulk.BULK.match(name):
        country = c.kind == "country"
        old = wdi_bulk.read_subset(path, codes=None if country else {c.code}, economies={c.code} if country else None)
    else:
        _, old = (wdi.read_bulk_xls if name.endswith(".xls") else wdi.read_bulk_csv)(path)
    return checks.check_drops(c.origin, name, old, c.values, allow_drops) + checks.check_revisions(
        c.origin, name, old, c.values, allow_revisions
    )


def _day(release: str) -> date:
    try:
        return date.fromisoformat(release)
    except ValueError:
        return date.min  # an earlier snapshot whose name holds no real date counts as the oldest


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


def folders(raw_dir: Path | str | None, out_dir: Path | str | None) -> tuple[Path, Path]:
    """The raw folder an ingest adds to (default: this clone's) and the clean folder it rebuilds (beside it)."""
    raw = Path(raw_dir) if raw_dir else snapshots.default_dir().parent
    return raw, Path(out_dir) if out_dir else raw.parent / "clean"


def ingest_wdi(
    files: Sequence[Path | str],
    raw_dir: Path | str | None = None,
    *,
    out_dir: Path | str | None = None,
    allow_drops: bool = False,
    allow_revisions: bool = False,
    today: str | None = None,
    build: bool = True,
    release: str | None = None,
) -> list[str]:
    """Check every file, then add the data files to ``<raw_dir>/snapshots`` and rebuild, all or nothing.

    Returns the snapshot names added (a file already present byte for byte is skipped). The new
    snapshots and manifest rows are staged and the whole build runs from them (into ``out_dir``,
    default: the ``clean`` folder beside ``raw_dir``); only when it succeeds do the raw and clean
    folders change, together (:mod:`kzict.ingest_commit`). Raises RawDataError, changing nothing, for
    a file over a cap, an unknown layout, text a spreadsheet would run, a release date that is not a
    real date or lies ahead, a file name whose code its rows contradict, a clash with an existing
    snapshot, a release that drops (unless ``allow_drops``) or revises by a factor of ten or renames
    (unless ``allow_revisions``) what the latest earlier release published, or data the build refuses.
    ``build=False`` adds the snapshots without a build (for tests of the checks alone). ``release``
    (``YYYY-MM-DD``) is the full WDI download's, which states none (required for it); a file that states
    its own must agree with it.
    """
    from kzict import ingest_commit
    from kzict.pipeline.lock import locked

    raw, out = folders(raw_dir, out_dir)
    snap_dir = raw / "snapshots"
    today = today or pd.Timestamp.now(tz="UTC").date().isoformat()
    with locked(raw, exclusive=True):  # the build's lock: no build reads, no other ingest writes, meanwhile
        ingest_commit.leftovers(raw.parent)
        rows = snapshots.read_manifest(snap_dir)
        by_sha = {r["sha256"]: n for n, r in rows.items()}
        todo: list[Candidate] = []
        bulk: list[ingest_bulk.Staged] = []
        origins: dict[str, str] = {}
        # The full download's subsets are staged beside the raw folder (a killed ingest's are leftovers).
        with (
            tempfile.TemporaryDirectory() as tmp,
            tempfile.TemporaryDirectory(prefix=ingest_commit.PREFIX, dir=raw.parent) as stage,
        ):
            for f in files:
                if wdi_bulk.looks_bulk(f):  # streamed, never read whole
                    taken = [s.name for s in bulk]
                    kw = {"allow_drops": allow_drops, "allow_revisions": allow_revisions}
                    got = ingest_bulk.stage(f, release, Path(stage), snap_dir, today, taken, **kw)
                    bulk += got
                    origins.update({s.name: Path(f).name for s in got})
                    continue
                for member in download.members(Path(f)):
                    c = _parse(member, Path(tmp), today)
                    digest = hashlib.sha256(c.data).hexdigest() if c is not None else ""
                    if c is None or digest in by_sha:
                        continue  # a companion, or a file already a snapshot (or given twice)
                    if release and c.release != release:
                        raise RawDataError(c.origin, f"states its release, {c.release}, not --release {release}")
                    by_sha[digest] = c.origin
                    c.snapshot = _snapshot_name(c)
                    if c.snapshot in rows or any(c.snapshot == t.snapshot for t in todo):
                        raise RawDataError(c.origin, f"a different {c.snapshot} is already in the snapshots")
                    c.drops = _compare(snap_dir, c, allow_drops, allow_revisions)
                    todo.append(c)
            if not todo and not bulk:
                return []
            new_rows = dict(rows) | {c.snapshot: _row(c, today) for c in todo} | {s.name: s.row for s in bulk}
            added: dict[str, bytes | Path] = {c.snapshot: c.data for c in todo} | {s.name: s.path for s in bulk}
            origins |= {c.snapshot: c.origin for c in todo}
            ingest_commit.commit(raw, out if build else None, added, new_rows, origins)
    return [c.snapshot for c in todo] + [s.name for s in bulk]


def main(argv: Sequence[str] | None = None) -> int:
    """``kzict ingest wdi FILE... [--release DATE] [--raw DIR] [--out DIR]``: add downloads as snapshots, rebuild."""
    from kzict._extras import exit_unless_installed

    exit_unless_installed("ingest", "python -m kzict.ingest")
    p = argparse.ArgumentParser(prog="kzict ingest wdi", description=__doc__.splitlines()[0])
    p.add_argument("files", nargs="+", type=Path, help="API_*.csv, API_*.xls, their zip, or WDI_CSV.zip")
    p.add_argument("--release", help="YYYY-MM-DD: the full download's release date (its CSV states none)")
    p.add_argument("--raw", type=Path, default=None, help="the data/raw folder (default: this clone's)")
    p.add_argument("--out", type=Path, default=None, help="the clean folder to rebuild (default: beside --raw)")
    p.add_argument("--allow-drops", action="store_true", help="accept a release that withdrew earlier values")
    p.add_argument(
        "--allow-revisions", action="store_true", help="accept a release that revised values tenfold or renamed"
    )
    args = p.parse_args(argv)
    try:
        added = ingest_wdi(
            args.files,
            args.raw,
            out_dir=args.out,
            allow_drops=args.allow_drops,
            allow_revisions=args.allow_revisions,
            release=args.release,
        )
    except KzictError as exc:
        print(f"kzict: ingest refused, nothing changed: {_one_line(exc)}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"kzict: ingest failed, nothing changed: {exc.filename or ''} {exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # a defect, not bad input: still one line, and the staged writes were rolled back
        print(f"kzict: ingest failed, nothing changed ({type(exc).__name__}: {_one_line(exc)})", file=sys.stderr)
        return 2
    raw, out = folders(args.raw, args.out)
    for name in added:
        print(f"added {raw / 'snapshots' / name}")
    if added:
        print(loads_from("built the clean data into", out, ["wdi_indicators"]))
    else:
        print("nothing new: every file is already a snapshot")
    return 0


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())


if __name__ == "__main__":
    raise SystemExit(main())
