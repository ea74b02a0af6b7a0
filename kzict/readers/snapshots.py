"""Public data snapshots: verbatim files in ``data/raw/snapshots`` with a checksum manifest.

A snapshot is read only after its sha256 matches its manifest row, so a file
edited by hand (or truncated by a bad copy) stops the build with an error
naming the file instead of flowing silently into the clean tables.
"""

from __future__ import annotations

import csv
import hashlib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from kzict.errors import RawDataError

MANIFEST = "MANIFEST.csv"
COLUMNS = (
    "file",
    "sha256",
    "bytes",
    "publisher",
    "dataset",
    "release",
    "source_id",
    "url",
    "licence",
    "extent",
    "note",
)


def default_dir() -> Path:
    """``data/raw/snapshots`` of this clone (or of the installed package)."""
    from kzict._store import raw_dir

    return Path(str(raw_dir())) / "snapshots"


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def read_manifest(snap_dir: Path | None = None) -> dict[str, dict[str, str]]:
    """The manifest rows keyed by file name; every column of ``COLUMNS`` must be present."""
    path = Path(snap_dir or default_dir()) / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RawDataError(path, "the snapshot manifest is missing") from None
    reader = csv.DictReader(text.splitlines())
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise RawDataError(path, f"expected the columns {', '.join(COLUMNS)}", found=reader.fieldnames)
    rows: dict[str, dict[str, str]] = {}
    for line, row in enumerate(reader, start=2):
        if row["file"] in rows:
            raise RawDataError(path, f"row {line}: file {row['file']!r} is listed twice")
        rows[row["file"]] = row
    return rows


def write_manifest(rows: dict[str, dict[str, str]], snap_dir: Path, name: str = MANIFEST) -> None:
    """Write the manifest sorted by file name (stable diffs); ``name`` lets a caller stage it."""
    path = Path(snap_dir) / name
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        w.writeheader()
        for name in sorted(rows):
            w.writerow({c: rows[name].get(c, "") for c in COLUMNS})


@cache
def _checked(path: Path, size: int, mtime_ns: int, expected: str) -> None:
    # Cached on size and mtime: a session that reads a file ten times hashes it once,
    # while a file rewritten in between (new mtime) is hashed again.
    if sha256(path) != expected:
        raise RawDataError(path, f"sha256 differs from {MANIFEST}; a snapshot is never edited (ingest a new one)")


def verified(name: str, snap_dir: Path | None = None) -> tuple[Path, dict[str, str]]:
    """The path of snapshot ``name`` and its manifest row, after checking its size and sha256."""
    snap_dir = Path(snap_dir or default_dir())
    rows = read_manifest(snap_dir)
    path = snap_dir / name
    if name not in rows:
        raise RawDataError(path, f"not listed in {MANIFEST}")
    if not path.is_file():
        raise RawDataError(path, f"listed in {MANIFEST} but missing")
    st = path.stat()
    row = rows[name]
    if str(st.st_size) != row["bytes"]:
        raise RawDataError(path, f"size differs from {MANIFEST} ({row['bytes']} bytes)", found=st.st_size)
    _checked(path, st.st_size, st.st_mtime_ns, row["sha256"])
    return path, row


@dataclass(frozen=True)
class SnapshotFile:
    """A snapshot file whose size and sha256 matched its manifest row when it was handed out.

    Equal (and hashed) by folder, name and sha256, so a reading cached on it is never reused for other bytes.
    """

    name: str
    path: Path
    sha256: str
    row: dict[str, str] = field(compare=False, hash=False, repr=False)  # its manifest row

    @property
    def source_id(self) -> str:
        return self.row["source_id"]


def verify(name: str, snap_dir: Path | None = None) -> SnapshotFile:
    """Snapshot ``name`` after checking it against its manifest row (listed, present, size, sha256)."""
    path, row = verified(name, snap_dir)
    return SnapshotFile(name, path, row["sha256"], row)


def verify_all(snap_dir: Path | None = None) -> list[str]:
    """Check every listed snapshot; also refuse files in the folder the manifest does not list."""
    snap_dir = Path(snap_dir or default_dir())
    rows = read_manifest(snap_dir)
    extra = sorted(
        p.name
        for p in snap_dir.iterdir()
        if p.is_file() and p.name not in rows and p.name not in (MANIFEST, "README.md")
    )
    if extra:
        raise RawDataError(snap_dir / extra[0], f"not listed in {MANIFEST}")
    for name in rows:
        verified(name, snap_dir)
    return sorted(rows)
