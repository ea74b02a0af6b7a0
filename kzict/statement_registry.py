"""The registry of public statements (``data/raw/statements.yaml``): each record checked against the tables.

A record is who said what (``id``, ``quote``, ``quote_en``, ``speaker``, ``date``, ``url``) and what it
claims in data terms (``kind``, ``dataset``, ``indicator``, ``economy``, ``year``, ``base_year``,
``value`` as printed, ``scale``, ``among``, ``definition``, ...). :func:`check` refuses a record that
names an unknown kind, dataset, indicator or economy, lacks a key its kind needs, or prints no number,
with an error naming the record. A record that names no dataset gives ``series`` instead: the public
series that would check it, which kzict does not hold.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pandas as pd

from kzict.statement_kinds import KINDS
from kzict.statement_series import SHAPES, economies

DEFINITIONS = ("same", "narrower", "broader", "different")
REQUIRED = ("id", "quote", "speaker", "date", "url", "kind", "economy", "year", "value")
OPTIONAL: tuple[str, ...] = ("quote_en", "dataset", "indicator", "base_year", "scale", "among", "note", "definition")
OPTIONAL += ("topic", "series", "population")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
_ISO3 = re.compile(r"[A-Z]{3}")
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_TOPICS = {"egov_index": "e-government", "nri_index": "ICT readiness", "doing_business_rank": "business climate"}
_WDI_TOPICS = {"IT.NET.USER": "internet", "IT.NET.BBND": "broadband", "IT.CEL": "mobile", "IT.MLT": "fixed lines"}


def _topic(r: dict) -> str:
    if r.get("dataset") == "wdi_indicators":
        hit = [t for p, t in _WDI_TOPICS.items() if str(r["indicator"]).startswith(p)]
        return hit[0] if hit else "trade" if str(r["indicator"])[:2] in ("BX", "BM", "TX", "TM") else "indicators"
    return _TOPICS.get(r.get("dataset") or "", "other")


def _year(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1900 <= value <= 2100:
        raise ValueError(f"{what}: expected a year such as 2021, found {value!r}")
    return value


def _text(r: dict, key: str, required: bool = True) -> str | None:
    v = r.get(key)
    if v is None and not required:
        return None
    if not isinstance(v, str) or not v.strip():
        raise ValueError(f"{key}: expected text, found {v!r}")
    return v.strip()


def _record(r: Any, tables: dict[str, pd.DataFrame], known: set[str]) -> dict:
    """One record, validated against the tables it names; a ValueError says what is wrong."""
    if not isinstance(r, dict):
        raise ValueError(f"expected a mapping, found {type(r).__name__}")
    missing = [k for k in REQUIRED if r.get(k) in (None, "")]
    if missing:
        raise ValueError(f"lacks {missing}")
    extra = sorted(set(r) - set(REQUIRED) - set(OPTIONAL))
    if extra:
        raise ValueError(f"unknown keys {extra}; a record has {list(REQUIRED + OPTIONAL)}")
    out = {k: r.get(k) for k in REQUIRED + OPTIONAL}
    if not isinstance(r["id"], str) or not _ID.fullmatch(r["id"]):
        raise ValueError(f"id: expected letters, digits, '_', '.' or '-', found {r['id']!r}")
    for k in ("quote", "speaker", "url"):
        out[k] = _text(r, k)
    for k in ("quote_en", "note", "series", "topic"):
        out[k] = _text(r, k, required=False)
    date = r["date"].isoformat() if isinstance(r["date"], dt.date) else str(r["date"])
    if not _DATE.fullmatch(date):
        raise ValueError(f"date: expected YYYY-MM-DD, YYYY-MM or YYYY, found {r['date']!r}")
    out["date"] = date
    if not re.match(r"https?://\S+$", str(out["url"])):
        raise ValueError(f"url: expected an http or https address, found {out['url']!r}")
    if r["kind"] not in KINDS:
        raise ValueError(f"unknown kind {r['kind']!r}; known: {sorted(KINDS)}")
    if not isinstance(r["value"], str):
        raise ValueError(f"value: expected the number as printed, quoted ('90.9'), found {r['value']!r}")
    if not re.fullmatch(r"[+-]?\d+(\.\d+)?", r["value"]):
        raise ValueError(f"value: expected a number such as '90.9' (digits, '.' for decimals), found {r['value']!r}")
    years = r["year"] if isinstance(r["year"], list) else [r["year"]]
    out["year"] = [_year(y, "year") for y in years] or _year(None, "year")
    out["definition"] = r.get("definition") or "same"
    if out["definition"] not in DEFINITIONS:
        raise ValueError(f"definition: expected one of {list(DEFINITIONS)}, found {out['definition']!r}")
    scale = r.get("scale", 1)
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not 0 < scale < 1e15:
        raise ValueError(f"scale: expected a positive number, found {scale!r}")
    out["scale"] = float(scale)
    needs = KINDS[r["kind"]][1]
    for k in needs:
        if r.get(k) is None:
            raise ValueError(f"kind {r['kind']!r} needs {k!r}")
    if "base_year" in needs:
        out["base_year"] = _year(r["base_year"], "base_year")
    if not _ISO3.fullmatch(str(r["economy"])):
        raise ValueError(f"economy: expected an ISO3 code such as 'KAZ', found {r['economy']!r}")
    dataset = r.get("dataset")
    if dataset is None:
        if out["series"] is None:
            raise ValueError("names no dataset: give `series` (the public series that would check it)")
        return out | {"topic": out["topic"] or "other"}
    if dataset not in SHAPES or dataset not in tables:
        raise ValueError(f"unknown dataset {dataset!r}; known: {sorted(SHAPES)}")
    shape = SHAPES[dataset]
    held = shape.indicators(tables[dataset])
    codes = [r.get("indicator")] + _population_codes(r)
    for code in codes:
        if code not in held:
            raise ValueError(f"unknown indicator {code!r} of {dataset}; it holds {sorted(held)[:12]}")
    among = r.get("among") or []
    if "among" in needs and (not isinstance(among, list) or not among):
        raise ValueError("among: expected a list of ISO3 codes")
    for e in [r["economy"], *among]:
        if e not in known:
            raise ValueError(f"unknown economy {e!r}: no kzict table holds it")
    return out | {"topic": out["topic"] or _topic(out)}


def _population_codes(r: dict) -> list:
    pop = r.get("population")
    if pop is None:
        return []
    if isinstance(pop, str):
        return [pop]
    if isinstance(pop, dict) and set(pop) == {"count", "per_100"}:
        return [pop["count"], pop["per_100"]]
    raise ValueError(f"population: expected an indicator code or {{count: CODE, per_100: CODE}}, found {pop!r}")


def check(doc: Any, tables: dict[str, pd.DataFrame]) -> list[dict]:
    """The registry's records, validated; a ValueError names the record and what is wrong with it."""
    if not isinstance(doc, list):
        raise ValueError("expected a list of statements at the top level")
    known, seen, out = economies(tables), set(), []
    for i, r in enumerate(doc, start=1):
        name = f"statement {r.get('id')!r}" if isinstance(r, dict) and r.get("id") else f"statement #{i}"
        try:
            rec = _record(r, tables, known)
        except ValueError as exc:
            raise ValueError(f"{name}: {exc}") from None
        if rec["id"] in seen:
            raise ValueError(f"{name}: duplicate id")
        seen.add(rec["id"])
        out.append(rec)
    return out
