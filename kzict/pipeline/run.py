"""The runner: raw workbooks -> validated clean tables, written all at once or not at all.

Every dataset the registry discovers is processed from the inputs it declares (its
raw sheet, its public data snapshots, each checked here against the snapshot manifest,
and the clean tables it is made from), corrected and validated in memory, each after
the tables it needs; then
kzict.pipeline.publish writes the clean folder to a staging sibling, reads it back
and swaps it in. A failure anywhere leaves the last good ``data/clean/`` byte for
byte as it was.
The runner knows no dataset by name.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzict import _paths
from kzict.errors import RawDataError
from kzict.pipeline import corrections as corr
from kzict.pipeline.lock import locked
from kzict.pipeline.publish import check_target, publish, raw_inputs
from kzict.pipeline.validate import check_foreign_keys, check_keys, validate, validate_derived
from kzict.readers import snapshots
from kzict.readers.parse import Workbooks
from kzict.readers.snapshots import SnapshotFile
from kzict.tables import Dataset, registry

RAW_DIR = Path(str(_paths.data_dir("raw")))
SNAPSHOTS = "snapshots"
CLEAN_DIR = Path(str(_paths.data_dir("clean")))
CORRECTIONS = "corrections.yaml"


def _selected(only: list[str] | None) -> dict[str, Dataset]:
    """``only`` and what it needs: the sources table (for the foreign keys), every table it is made from,
    and any derived table whose inputs are all kept."""
    datasets = registry()
    if only is None:
        return datasets
    keep = {*only, "sources"}
    need = list(keep)
    while need:  # the clean tables the kept ones are made from, transitively
        for i in datasets[need.pop()].inputs:
            if i not in keep:
                keep.add(i)
                need.append(i)
    return {n: d for n, d in datasets.items() if n in keep or (d.derived and set(d.inputs) <= keep)}


def in_dependency_order(datasets: dict[str, Dataset]) -> list[Dataset]:
    """Catalogue order, each dataset after the clean tables it is made from."""
    done: list[Dataset] = []
    pending = list(datasets.values())
    while pending:
        ready = [d for d in pending if all(i in {x.name for x in done} for i in d.inputs)]
        if not ready:
            raise ValueError(f"datasets with inputs that are never built: {[d.name for d in pending]}")
        done.append(ready[0])
        pending.remove(ready[0])
    return done


def snapshot_files(ds: Dataset, snap_dir: Path) -> dict[str, SnapshotFile]:
    """The snapshot files ``ds`` declares, each verified (listed, size, sha256) before any is handed over."""
    assert ds.snapshots is not None
    names = ds.snapshots.files(snap_dir)
    if not names:
        raise RawDataError(
            snap_dir / snapshots.MANIFEST, f"dataset {ds.name!r}: no file matches {ds.snapshots.pattern!r}"
        )
    return {n: snapshots.verify(n, snap_dir) for n in names}


def process(raw_dir: Path = RAW_DIR, only: list[str] | None = None) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Load every input, process each dataset, apply the corrections, validate; nothing is written.

    Each dataset is processed after the clean tables it declares, with exactly its declared inputs:
    its raw sheet, its snapshot files (verified here, never by the dataset) and its validated input tables.
    ``only`` limits the run to some datasets (with what they need): the same code path, for tests that
    break one table at a time.
    """
    datasets = _selected(only)
    snap_dir = raw_dir / SNAPSHOTS
    path = raw_dir / CORRECTIONS
    records = corr.load(path)
    tables: dict[str, pd.DataFrame] = {}
    applied: list[pd.DataFrame] = []
    with Workbooks(raw_dir) as books:
        for d in in_dependency_order(datasets):
            sheet = d.raw.read(books) if d.raw else None
            files = snapshot_files(d, snap_dir) if d.snapshots else None
            rules = d.rules.read(books) if d.rules else None
            df = d.run(raw=sheet, files=files, tables={i: tables[i] for i in d.inputs}, rules=rules)
            if d.raw is not None:
                check_keys(d, df, raw_dir)
            if not d.derived:  # corrections fix what a source prints, so never a derived table
                applied.append(corr.apply(path, [r for r in records if r["dataset"] == d.name], {d.name: df}))
            if d.raw is not None:
                tables[d.name] = validate(d, df, raw_dir)
            else:
                where = snap_dir if d.snapshots else raw_dir / (d.rules.workbook if d.rules else "")
                tables[d.name] = validate_derived(d, df, where)
    check_foreign_keys(datasets, tables, raw_dir)
    ids = [r["id"] for r in records]  # the corrections in the order of the file
    applied = [c for c in applied if len(c)] or [corr.apply(path, [], {})]
    corrections = pd.concat(applied, ignore_index=True)
    corrections = corrections.sort_values("correction_id", key=lambda c: c.map(ids.index), kind="stable")
    return {n: tables[n] for n in datasets}, corrections.reset_index(drop=True)


def build(raw_dir: Path | None = None, out_dir: Path | None = None) -> list[str]:
    """Build ``out_dir`` from ``raw_dir``; on any error ``out_dir`` is left untouched."""
    raw = Path(RAW_DIR if raw_dir is None else raw_dir)
    out = Path(CLEAN_DIR if out_dir is None else out_dir)
    check_target(out, raw)  # before the work of processing
    with locked(raw, exclusive=False):  # no ingest changes the raw folder while it is read
        inputs = raw_inputs(raw)  # hashed before reading: the descriptor records what was read
        tables, corrections = process(raw)
        publish(tables, corrections, out, raw, inputs)
    return list(tables)


__all__ = ["CLEAN_DIR", "RAW_DIR", "build", "in_dependency_order", "process", "snapshot_files"]
