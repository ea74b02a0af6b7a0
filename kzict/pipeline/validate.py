"""Validation against the pandera models, with errors that name the raw cell a bad value came from."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pandas as pd

from kzict.errors import RawDataError
from kzict.tables import Dataset
from kzict.tables._fields import Raw


def validate(ds: Dataset, df: pd.DataFrame, raw_dir: Path) -> pd.DataFrame:
    """Validate a table read from a raw sheet; a failure names the cell it came from."""
    import pandera.errors as pe

    assert ds.raw is not None
    raw = ds.raw
    for column, row, problem in _beyond_schema(ds, df):
        header = raw.raw_header(column)
        raise RawDataError(
            raw_dir / raw.workbook,
            problem,
            sheet=raw.sheet,
            cell=f"{letter(raw, header)}{int(row)}" if header else None,
            column=header,
            found=df.loc[row, column],
        )
    try:
        out = ds.model.validate(df, lazy=True)
    except pe.SchemaErrors as exc:
        if exc.failure_cases.empty:  # pandera names no case: still one line naming the workbook
            raise RawDataError(raw_dir / raw.workbook, f"{ds.name}: {' '.join(str(exc).split())[:300]}") from None
        fc = exc.failure_cases.iloc[0]
        found = fc["failure_case"]
        column = fc["column"] if isinstance(fc["column"], str) and fc["column"] in df.columns else None
        check = str(fc["check"])
        if "__" in check:  # a dataframe-level check names the column it is about (see kzict.tables._fields)
            column = check.rsplit("__", 1)[1]
        elif column is None and "unique" in check:
            column = ds.key[0]  # a duplicate key: point at the first key column of the repeated row
        header = raw.raw_header(column) if column else None
        row = fc["index"]
        cell = f"{letter(raw, header)}{int(row)}" if header and pd.notna(row) else None
        where = f"row {int(row)}: " if pd.notna(row) and not cell else ""
        raise RawDataError(
            raw_dir / raw.workbook,
            f"{where}expected a value that passes {ds.name}'s check "
            f"{fc['check']!r}" + (f" on column {column!r}" if column else ""),
            sheet=raw.sheet,
            cell=cell,
            column=header,
            found=_found(df, row, column, found),
        ) from None
    return in_order(ds, out)


def validate_derived(ds: Dataset, df: pd.DataFrame, path: Path) -> pd.DataFrame:
    """A derived or snapshot table has no raw cells: a failure names the dataset, row, column and locator."""
    import pandera.errors as pe

    for column, row, problem in [*_public_text(ds, df), *_beyond_schema(ds, df)]:
        at = f" (at {df.loc[row, 'locator']})" if "locator" in df.columns and pd.notna(df.loc[row, "locator"]) else ""
        kind = "snapshot" if ds.snapshots is not None else "derived"
        raise RawDataError(
            path, f"{kind} dataset {ds.name!r}, row {row}, column {column!r}: {problem}{at}", found=df.loc[row, column]
        )
    try:
        out = ds.model.validate(df, lazy=True)
    except pe.SchemaErrors as exc:
        if exc.failure_cases.empty:
            raise RawDataError(path, f"dataset {ds.name!r}: {' '.join(str(exc).split())[:300]}") from None
        fc = exc.failure_cases.iloc[0]
        row = fc["index"]
        located = "locator" in df.columns and pd.notna(row) and row in df.index and pd.notna(df.loc[row, "locator"])
        kind = "snapshot" if ds.snapshots is not None else "derived"
        raise RawDataError(
            path,
            f"{kind} dataset {ds.name!r}, row {row}, column {fc['column']!r}: "
            f"expected a value that passes {fc['check']!r}" + (f" (at {df.loc[row, 'locator']})" if located else ""),
            found=fc["failure_case"],
        ) from None
    return in_order(ds, out)


_ID = r"[A-Za-z0-9][A-Za-z0-9_.-]*"
INF = float("inf")
# Unit -> the range its definition allows, for a unit named in the schema or in another column (first match wins).
# A percentage OF something is a share; a rate per 100 people is bounded at ten per person, beyond any economy's
# record (mobile subscriptions peak near 350); counts, amounts of money, ranks and durations are never negative.
PLAUSIBLE: list[tuple[str, tuple[float, float]]] = [
    (r"%( of .+| coverage)?", (0.0, 100.0)),
    (r"(.+ )?per 100 .+", (0.0, 1000.0)),
    (r"per (1 )?million .+", (0.0, INF)),
    (r"index \(?0-1\)?", (0.0, 1.0)),
    (r"score 1-7", (1.0, 7.0)),
    (r"rank", (1.0, INF)),
    (r"(current US\$|USD mn.*|KZT bn.*|USD bn.*)", (0.0, INF)),
    (r"(subscriptions|articles|applications|persons|employees|questions|minutes|years|countries|economies)", (0, INF)),
]


def plausible(unit: str) -> tuple[float, float] | None:
    """The range a value of ``unit`` must lie in, or None for a unit with no definitional bound (a growth rate)."""
    return next((rng for pattern, rng in PLAUSIBLE if re.fullmatch(pattern, unit)), None)


def _beyond_schema(ds: Dataset, df: pd.DataFrame):
    """(column, row, problem) for what every schema must refuse: a non-finite number, and a number outside
    the plausible range of the unit another column names for it (a share typed as 0.8594 for 85.94%)."""
    import numpy as np

    for column, col in ds.schema.columns.items():
        if column not in df.columns:
            continue
        if (col.metadata or {}).get("unit") == "id" and not pd.api.types.is_numeric_dtype(df[column].dtype):
            text = df[column].dropna().astype(str)
            # each distinct id once (a WDI table repeats a few dozen codes over thousands of rows)
            wrong = [t for t in text.unique().tolist() if not re.fullmatch(_ID, t)]
            if wrong:
                row = text.index[text.isin(wrong).to_numpy()][0]
                yield column, row, "expected an id of ASCII letters, digits, '_', '-' or '.'"
            continue
        if not pd.api.types.is_numeric_dtype(df[column].dtype):
            continue
        values = pd.to_numeric(df[column], errors="coerce").astype("float64")
        bad = np.isinf(values)
        for row in df.index[bad.to_numpy()][:1]:
            yield column, row, "expected a finite number (inf and nan are not data)"
        unit = (col.metadata or {}).get("unit", "")
        units = df[unit[5:-1]] if unit.startswith("see `") and unit[5:-1] in df.columns else None
        # A dataset may declare, per value of one of its columns, the range its definition allows instead
        # (Config.metadata["plausible"] = {column: {value: (lo, hi)}}): a BoP residual share can be negative.
        declared = [(c, v, r) for c, ranges in ds.meta.get("plausible", {}).items() for v, r in ranges.items()]
        declared = declared if units is not None else []
        exempt = pd.Series(False, index=df.index)
        for c, v, (lo, hi) in declared:
            rows = df[c] == v
            exempt |= rows
            for row in df.index[(rows & values.notna() & ~values.between(lo, hi)).to_numpy()][:1]:
                yield column, row, f"expected a value from {lo:g} to {hi:g} for {c} {v}"
        names = units.dropna().unique().tolist() if units is not None else [unit]
        ranges = {name: plausible(str(name)) for name in names}
        if not _outside(values, exempt, units, ranges).any():  # the usual case, in one pass over the rows
            continue
        for name in names:  # which unit and row: the first, in the order the table names its units
            rng = ranges[name]
            if rng is None:
                continue
            lo, hi = rng
            out = ~exempt & values.notna() & ~values.between(lo, hi) & (units == name if units is not None else True)
            for row in df.index[out.to_numpy()][:1]:
                yield column, row, f"expected a value from {lo:g} to {hi:g} for the unit {name!r}"


def _outside(values: pd.Series, exempt: pd.Series, units: pd.Series | None, ranges: dict) -> pd.Series:
    """Where a value lies outside its unit's plausible range (``ranges``: unit -> (lo, hi) or None), every row
    at once; rows ``exempt`` follow a range the dataset declares instead."""
    if units is None:
        rng = next(iter(ranges.values()), None)
        lo, hi = rng if rng is not None else (-INF, INF)
        return ~exempt & ((values < lo) | (values > hi))
    lo = units.map({n: r[0] for n, r in ranges.items() if r is not None}).astype("float64").fillna(-INF)
    hi = units.map({n: r[1] for n, r in ranges.items() if r is not None}).astype("float64").fillna(INF)
    return ~exempt & ((values < lo) | (values > hi))


def _public_text(ds: Dataset, df: pd.DataFrame):
    """(column, row, problem) for text read from public files that breaks the raw-cell rules
    (kzict.readers.guard.text_value): a control character or NUL, a leading = + - @ a spreadsheet would run."""
    from kzict.readers.guard import may_refuse, text_value

    if ds.snapshots is None:
        return
    for column in df.columns:
        if pd.api.types.is_numeric_dtype(df[column].dtype) or pd.api.types.is_bool_dtype(df[column].dtype):
            continue
        for text in may_refuse(df[column].dropna().astype(str).unique().tolist()):
            try:
                text_value(text)
            except ValueError as exc:
                yield column, df.index[(df[column].astype(str) == text).to_numpy()][0], str(exc)
                return


def in_order(ds: Dataset, df: pd.DataFrame) -> pd.DataFrame:
    """The schema's column order and the dataset's row order, so that every build writes the same bytes."""
    out = df[list(ds.schema.columns)]
    if ds.sort_by:
        out = out.sort_values(list(ds.sort_by), kind="stable")
    return out.reset_index(drop=True)


def _found(df: pd.DataFrame, row, column, reported) -> Any:
    """The offending value: the cell's own value when the failure is a row of a dataframe-level check."""
    if column is not None and pd.notna(row) and row in df.index:
        value = df.loc[row, column]
        return None if pd.isna(value) else value
    return None if pd.isna(reported) else reported


