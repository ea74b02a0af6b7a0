"""The runner: raw workbooks -> validated clean tables, written all at once or not at all.

Every dataset the registry discovers is loaded from its raw sheet (or read from
its public data snapshots, each checked against the snapshot manifest),
processed, corrected and validated in memory (derived tables after their inputs); then
the whole clean folder is written to a temporary sibling and swapped in. A
failure anywhere leaves the last good ``data/clean/`` byte for byte as it was.
The runner knows no dataset by name.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from kzict import _paths, _store
from kzict.datasets import Dataset, registry
from kzict.pipeline import corrections as corr
from kzict.pipeline.parse import Workbooks
from kzict.pipeline.validate import check_foreign_keys, check_keys, validate, validate_derived

RAW_DIR = Path(str(_paths.data_dir("raw")))
SNAPSHOTS = "snapshots"
CLEAN_DIR = Path(str(_paths.data_dir("clean")))
CORRECTIONS = "corrections.yaml"
FLOAT_FORMAT = "%.10g"


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


def write(tables: dict[str, pd.DataFrame], corrections: pd.DataFrame, out_dir: Path) -> None:
    """Write the clean folder: CSVs, the descriptor, the checksum manifest."""
    from kzict.pipeline.descriptor import descriptor

    out_dir.mkdir(parents=True, exist_ok=True)
    files = {f"{name}.csv": df for name, df in tables.items()}
    files["corrections.csv"] = corrections
    for fname, df in files.items():
        df.to_csv(out_dir / fname, index=False, lineterminator="\n", float_format=FLOAT_FORMAT)
    text = json.dumps(descriptor(tables, corrections), indent=2, ensure_ascii=False) + "\n"
    (out_dir / _store.DESCRIPTOR).write_text(text, encoding="utf-8", newline="\n")
    lines = [f"{sha256(out_dir / f)}  {f}\n" for f in sorted([*files, _store.DESCRIPTOR])]
    (out_dir / _store.MANIFEST).write_text("".join(lines), encoding="utf-8", newline="\n")


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def build(raw_dir: Path = RAW_DIR, out_dir: Path = CLEAN_DIR) -> list[str]:
    """Build ``out_dir`` from ``raw_dir``; on any error ``out_dir`` is left untouched."""
    tables, corrections = process(raw_dir)
    out_dir = Path(out_dir)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".clean-", dir=out_dir.parent))
    try:
        write(tables, corrections, staging)
        old = None
        if out_dir.exists():
            old = out_dir.with_name(staging.name + "-old")
            os.rename(out_dir, old)
        os.rename(staging, out_dir)
        if old is not None:
            shutil.rmtree(old)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return list(tables)
