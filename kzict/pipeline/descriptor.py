"""``datapackage.json``: a Frictionless Data Package descriptor made from the pandera models.

It is also kzict's run-time catalogue: the loaders read dtypes, units and
descriptions from it, so that loading needs neither pandera nor the build.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from kzict.tables import registry

LICENSE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
# Licence of a resource, by its Config.metadata "licence" (thesis-derived tables: the package's).
LICENCES = {
    "CC-BY-4.0": LICENSE,
    "world-bank-cc-by-4.0": {
        **LICENSE,
        "title": "Creative Commons Attribution 4.0 (World Bank terms of use for datasets)",
    },
    "un-desa-attribution": {
        "name": "UN-DESA-attribution",
        "path": "https://publicadministration.un.org/egovkb/en-us/Data-Center",
        "title": "UN DESA E-Government Knowledge Base data: free use with attribution to UN DESA",
    },
    "wef-facts": {
        "name": "facts-with-attribution",
        "path": "https://reports.weforum.org/global-information-technology-report-2016/",
        "title": "Facts with attribution to the World Economic Forum (the WEF workbook is not redistributed)",
    },
}
_TYPES = {
    "int64": "integer",
    "Int64": "integer",
    "float64": "number",
    "str": "string",
    "string[python]": "string",
    "bool": "boolean",
    "category": "string",
}
_CONSTRAINTS = {  # pandera check name -> (Frictionless constraint, statistic)
    "greater_than_or_equal_to": ("minimum", "min_value"),
    "less_than_or_equal_to": ("maximum", "max_value"),
    "greater_than": ("exclusiveMinimum", "min_value"),
    "less_than": ("exclusiveMaximum", "max_value"),
    "isin": ("enum", "allowed_values"),
    "str_matches": ("pattern", "pattern"),
}


def _whole_match(pattern: str) -> str:
    """pandera matches a pattern at the start of the text; Table Schema matches the whole text, unanchored."""
    body = pattern.removeprefix("^")
    return body[:-1] if body.endswith("$") else body + ".*"


def field(name: str, column) -> dict:
    dtype = str(column.dtype)
    kind = _TYPES[dtype]
    # pandas' own name for the dtype, so that read_csv gives what pandera's coercion gives
    out = {
        "name": name,
        "type": kind,
        "description": column.description,
        "kzict:unit": (column.metadata or {}).get("unit"),
        "kzict:dtype": "str" if kind == "string" and dtype != "category" else dtype,
    }
    if dtype == "category":  # the ordered levels travel with the field, so the loader can rebuild them
        out["kzict:categories"] = list(column.dtype.type.categories)
        out["kzict:ordered"] = bool(column.dtype.type.ordered)
    constraints: dict[str, Any] = {} if column.nullable else {"required": True}
    if column.unique:
        constraints["unique"] = True
    for check in column.checks:
        if check.name in _CONSTRAINTS:
            key, stat = _CONSTRAINTS[check.name]
            value = check.statistics[stat]
            constraints[key] = sorted(value) if key == "enum" else _whole_match(value) if key == "pattern" else value
        elif check.name == "str_startswith":
            constraints["pattern"] = re.escape(check.statistics["string"]) + ".*"
        elif check.name == "str_length":
            if check.statistics.get("min_value") is not None:
                constraints["minLength"] = check.statistics["min_value"]
    if constraints:
        out["constraints"] = constraints
    return out


def version() -> str:
    """The installed distribution's version: the pipeline never imports the public package for it."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _version

    try:
        return _version("kzict")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def resource(name: str, df: pd.DataFrame) -> dict:
    ds = registry()[name]
    schema = ds.schema
    fields = [field(n, c) for n, c in schema.columns.items()]
    target = "" if name == "sources" else "sources"  # "" is Frictionless for "this resource"
    foreign = [
        {"fields": n, "reference": {"resource": target, "fields": "source_id"}}
        for n, c in schema.columns.items()
        if (c.metadata or {}).get("foreign_key") == "sources.source_id"
    ]
    return {
        "name": name,
        "type": "table",
        "path": f"{name}.csv",
        "title": ds.config.title,
        "description": ds.config.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": fields, "primaryKey": list(ds.key), "foreignKeys": foreign, "missingValues": [""]},
        "kzict:locator": ds.meta["locator"],
        "kzict:printed_in": ds.printed_in,
        "kzict:note": ds.meta.get("note", ""),
        "kzict:sources": sorted(set(df["source_id"].dropna().unique().tolist()))
        if "source_id" in df.columns and name != "sources"
        else [],
        "licenses": [LICENCES[ds.meta.get("licence", "CC-BY-4.0")]],
        **_inputs(ds, df),
        "kzict:rows": len(df),
        "kzict:content": content(df, fields),
    }