def check_keys(ds: Dataset, df: pd.DataFrame, raw_dir: Path) -> None:
    """Refuse a repeated key before corrections are matched against it."""
    assert ds.raw is not None
    key = [k for k in ds.key if k in df.columns]
    dup = df.duplicated(key, keep="first")
    if dup.any():
        row = int(df.index[dup][0])
        header = ds.raw.raw_header(key[0])
        raise RawDataError(
            raw_dir / ds.raw.workbook,
            f"row {row} repeats the key {dict(df.loc[row, key])} of an "
            f"earlier row; expected one row per {', '.join(key)}",
            sheet=ds.raw.sheet,
            cell=f"{letter(ds.raw, header)}{row}" if header else None,
            column=header,
        )


def letter(raw: Raw, header: str) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(raw.raw_headers.index(header) + 1)


def check_foreign_keys(datasets: dict[str, Dataset], tables: dict[str, pd.DataFrame], raw_dir: Path) -> None:
    ids = set(tables["sources"]["source_id"])
    for name, df in tables.items():
        for column in ("source_id", "via"):
            if column not in df.columns:
                continue
            missing = df[column].notna() & ~df[column].isin(ids)
            if missing.any():
                where = datasets[name].raw or datasets[name].rules
                raise RawDataError(
                    raw_dir / where.workbook if where else raw_dir,
                    f"dataset {name!r}: {column} is not a source_id of the sources table",
                    sheet=where.sheet if where else None,
                    column=column,
                    found=df.loc[missing, column].iloc[0],
                )
