"""Pandera schemas of the clean tables: the one definition of every column.

Each model says, per column, its type, range, allowed values, description and
unit (``metadata={"unit": ...}``). The build validates against these models and
writes ``data/clean/datapackage.json`` from them, so the loaders, the codebook
and the Frictionless descriptor never drift from the schema.

Importing this module imports pandera (slow); ``kzict.load`` does so only when
asked to validate.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict._meta import PLAUSIBLE_YEARS

YEAR_MIN, YEAR_MAX = PLAUSIBLE_YEARS


def _source_id() -> Series[str]:
    return pa.Field(description="Original source the thesis names for this value (a row of `sources`).",
                    metadata={"unit": "id", "foreign_key": "sources.source_id"}, str_length={"min_value": 1})


def _locator() -> Series[str]:
    return pa.Field(description="Where the thesis prints the value (table/figure or section, page).",
                    metadata={"unit": "text"}, str_length={"min_value": 1})


def _year(description: str, nullable: bool = False):
    return pa.Field(ge=YEAR_MIN, le=YEAR_MAX, nullable=nullable, description=description,
                    metadata={"unit": "year"})


def _pct(description: str):
    return pa.Field(ge=0, le=100, description=description, metadata={"unit": "%"})


class _Strict:
    strict = True
    coerce = True


class IctValueAdded(pa.DataFrameModel):
    country: Series[str] = pa.Field(description="Country name as printed.", metadata={"unit": "text"})
    iso3: Series[str] = pa.Field(str_matches=r"^[A-Z]{3}$", unique=True,
                                 description="ISO 3166-1 alpha-3 code (added by kzict, not printed).",
                                 metadata={"unit": "ISO 3166-1 alpha-3"})
    year: Series[int] = _year("Last available year of the figure, as printed.")
    ict_share_pct: Series[float] = _pct("ICT producing sector as % of total business value added.")
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["iso3"]


class ItExpenditureStructure(pa.DataFrameModel):
    year: Series[int] = _year("Year the share refers to.")
    category: Series[str] = pa.Field(description="Spending category, as the thesis names it.",
                                     metadata={"unit": "text"})
    share_pct: Series[float] = _pct("Share of total IT expenditure in Kazakhstan.")
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["year", "category"]


class ItExpenditureTotal(pa.DataFrameModel):
    year: Series[int] = _year("Year of the total.")
    total_kzt_bn: Series[float] = pa.Field(gt=0, description="Total spending on IT in Kazakhstan.",
                                           metadata={"unit": "KZT bn (current)"})
    kind: Series[str] = pa.Field(isin=["reported", "derived"],
                                 description="'reported': printed; 'derived': implied by a printed growth rate.",
                                 metadata={"unit": "category"})
    derivation: Series[str] = pa.Field(nullable=True,
                                       description="How a derived total follows from the print; NA when reported.",
                                       metadata={"unit": "text"})
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["year"]

    @pa.dataframe_check(description="derivation is given exactly when kind is 'derived'")
    def derivation_iff_derived(cls, df: pd.DataFrame) -> Series[bool]:
        return df["derivation"].notna() == (df["kind"] == "derived")


class ItTrade(pa.DataFrameModel):
    year: Series[int] = _year("Year of the flow.")
    flow: Series[str] = pa.Field(isin=["export", "import"],
                                 description="Trade flow after kzict's corrections (see `kzict.corrections()`).",
                                 metadata={"unit": "category"})
    value_usd_mn: Series[float] = pa.Field(gt=0, description="Value of IT trade.",
                                           metadata={"unit": "USD mn (current)"})
    printed_label: Series[str] = pa.Field(isin=["export", "import"],
                                          description="The flow the thesis's sentence attaches to this number.",
                                          metadata={"unit": "category"})
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["year", "flow"]


class Ik2020Targets(pa.DataFrameModel):
    indicator_id: Series[int] = pa.Field(ge=1, le=13, unique=True,
                                         description="Number of the target in the programme's list.",
                                         metadata={"unit": "id"})
    indicator: Series[str] = pa.Field(description="Short label of the target indicator (kzict's words).",
                                      metadata={"unit": "text"})
    target_value: Series[float] = pa.Field(ge=0, description="Target level; unit in `unit`.",
                                           metadata={"unit": "see `unit`"})
    unit: Series[str] = pa.Field(isin=["%", "rank"], description="Unit of `target_value`.",
                                 metadata={"unit": "category"})
    comparison: Series[str] = pa.Field(isin=["at_least", "at_most"],
                                       description="Met when the outcome is at least / at most the target.",
                                       metadata={"unit": "category"})
    target_year: Series[int] = _year("Year by which the target is to be met.")
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["indicator_id"]

    @pa.dataframe_check(description="shares are at most 100; ranks compare 'at_most'")
    def unit_fits_comparison(cls, df: pd.DataFrame) -> Series[bool]:
        pct_ok = (df["unit"] != "%") | (df["target_value"] <= 100)
        rank_ok = (df["unit"] != "rank") | (df["comparison"] == "at_most")
        return pct_ok & rank_ok


class Sources(pa.DataFrameModel):
    source_id: Series[str] = pa.Field(str_matches=r"^[a-z][a-z0-9_]*$", unique=True,
                                      description="Identifier used by `source_id` in every table.",
                                      metadata={"unit": "id"})
    citation: Series[str] = pa.Field(description="Full citation.", metadata={"unit": "text"})
    kind: Series[str] = pa.Field(isin=["thesis", "report", "decree", "database", "web", "paper"],
                                 description="Kind of work.", metadata={"unit": "category"})
    url: Series[str] = pa.Field(nullable=True, str_matches=r"^https?://",
                                description="Address of the work; NA if none is known.",
                                metadata={"unit": "URL"})
    via: Series[str] = pa.Field(nullable=True,
                                description="source_id of the work that printed the figure (NA for a primary work).",
                                metadata={"unit": "id", "foreign_key": "sources.source_id"})

    class Config(_Strict):
        unique = ["source_id"]


@dataclass(frozen=True)
class Model:
    """A dataset's schema with the metadata that is not per-column."""
    name: str
    schema: type[pa.DataFrameModel]
    key: tuple[str, ...]
    order: tuple[str, ...] | None = None   # row order of the clean file; None: sort by key, (): as printed

    @property
    def sort_by(self) -> tuple[str, ...]:
        return self.key if self.order is None else self.order


MODELS = {m.name: m for m in (
    Model("ict_value_added", IctValueAdded, ("iso3",), order=()),  # printed order is the ranking
    Model("it_expenditure_structure", ItExpenditureStructure, ("year", "category")),
    Model("it_expenditure_total", ItExpenditureTotal, ("year",)),
    Model("it_trade", ItTrade, ("year", "flow")),
    Model("ik2020_targets", Ik2020Targets, ("indicator_id",)),
    Model("sources", Sources, ("source_id",), order=()),  # the thesis first, then as listed
)}
