"""One step per clean dataset: which raw sheet it reads and how it turns print into data.

Every step has the same three parts (after Our World in Data's etl): the
runner loads the sheet named here, the function below processes it, and the
runner validates and saves the result. The frame a step returns is indexed
by the raw sheet's row numbers so that a validation failure can name its cell.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pandas as pd

from kzict.build import rawbook as rb
from kzict.build.rawbook import RawTable


@dataclass(frozen=True)
class Step:
    name: str
    workbook: str
    sheet: str
    headers: dict[str, str]                    # clean column -> raw header it comes from
    process: Callable[[RawTable], pd.DataFrame]
    derived: dict[str, str] = field(default_factory=dict)  # clean column -> clean column it derives from

    @property
    def raw_headers(self) -> list[str]:
        return list(self.headers.values())

    def raw_header(self, column: str) -> str | None:
        column = self.derived.get(column, column)
        return self.headers.get(column)


STEPS: dict[str, Step] = {}
PROVENANCE = {"source_id": "source_id", "locator": "locator"}


def step(name: str, workbook: str, sheet: str, headers: dict[str, str], derived=None, provenance=True):
    def register(fn):
        STEPS[name] = Step(name, workbook, sheet, {**headers, **(PROVENANCE if provenance else {})}, fn,
                           derived or {})
        return fn
    return register


def frame(raw: RawTable, step_name: str, columns: dict[str, list]) -> pd.DataFrame:
    """Assemble a step's output with the provenance columns, indexed by raw row."""
    headers = STEPS[step_name].headers
    prov = {c: raw.parse(headers[c], rb.text) for c in PROVENANCE}
    return pd.DataFrame({**columns, **prov}, index=pd.Index(raw.row_numbers, name="raw_row"))


def _iso3(country: str) -> str:
    import pycountry
    try:
        return pycountry.countries.lookup(country).alpha_3
    except LookupError:
        raise ValueError("expected a country name that ISO 3166 knows") from None


@step("ict_value_added", "alibayev2017.xlsx", "Table1", {
    "country": "Country",
    "ict_share_pct": "ICT producing sector as % of total business value added",
    "year": "Last available year",
}, derived={"iso3": "country"})
def ict_value_added(raw: RawTable) -> pd.DataFrame:
    h = STEPS["ict_value_added"].headers
    return frame(raw, "ict_value_added", {
        "country": raw.parse(h["country"], rb.text),
        "iso3": raw.parse(h["country"], _iso3),
        "year": raw.parse(h["year"], rb.year),
        "ict_share_pct": raw.parse(h["ict_share_pct"], rb.percent),
    })


@step("it_expenditure_structure", "alibayev2017.xlsx", "ITSpendShares", {
    "year": "Year", "category": "Category", "share_pct": "Share",
})
def it_expenditure_structure(raw: RawTable) -> pd.DataFrame:
    h = STEPS["it_expenditure_structure"].headers
    return frame(raw, "it_expenditure_structure", {
        "year": raw.parse(h["year"], rb.year),
        "category": raw.parse(h["category"], rb.text),
        "share_pct": raw.parse(h["share_pct"], rb.percent),
    })


@step("it_expenditure_total", "alibayev2017.xlsx", "ITSpendTotal", {
    "kind": "Statement", "year": "Year", "base_year": "Compared with year", "total_kzt_bn": "Printed value",
}, derived={"derivation": "total_kzt_bn"})
def it_expenditure_total(raw: RawTable) -> pd.DataFrame:
    """The sheet holds the printed total and the printed growth rates; derive what they imply."""
    h = STEPS["it_expenditure_total"].headers
    statements = raw.parse(h["kind"], _one_of("total", "growth"))
    years = raw.parse(h["year"], rb.year)
    bases = raw.parse(h["base_year"], rb.optional(rb.year))
    values = raw.parse(h["total_kzt_bn"], lambda v: v)
    prov = frame(raw, "it_expenditure_total", {})
    parsers = {"total": rb.kzt_billion, "growth": rb.percent}
    parsed = [raw.check(row, h["total_kzt_bn"], parsers[s], v) for row, s, v in zip(raw.row_numbers, statements, values)]
    totals = {y: p for s, y, p in zip(statements, years, parsed) if s == "total"}
    rows = []
    for row, s, y, base, growth in zip(raw.row_numbers, statements, years, bases, parsed):
        if s == "total":
            rows.append((row, y, growth, "reported", None))
            continue
        if y not in totals or base is None:
            raise raw.error(row, h["base_year"], "a growth rate needs a printed total for its year and a base year",
                            found=base)
        implied = round(totals[y] / (1 + growth / 100), 1)
        rows.append((row, base, implied, "derived",
                     f"{totals[y]:g} / (1 + {growth:g}/100): {y} total and its printed growth of {growth:g}% over {base}"))
    out = pd.DataFrame(rows, columns=["raw_row", "year", "total_kzt_bn", "kind", "derivation"]).set_index("raw_row")
    return out.join(prov)


@step("it_trade", "alibayev2017.xlsx", "Trade", {
    "year": "Year", "printed_label": "Flow as printed", "value_usd_mn": "Value, USD million",
}, derived={"flow": "printed_label"})
def it_trade(raw: RawTable) -> pd.DataFrame:
    """`flow` starts as the printed label; corrections.yaml says where the print is wrong."""
    h = STEPS["it_trade"].headers
    labels = raw.parse(h["printed_label"], _one_of("export", "import"))
    return frame(raw, "it_trade", {
        "year": raw.parse(h["year"], rb.year),
        "flow": labels,
        "value_usd_mn": raw.parse(h["value_usd_mn"], rb.number),
        "printed_label": labels,
    })


def _target(value) -> tuple[float, str, str]:
    """'top 35' -> (35, rank, at_most); '75%' -> (75, %, at_least)"""
    text = rb.text(value)
    if text.lower().startswith("top "):
        return float(rb.whole(text[4:].strip())), "rank", "at_most"
    try:
        return rb.percent(text), "%", "at_least"
    except ValueError:
        raise ValueError("expected a target such as 'top 35' or '75%'") from None


@step("ik2020_targets", "alibayev2017.xlsx", "IK2020Targets", {
    "indicator_id": "No.", "indicator": "Indicator", "target_value": "Target as printed", "target_year": "Target year",
}, derived={"unit": "target_value", "comparison": "target_value"})
def ik2020_targets(raw: RawTable) -> pd.DataFrame:
    h = STEPS["ik2020_targets"].headers
    targets = raw.parse(h["target_value"], _target)
    return frame(raw, "ik2020_targets", {
        "indicator_id": raw.parse(h["indicator_id"], rb.whole),
        "indicator": raw.parse(h["indicator"], rb.text),
        "target_value": [t[0] for t in targets],
        "unit": [t[1] for t in targets],
        "comparison": [t[2] for t in targets],
        "target_year": raw.parse(h["target_year"], rb.year),
    })


@step("sources", "sources.xlsx", "Sources", {
    "source_id": "source_id", "citation": "citation", "kind": "kind", "url": "url", "via": "via",
}, provenance=False)
def sources(raw: RawTable) -> pd.DataFrame:
    h = STEPS["sources"].headers
    return pd.DataFrame({
        col: raw.parse(h[col], rb.optional_text if col in ("url", "via") else rb.text)
        for col in ("source_id", "citation", "kind", "url", "via")
    }, index=pd.Index(raw.row_numbers, name="raw_row"))


def _one_of(*allowed: str):
    def parse(value):
        text = rb.text(value)
        if text not in allowed:
            raise ValueError(f"expected one of {list(allowed)}")
        return text
    return parse
