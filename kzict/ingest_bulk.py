"""The full WDI download (``WDI_CSV.zip``, or its unpacked CSV) as two staged subset snapshots.

``kzict ingest wdi WDI_CSV.zip --release YYYY-MM-DD`` keeps, of the ~400,000 lines of the download,
the header and the lines of the indicators kzict tracks (``kzict.tables._wdi.INDICATORS``), for
every economy and aggregate, byte for byte; and the tracked indicators' records of ``WDISeries.csv``
(definition, source, unit, licence type). The CSV states no release, so ``--release`` is required.

:func:`ingest_bulk` only stages: it writes the two snapshots into a staging folder the caller owns
and returns their manifest rows; :func:`stage` adds the checks against earlier releases. Publishing
them with the manifest (all or nothing, under the build's lock, after the build succeeded on the
staged raw folder) is the job of ``kzict.ingest``, which calls :func:`stage` for a file that
:func:`kzict.readers.wdi_bulk.looks_bulk`.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from kzict.errors import RawDataError
from kzict.readers import snapshots, wdi_bulk

PUBLISHER = "World Bank"
URL = "https://datacatalog.worldbank.org/search/dataset/0037712"  # the WDI catalogue page that serves WDI_CSV.zip
_RELEASE = re.compile(r"\d{4}-\d{2}-\d{2}")
BULK = re.compile(r"^wdi-bulk-(?P<release>\d{4}-\d{2}-\d{2})-subset\.csv$")  # no ``code`` group: every code


@dataclass(frozen=True)
class Staged:
    """A snapshot written to the staging folder, and its manifest row."""

    name: str
    path: Path
    row: dict[str, str]


def snapshot_names(release: str) -> tuple[str, str]:
    """The data subset and its series-metadata companion (``-metadata-`` keeps it out of the data files)."""
    return f"wdi-bulk-{release}-subset.csv", f"wdi-bulk-{release}-metadata-series.csv"


def check_release(release: str | None, origin: Path | str, today: date | None = None) -> str:
    """``release`` as ``YYYY-MM-DD``: a real date, not after ``today`` (UTC)."""
    if not release:
        raise RawDataError(origin, "the full WDI download states no release date; pass --release YYYY-MM-DD")
    try:
        when = date.fromisoformat(release) if _RELEASE.fullmatch(release) else None
    except ValueError:
        when = None
    if when is None:
        raise RawDataError(origin, "--release is not a date YYYY-MM-DD", found=release)
    today = today or datetime.now(UTC).date()
    if when > today:
        raise RawDataError(origin, f"--release {release} is after today ({today.isoformat()})")
    return release


def tracked_codes() -> list[str]:
    """The indicators kzict tracks; read here, not in the reader, which knows no dataset."""
    from kzict.tables._wdi import INDICATORS

    return list(INDICATORS)


def ingest_bulk(
    path: Path | str,
    release: str | None,
    stage_dir: Path | str,
    *,
    snap_dir: Path | str | None = None,
    today: date | None = None,
    codes: Collection[str] | None = None,
) -> list[Staged]:
    """Cut ``path`` into ``stage_dir`` and return the snapshots to add, with their manifest rows.

    Returns ``[]`` when the same subset is already a snapshot. Raises RawDataError naming ``path``,
    leaving ``stage_dir`` without the two files, for a bad ``release``, a refused download (see
    :func:`kzict.readers.wdi_bulk.cut`) or a different snapshot of the same name.
    """
    from kzict.ingest import LICENCE, SOURCE_ID

    path, stage = Path(path), Path(stage_dir)
    today = today or datetime.now(UTC).date()
    release = check_release(release, path, today)
    rows = snapshots.read_manifest(Path(snap_dir) if snap_dir else None)
    data_name, series_name = snapshot_names(release)
    codes = tracked_codes() if codes is None else list(codes)
    cut = wdi_bulk.cut(path, codes, stage / data_name, stage / series_name)
    staged = [(data_name, cut.subset, cut.note())]
    if cut.series_subset is not None:
        staged.append((series_name, cut.series_subset, cut.series_note()))
    out = []
    for name, digest, note in staged:
        known = rows.get(name)
        if known is not None and known["sha256"] != digest.sha256:
            for n, _, _ in staged:
                (stage / n).unlink(missing_ok=True)
            raise RawDataError(path, f"a different {name} is already in the snapshots")
        if known is not None:
            (stage / name).unlink()
            continue
        what = "series metadata (WDISeries.csv)" if name == series_name else "all economies and aggregates"
        out.append(
            Staged(
                name,
                stage / name,
                {
                    "file": name,
                    "sha256": digest.sha256,
                    "bytes": str(digest.size),
                    "publisher": PUBLISHER,
                    "dataset": f"World Development Indicators, full download (WDI_CSV.zip): the {len(codes)} "
                    f"indicators kzict tracks, {what}",
                    "release": release,
                    "source_id": SOURCE_ID,
                    "url": URL,
                    "licence": LICENCE,
                    "extent": "subset",
                    "note": f"{note} Ingested {today.isoformat()} from {path.name}; release as given by "
                    "--release (the download states none).",
                },
            )
        )
    if not cut.series_subset:
        (stage / series_name).unlink(missing_ok=True)
    return out


def stage(
    path: Path | str,
    release: str | None,
    stage_dir: Path,
    snap_dir: Path,
    today: str,
    taken: Collection[str],
    *,
    allow_drops: bool = False,
    allow_revisions: bool = False,
) -> list[Staged]:
    """:func:`ingest_bulk`, then the drops and revisions checks of every ingest against earlier releases.

    ``taken``: the snapshot names this ingest already stages (a second full download of one release
    is refused). An allowed drop or revision is recorded in the data subset's manifest note.
    """
    staged = ingest_bulk(path, release, stage_dir, snap_dir=snap_dir, today=date.fromisoformat(today))
    if any(s.name in taken for s in staged):
        raise RawDataError(path, f"a second full WDI download of release {release} in one ingest")
    for s in staged:
        if s.name.endswith("-subset.csv"):
            s.row["note"] += _compare(str(path), s.path, str(release), snap_dir, allow_drops, allow_revisions)
    return staged


def _compare(origin: str, subset: Path, release: str, snap_dir: Path, allow_drops: bool, allow_revisions: bool) -> str:
    """Every tracked code of the new subset against the latest earlier all-economy file that holds it (an
    ``API_`` download or an earlier full download's subset), and each economy's file of all indicators
    against the latest earlier one, for the codes the download holds."""
    from kzict import ingest_checks as checks
    from kzict.ingest import _SNAP_COUNTRY, _SNAP_INDICATOR, _day
    from kzict.readers import wdi

    new = wdi_bulk.read_subset(subset)
    codes = set(new["indicator_code"])
    day = date.fromisoformat(release)
    latest: dict[tuple[str, str], tuple[date, str]] = {}  # (kind, code or economy) -> (release, file)
    for name, row in snapshots.read_manifest(snap_dir).items():
        m_country, m_code, m_bulk = _SNAP_COUNTRY.match(name), _SNAP_INDICATOR.match(name), BULK.match(name)
        when = _day(row["release"])
        if when >= day:
            continue
        keys = (
            [("country", m_country["code"])]
            if m_country
            else [("code", c) for c in codes]
            if m_bulk
            else [("code", m_code["code"])]
            if m_code
            else []
        )
        for key in keys:
            if key[1] in codes or key[0] == "country":
                latest[key] = max(latest.get(key, (date.min, "")), (when, name))
    notes = ""
    for name in sorted({n for _, n in latest.values()}):
        mine = {k for k, (_, n) in latest.items() if n == name}
        path, _ = snapshots.verified(name, snap_dir)
        if name.startswith("wdi-bulk-"):
            old = wdi_bulk.read_subset(path, codes={c for _, c in mine})
        elif name.endswith(".xls"):
            old = wdi.read_bulk_xls(path)[1]
        else:
            economies = {c for kind, c in mine if kind == "country"} or None
            old = wdi.read_bulk_csv(path, codes=codes, economies=economies)[1]
        old = old[old["indicator_code"].isin(list(codes))]
        if not len(old):
            continue
        now = new[new["indicator_code"].isin(list(set(old["indicator_code"])))]
        if _SNAP_COUNTRY.match(name):
            now = now[now["iso3"].isin(list(set(old["iso3"])))]
        notes += checks.check_drops(origin, name, old, now, allow_drops)
        notes += checks.check_revisions(origin, name, old, now, allow_revisions)
    return notes
