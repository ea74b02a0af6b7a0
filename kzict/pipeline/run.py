"""The runner: raw workbooks -> validated clean tables, written all at once or not at all.

Every dataset the registry discovers is loaded from its raw sheet (or read from
its public data snapshots, each checked against the snapshot manifest), processed,
corrected and validated in memory (derived tables after their inputs); then
kzict.pipeline.publish writes the clean folder to a staging sibling, reads it back
and swaps it in. A failure anywhere leaves the last good ``data/clean/`` byte for
byte as it was.
The runner knows no dataset by name.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzict import _paths
from kzict.pipeline import corrections as corr
from kzict.pipeline.lock import locked
from kzict.pipeline.publish import check_target, publish, raw_inputs
from kzict.pipeline.validate import check_foreign_keys, check_keys, validate, validate_derived
from kzict.readers.parse import Workbooks
from kzict.tables import Dataset, registry

RAW_DIR = Path(str(_paths.data_dir("raw")))
SNAPSHOTS = "snapshots"
CLEAN_DIR = Path(str(_paths.data_dir("clean")))
CORRECTIONS = "corrections.yaml"


def _selected(only: list[str] | None) -> dict[str, Dataset]:
    """``only`` and what it needs: the sources table (for the foreign keys) and any derived table's inputs."""
    datasets = registry()
    if only is None:
        return datasets
    keep = {*only, "sources"}
    return {n: d for n, d in datasets.items() if n in keep or (d.inputs and set(d.inputs) <= keep)}


def process(raw_dir: Path = RAW_DIR, only: list[str] | None = None) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Load every raw sheet, process it, apply the corrections, validate; nothing is written.

    ``only`` limits the run to some datasets (with ``sources`` for the foreign keys): the same code
    path, for tests that break one table at a time.
    """
    datasets = _selected(only)
    base = [d for d in datasets.values() if d.raw is not None]
    snapped = [d for d in datasets.values() if d.snapshots is not None]
    tables = {}
    with Workbooks(raw_dir) as books:
        for d in base:
            assert d.raw is not None
            tables[d.name] = d.process(books.sheet(d.raw.workbook, d.raw.sheet, d.raw.raw_headers))
            check_keys(d, tables[d.name], raw_dir)
        for d in snapped:  # the readers verify each file's sha256 before reading it
            tables[d.name] = d.process(raw_dir / SNAPSHOTS)
        path = raw_dir / CORRECTIONS
        records = [r for r in corr.load(path) if r["dataset"] in tables]
        corrections = corr.apply(path, records, tables)
        tables = {d.name: validate(d, tables[d.name], raw_dir) for d in base} | {
            d.name: validate_derived(d, tables[d.name], raw_dir / SNAPSHOTS) for d in snapped
        }
        pending = [d for d in datasets.values() if d.raw is None and d.snapshots is None]
        while pending:  # derived tables, each once its inputs are validated
            ready = [d for d in pending if all(i in tables for i in d.inputs)]
            if not ready:
                raise ValueError(f"derived datasets with inputs that are never built: {[d.name for d in pending]}")
            for d in ready:
                rules = books.sheet(d.rules.workbook, d.rules.sheet, d.rules.raw_headers) if d.rules else None
                where = raw_dir / (d.rules.workbook if d.rules else "")
                tables[d.name] = validate_derived(d, d.process(tables, rules), where)
                pending.remove(d)
    check_foreign_keys(datasets, tables, raw_dir)
    return {n: tables[n] for n in datasets}, corrections


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


__all__ = ["CLEAN_DIR", "RAW_DIR", "build", "process"]
