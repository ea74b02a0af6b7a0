"""Reading ``data/raw/corrections.yaml`` and applying it to the processed tables."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from kzict.errors import RawDataError

FIELDS = ("id", "dataset", "key", "field", "printed", "used", "reason", "evidence")
COLUMNS = ["correction_id", "dataset", "key", "field", "printed", "used", "reason", "evidence"]


def load(path: Path) -> list[dict]:
    import yaml

    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise RawDataError(path, f"cannot be read as YAML ({exc})") from None
    records = (doc or {}).get("corrections")
    if not isinstance(records, list):
        raise RawDataError(path, "expected a top-level 'corrections:' list")
    seen = set()
    for i, rec in enumerate(records, start=1):
        where = f"correction #{i}"
        if not isinstance(rec, dict) or set(rec) != set(FIELDS):
            raise RawDataError(
                path,
                f"{where}: expected exactly the fields {list(FIELDS)}",
                found=sorted(rec) if isinstance(rec, dict) else rec,
            )
        if rec["id"] in seen:
            raise RawDataError(path, f"{where}: duplicate id", found=rec["id"])
        seen.add(rec["id"])
        if not isinstance(rec["key"], dict) or not rec["key"]:
            raise RawDataError(path, f"correction {rec['id']!r}: key must map columns to values", found=rec["key"])
        for f in ("reason", "evidence"):
            if not str(rec[f] or "").strip():
                raise RawDataError(path, f"correction {rec['id']!r}: {f} must not be empty")
    return records


def _same(a, b) -> bool:
    if pd.isna(a) and b is None:
        return True
    try:
        return float(a) == float(b)
    except (TypeError, ValueError):
        return str(a) == str(b)


def apply(path: Path, records: list[dict], tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Apply every record in place; return the corrections as a table."""
    for rec in records:
        cid = rec["id"]
        df = tables.get(rec["dataset"])
        if df is None:
            raise RawDataError(path, f"correction {cid!r}: no dataset {rec['dataset']!r}")
        for col in [*rec["key"], rec["field"]]:
            if col not in df.columns:
                raise RawDataError(path, f"correction {cid!r}: dataset {rec['dataset']!r} has no column {col!r}")
        mask = pd.Series(True, index=df.index)
        for col, value in rec["key"].items():
            mask &= df[col].map(lambda v, value=value: _same(v, value))
        if mask.sum() != 1:
            raise RawDataError(
                path, f"correction {cid!r}: key {rec['key']} must match exactly one row", found=int(mask.sum())
            )
        current = df.loc[mask, rec["field"]].iloc[0]
        if not _same(current, rec["printed"]):
            raise RawDataError(
                path,
                f"correction {cid!r}: the source now reads {current!r}, not the recorded "
                f"printed value; review the correction",
                found=rec["printed"],
            )
        df.loc[mask, rec["field"]] = rec["used"]
    return pd.DataFrame(
        [
            {
                "correction_id": r["id"],
                "dataset": r["dataset"],
                "key": "; ".join(f"{k}={v}" for k, v in r["key"].items()),
                "field": r["field"],
                "printed": str(r["printed"]),
                "used": str(r["used"]),
                "reason": " ".join(str(r["reason"]).split()),
                "evidence": " ".join(str(r["evidence"]).split()),
            }
            for r in records
        ],
        columns=COLUMNS,
    )
