"""Reading ``data/raw/corrections.yaml`` and applying it to the processed tables.

One record is one correction with its reason and evidence; it names the rows it
changes (each by a key matching exactly one row, with the printed and the used
value). ``kzict.corrections()`` has one row per correction: ``key``, ``printed``
and ``used`` list the changed rows in the same order, separated by ``ROW_SEP``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzict.errors import RawDataError

FIELDS = ("id", "dataset", "field", "rows", "reason", "evidence")
ROW_FIELDS = ("key", "printed", "used")
COLUMNS = ["correction_id", "dataset", "key", "field", "printed", "used", "reason", "evidence"]
ROW_SEP, PAIR_SEP = " | ", "; "  # between the changed rows; between a key's column=value pairs
SCALAR = (str, int, float)


def load(path: Path, datasets: set[str] | None = None) -> list[dict]:
    """The records of ``path``, each checked; ``datasets`` are the names a record may use (default: the registry)."""
    from kzict.readers import yamlfile  # here: `kzict validate` reads COLUMNS without PyYAML

    if datasets is None:
        from kzict.tables import registry

        datasets = set(registry())
    doc = yamlfile.require(path, yamlfile.load(path), dict, "the document")
    records = yamlfile.require(path, doc.get("corrections"), list, "corrections")
    seen: set[str] = set()
    for i, rec in enumerate(records, start=1):
        where = f"correction #{i}"
        if not isinstance(rec, dict) or set(rec) != set(FIELDS):
            raise RawDataError(
                path,
                f"{where}: expected exactly the fields {list(FIELDS)}",
                found=sorted(rec) if isinstance(rec, dict) else rec,
            )
        cid = yamlfile.require(path, rec["id"], str, f"{where}: id")
        where = f"correction {cid!r}"
        if cid in seen:
            raise RawDataError(path, f"{where}: duplicate id", found=cid)
        seen.add(cid)
        if rec["dataset"] not in datasets:
            raise RawDataError(path, f"{where}: no dataset {rec['dataset']!r}", found=sorted(datasets))
        yamlfile.require(path, rec["field"], str, f"{where}: field")
        for f in ("reason", "evidence"):
            if not str(yamlfile.require(path, rec[f], str, f"{where}: {f}")).strip():
                raise RawDataError(path, f"{where}: {f} must not be empty")
            # Prose may run over lines in YAML: its line breaks are folded, as the summary folds them.
            yamlfile.plain_text(path, " ".join(rec[f].split()), f"{where}: {f}")
        for f in ("id", "field"):
            yamlfile.plain_text(path, rec[f], f"{where}: {f}")
        rows = yamlfile.require(path, rec["rows"], list, f"{where}: rows")
        if not rows:
            raise RawDataError(path, f"{where}: rows must name at least one row")
        for j, row in enumerate(rows, start=1):
            _check_row(path, f"{where}, row {j}", row)
    return records


def _check_row(path: Path, where: str, row) -> None:
    from kzict.readers import yamlfile

    if not isinstance(row, dict) or set(row) != set(ROW_FIELDS):
        raise RawDataError(path, f"{where}: expected exactly the fields {list(ROW_FIELDS)}", found=row)
    key = yamlfile.require(path, row["key"], dict, f"{where}: key")
    if not key:
        raise RawDataError(path, f"{where}: key must map columns to values")
    values = {**{f"key {k}": v for k, v in key.items()}, "printed": row["printed"], "used": row["used"]}
    for name, value in values.items():
        yamlfile.require(path, value, SCALAR, f"{where}: {name}")
        yamlfile.finite(path, value, f"{where}: {name}")
        yamlfile.plain_text(path, value, f"{where}: {name}")
        if ROW_SEP.strip() in str(value) or PAIR_SEP.strip() in str(value):
            raise RawDataError(path, f"{where}: {name} may not contain '|' or ';'", found=value)


def _same(a, b) -> bool:
    if pd.isna(a) and b is None:
        return True
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return str(a) == str(b)


def apply(path: Path, records: list[dict], tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Apply every record to the tables it names, in place; return the corrections, one row each.

    Records of datasets not in ``tables`` (a partial build) are left out.
    """
    done = []
    for rec in records:
        cid, df = rec["id"], tables.get(rec["dataset"])
        if df is None:
            continue
        for j, row in enumerate(rec["rows"], start=1):
            where = f"correction {cid!r}, row {j}"
            for col in [*row["key"], rec["field"]]:
                if col not in df.columns:
                    raise RawDataError(path, f"{where}: dataset {rec['dataset']!r} has no column {col!r}")
            mask = pd.Series(True, index=df.index)
            for col, value in row["key"].items():
                mask &= df[col].map(lambda v, value=value: _same(v, value))
            if mask.sum() != 1:
                raise RawDataError(path, f"{where}: key {row['key']} must match exactly one row", found=int(mask.sum()))
            current = df.loc[mask, rec["field"]].iloc[0]
            if not _same(current, row["printed"]):
                raise RawDataError(
                    path,
                    f"{where}: the source now reads {current!r}, not the recorded printed value; review the correction",
                    found=row["printed"],
                )
            df.loc[mask, rec["field"]] = row["used"]
        done.append(rec)
    return pd.DataFrame([_summary(r) for r in done], columns=COLUMNS)


def _summary(rec: dict) -> dict:
    rows = rec["rows"]
    return {
        "correction_id": rec["id"],
        "dataset": rec["dataset"],
        "key": ROW_SEP.join(PAIR_SEP.join(f"{k}={v}" for k, v in r["key"].items()) for r in rows),
        "field": rec["field"],
        "printed": ROW_SEP.join(str(r["printed"]) for r in rows),
        "used": ROW_SEP.join(str(r["used"]) for r in rows),
        "reason": " ".join(str(rec["reason"]).split()),
        "evidence": " ".join(str(rec["evidence"]).split()),
    }


def changes(fix) -> list[tuple[dict[str, str], str, str]]:
    """The rows one correction (a row of ``kzict.corrections()``) changes: (key, printed, used) each."""
    keys, printed, used = (str(v).split(ROW_SEP) for v in (fix.key, fix.printed, fix.used))
    return [(dict(p.split("=", 1) for p in k.split(PAIR_SEP)), a, b) for k, a, b in zip(keys, printed, used)]
