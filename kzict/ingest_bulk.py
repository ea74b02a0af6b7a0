"""The full WDI download (``WDI_CSV.zip``, or its unpacked CSV) as two staged subset snapshots.

``kzict ingest wdi WDI_CSV.zip --release YYYY-MM-DD`` keeps, of the ~400,000 lines of the download,
the header and the lines of the indicators kzict tracks (``kzict.tables._wdi.INDICATORS``), for
every economy and aggregate, byte for byte; and the tracked indicators' records of ``WDISeries.csv``
(definition, source, unit, licence type). The CSV states no release, so ``--release`` is required.

INTEGRATION POINT. :func:`ingest_bulk` only stages: it writes the two snapshots into a staging
folder the caller owns and returns their manifest rows. Publishing them with the manifest (all or
nothing, under the build's lock, after the build succeeded on the staged raw folder) is the job of
``kzict.ingest``, which calls it for a file that :func:`kzict.readers.wdi_bulk.looks_bulk`.
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
