"""The build: raw workbooks -> validated clean tables, written all at once or not at all.

    python -m kzict.build [--raw DIR] [--out DIR]

Every step is processed and validated in memory, then the whole clean folder is
written to a temporary sibling and swapped in. A failure anywhere leaves the
last good ``data/clean/`` byte for byte as it was.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from kzict import _store
from kzict._meta import DATASETS
from kzict.build import corrections as corr
from kzict.build.derived import DERIVED, LINKS
from kzict.build.rawbook import Workbooks
from kzict.build.steps import STEPS
from kzict.errors import RawDataError

REPO = Path(__file__).resolve().parents[2]
RAW_DIR = REPO / "data" / "raw"
CLEAN_DIR = REPO / "data" / "clean"
CORRECTIONS = "corrections.yaml"
FLOAT_FORMAT = "%.10g"


def process(raw_dir: Path = RAW_DIR, only: list[str] | None = None) -> tuple[dict[str, pd.DataFrame], pd.DataFrame]:
    """Load every raw sheet, process it, apply the corrections, validate; nothing is written.

    ``only`` limits the run to some datasets (with ``sources`` for the foreign keys): the same code
    path, for tests that break one table at a time.
    """
    names = [n for n in STEPS if only is None or n in only or n == "sources"]
    tables = {}
    with Workbooks(raw_dir) as books:
        for name in names:
            step = STEPS[name]
            tables[name] = step.process(books.sheet(step.workbook, step.sheet, step.raw_headers))
            check_keys(name, tables[name], raw_dir)
        path = raw_dir / CORRECTIONS
        records = [r for r in corr.load(path) if r["dataset"] in tables]
        corrections = corr.apply(path, records, tables)
        tables = {name: validate(name, df, raw_dir) for name, df in tables.items()}
        derived = [d for d in DERIVED.values() if all(i in tables for i in d.inputs)]
        links = books.sheet(*LINKS) if derived else None
        for d in derived:  # built from validated tables, then validated in turn
            tables[d.name] = validate_derived(d.name, d.build(tables, links), raw_dir / LINKS[0])
    check_foreign_keys(tables, raw_dir)
    return tables, corrections


def validate_derived(name: str, df: pd.DataFrame, path: Path) -> pd.DataFrame:
    """A derived table has no raw cells of its own: a failure names the dataset, row and column."""
    import pandera.errors as pe

    from kzict.schemas import MODELS

    model = MODELS[name]
    try:
        out = model.schema.validate(df, lazy=True)
    except pe.SchemaErrors as exc:
        fc = exc.failure_cases.iloc[0]
        raise RawDataError(
            path,
            f"derived dataset {name!r}, row {fc['index']}, column {fc['column']!r}: "
            f"expected a value that passes {fc['check']!r}",
            found=fc["failure_case"],
        ) from None
    return _in_order(model, out)


def validate(name: str, df: pd.DataFrame, raw_dir: Path) -> pd.DataFrame:
    """Validate against the schema; a failure names the raw cell it came from."""
    import pandera.errors as pe

    from kzict.schemas import MODELS

    model, step = MODELS[name], STEPS[name]
    try:
        out = model.schema.validate(df, lazy=True)
    except pe.SchemaErrors as exc:
        fc = exc.failure_cases.iloc[0]
        found = fc["failure_case"]
        column = fc["column"] if isinstance(fc["column"], str) and fc["column"] in df.columns else None
        check = str(fc["check"])
        if "__" in check:  # a dataframe-level check names the column it is about (see kzict.schemas)
            column = check.rsplit("__", 1)[1]
        elif column is None and "unique" in check:
            column = model.key[0]  # a duplicate key: point at the first key column of the repeated row
        header = step.raw_header(column) if column else None
        row = fc["index"]
        cell = f"{_letter(step, header)}{int(row)}" if header and pd.notna(row) else None
        where = f"row {int(row)}: " if pd.notna(row) and not cell else ""
        raise RawDataError(
            raw_dir / step.workbook,
            f"{where}expected a value that passes {name}'s check "
            f"{fc['check']!r}" + (f" on column {column!r}" if column else ""),
            sheet=step.sheet,
            cell=cell,
            column=header,
            found=_found(df, row, column, found),
        ) from None
    return _in_order(model, out)


def _in_order(model, df: pd.DataFrame) -> pd.DataFrame:
    """The schema's column order and the model's row order, so that every build writes the same bytes."""
    out = df[list(model.schema.to_schema().columns)]
    if model.sort_by:
        out = out.sort_values(list(model.sort_by), kind="stable")
    return out.reset_index(drop=True)


def _found(df: pd.DataFrame, row, column, reported):
    """The offending value: the cell's own value when the failure is a row of a dataframe-level check."""
    if column is not None and pd.notna(row) and row in df.index:
        value = df.loc[row, column]
        return None if pd.isna(value) else value
    return None if pd.isna(reported) else reported


def check_keys(name: str, df: pd.DataFrame, raw_dir: Path) -> None:
    """Refuse a repeated key before corrections are matched against it."""
    from kzict.schemas import MODELS

    key = [k for k in MODELS[name].key if k in df.columns]
    dup = df.duplicated(key, keep="first")
    if dup.any():
        step, row = STEPS[name], int(df.index[dup][0])
        header = step.raw_header(key[0])
        raise RawDataError(
            raw_dir / step.workbook,
            f"row {row} repeats the key {dict(df.loc[row, key])} of an "
            f"earlier row; expected one row per {', '.join(key)}",
            sheet=step.sheet,
            cell=f"{_letter(step, header)}{row}" if header else None,
            column=header,
        )


def _letter(step, header: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(step.raw_headers.index(header) + 1)


def check_foreign_keys(tables: dict[str, pd.DataFrame], raw_dir: Path) -> None:
    ids = set(tables["sources"]["source_id"])
    for name, df in tables.items():
        for column in ("source_id", "via"):
            if column not in df.columns:
                continue
            missing = df[column].notna() & ~df[column].isin(ids)
            if missing.any():
                workbook, sheet = (STEPS[name].workbook, STEPS[name].sheet) if name in STEPS else LINKS[:2]
                raise RawDataError(
                    raw_dir / workbook,
                    f"dataset {name!r}: {column} is not a source_id of the sources table",
                    sheet=sheet,
                    column=column,
                    found=df.loc[missing, column].iloc[0],
                )


def write(tables: dict[str, pd.DataFrame], corrections: pd.DataFrame, out_dir: Path) -> None:
    """Write the clean folder: CSVs, the descriptor, the checksum manifest."""
    from kzict.build.descriptor import descriptor

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
    return sorted(DATASETS)