# What `kzict search` finds in a table besides its metadata: the distinct values of its naming columns
# (economies, ISO3 codes, indicator codes and names, units, editions, categories). Provenance columns and
# long free text are left out, so the descriptor stays small and the search fast.
CONTENT_SKIP = ("source_id", "locator", "note", "snapshot", "withdrawn_by", "revision")  # provenance, not content
CONTENT_MAX_VALUES = 300
CONTENT_MAX_CHARS = 80


def content(df: pd.DataFrame, fields: list[dict]) -> dict[str, list[str]]:
    """Column -> its distinct values, sorted, for the text columns and the editions and releases of ``df``."""
    out = {}
    for f in fields:
        name = f["name"]
        if name in CONTENT_SKIP or not (f["type"] == "string" or "edition" in name or name == "release"):
            continue
        values = sorted({str(v) for v in df[name].dropna().unique()})
        if values and len(values) <= CONTENT_MAX_VALUES and all(len(v) <= CONTENT_MAX_CHARS for v in values):
            out[name] = values
    return out


def snapshot_files(df: pd.DataFrame) -> list[str]:
    """The snapshot files a table's rows come from: the file each locator names ('<file>, line 12')."""
    return sorted({loc.split(", ", 1)[0] for loc in df["locator"].unique().tolist()})


def _inputs(ds, df: pd.DataFrame) -> dict:
    """What the table is made from, so that the loaders can show the raw sheet without the pipeline."""
    if ds.raw is not None:
        raw = {"workbook": ds.raw.workbook, "sheet": ds.raw.sheet, "headers": ds.raw.raw_headers}
        return {"kzict:raw": raw}
    if ds.snapshots is not None:
        return {"kzict:raw": {"snapshots": snapshot_files(df)}}
    return {"kzict:derived_from": list(ds.inputs)}


def descriptor(tables: dict[str, pd.DataFrame], corrections: pd.DataFrame) -> dict:
    resources = [resource(name, tables[name]) for name in registry() if name in tables]
    resources.append(
        {
            "name": "corrections",
            "type": "table",
            "path": "corrections.csv",
            "title": "Corrections",
            "description": "Every departure of the clean data from the print.",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "licenses": [LICENSE],  # kzict's own records of where it departs from the print
            "schema": {
                "fields": [
                    {
                        "name": c,
                        "type": "string",
                        "kzict:unit": "text",
                        "kzict:dtype": "str",
                        "constraints": {"required": True},
                    }
                    for c in corrections.columns
                ],
                "primaryKey": ["correction_id"],
                "missingValues": [""],
            },
            "kzict:rows": len(corrections),
        }
    )
    return {
        "$schema": "https://datapackage.org/profiles/2.0/datapackage.json",  # v2: exclusiveMinimum
        "name": "kzict",
        "version": version(),
        "title": "kzict: statistics of Kazakhstan's ICT sector",
        "description": "Figures of Alibayev (2017) and related sources as clean, validated, sourced tables.",
        "licenses": [LICENSE],
        "sources": [{"title": "Alibayev (2017), MA thesis, Nazarbayev University", "path": "sources.csv"}],
        "resources": resources,
    }
