"""Public data snapshots at run time: each re-hashed against ``data/raw/snapshots/MANIFEST.csv`` before it is read.

The runtime's own reader (csv module and pandas only): ``kzict.verify()`` and ``kzict.load_raw`` use it,
without the build's readers.
"""

from __future__ import annotations

import hashlib
import io
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

SNAPSHOTS, SNAPSHOT_MANIFEST = "snapshots", "MANIFEST.csv"


def snapshot_manifest(snap_dir) -> dict[str, dict[str, str]]:
    """The snapshot manifest's rows by file name (csv module only: the runtime reads it without the readers)."""
    import csv

    from kzict.errors import IntegrityError

    try:
        text = (snap_dir / SNAPSHOT_MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise IntegrityError(f"the snapshot manifest cannot be read ({exc})") from None
    return {row["file"]: row for row in csv.DictReader(text.splitlines())}


def snapshot_bytes(snap_dir, name: str, rows: dict[str, dict[str, str]] | None = None) -> bytes:
    """A snapshot's bytes, after its size and sha256 match its manifest row: an edited snapshot is never read."""
    from kzict.errors import IntegrityError

    rows = snapshot_manifest(snap_dir) if rows is None else rows
    row = rows.get(name)
    if row is None:
        raise IntegrityError(f"snapshot {name} is not listed in {SNAPSHOT_MANIFEST}")
    try:
        data = (snap_dir / name).read_bytes()
    except OSError:
        raise IntegrityError(f"snapshot {name} is listed in {SNAPSHOT_MANIFEST} but missing") from None
    if str(len(data)) != row.get("bytes") or hashlib.sha256(data).hexdigest() != row.get("sha256"):
        raise IntegrityError(
            f"snapshot {name} differs from its sha256 in {SNAPSHOT_MANIFEST}: a snapshot is never edited; "
            "restore it (git checkout) or ingest a new release"
        )
    return data


def verify_snapshots(snap_dir) -> list[str]:
    """Re-hash every snapshot the manifest lists; IntegrityError at the first that differs."""
    rows = snapshot_manifest(snap_dir)
    for name in rows:
        snapshot_bytes(snap_dir, name, rows)
    return sorted(rows)


def read_snapshots(snap_dir, files: list[str]) -> pd.DataFrame:
    """Public data snapshots as published, every cell as its text, indexed by (snapshot, line).

    ``line`` is the file's own line (a WDI bulk CSV's header is on line 5, after its preamble) or,
    for an Excel download, the spreadsheet row. Files of different layouts share one frame: the
    columns are the union of their headers, in order of appearance.
    """
    import pandas as pd

    frames = []
    rows = snapshot_manifest(snap_dir)
    for name in files:
        data = snapshot_bytes(snap_dir, name, rows)  # verified: load_raw never returns an edited value
        if name.endswith(".xls"):
            sheet = pd.read_excel(io.BytesIO(data), sheet_name="Data", header=None, engine="calamine", dtype=str)
            head = int((sheet.iloc[:, 0] == "Country Name").to_numpy().argmax())
            df = sheet.iloc[head + 1 :].set_axis([str(c) for c in sheet.iloc[head]], axis=1)
            first = head + 2  # the spreadsheet row of the first data row
        else:
            text = data.decode("utf-8-sig")
            skip = 4 if text.startswith('"Data Source"') else 0  # the WDI bulk CSV preamble
            df = pd.read_csv(io.StringIO(text), skiprows=skip, dtype=str, keep_default_na=False, na_values=[""])
            df = df.drop(columns=[c for c in df.columns if c.startswith("Unnamed:") and df[c].isna().all()])
            first = skip + 2
        index = pd.MultiIndex.from_arrays([[name] * len(df), range(first, first + len(df))], names=["snapshot", "line"])
        frames.append(df.set_axis(index, axis=0))
    return pd.concat(frames)
