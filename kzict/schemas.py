"""Pandera schemas of the clean tables: the one definition of every column.

A dataframe-level check is named ``<rule>__<column>``: the build blames that
column's raw cell when the check fails. Each model says, per column, its type, range, allowed values, description and
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

from kzict._meta import PLAUSIBLE_YEARS, TIERS

YEAR_MIN, YEAR_MAX = PLAUSIBLE_YEARS


def _source_id() -> Series[str]:
    return pa.Field(
        description="Original source the thesis names for this value (a row of `sources`).",
        metadata={"unit": "id", "foreign_key": "sources.source_id"},
        str_length={"min_value": 1},
    )


def _locator() -> Series[str]:
    return pa.Field(
        description="Where the thesis prints the value (table/figure or section, page).",
        metadata={"unit": "text"},
        str_length={"min_value": 1},
    )


def _year(description: str, nullable: bool = False):
    return pa.Field(ge=YEAR_MIN, le=YEAR_MAX, nullable=nullable, description=description, metadata={"unit": "year"})


def _pct(description: str):
    return pa.Field(ge=0, le=100, description=description, metadata={"unit": "%"})


class _Strict:
    strict = True
    coerce = True


class IctValueAdded(pa.DataFrameModel):
    country: Series[str] = pa.Field(description="Country name as printed.", metadata={"unit": "text"})
    iso3: Series[str] = pa.Field(
        str_matches=r"^[A-Z]{3}$",
        unique=True,
        description="ISO 3166-1 alpha-3 code (added by kzict, not printed).",
        metadata={"unit": "ISO 3166-1 alpha-3"},
    )
    year: Series[int] = _year("Last available year of the figure, as printed.")
    ict_share_pct: Series[float] = _pct("ICT producing sector as % of total business value added.")
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["iso3"]


class ItExpenditureStructure(pa.DataFrameModel):
    year: Series[int] = _year("Year the share refers to.")
    category: Series[str] = pa.Field(
        description="Spending category, as the thesis names it.", metadata={"unit": "text"}
    )
    share_pct: Series[float] = _pct("Share of total IT expenditure in Kazakhstan.")
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["year", "category"]


class ItExpenditureTotal(pa.DataFrameModel):
    year: Series[int] = _year("Year of the total.")
    total_kzt_bn: Series[float] = pa.Field(
        gt=0, description="Total spending on IT in Kazakhstan.", metadata={"unit": "KZT bn (current)"}
    )
    kind: Series[str] = pa.Field(
        isin=["reported", "derived"],
        description="'reported': printed; 'derived': implied by a printed growth rate.",
        metadata={"unit": "category"},
    )
    derivation: Series[str] = pa.Field(
        nullable=True,
        description="How a derived total follows from the print; NA when reported.",
        metadata={"unit": "text"},
    )
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["year"]

    @pa.dataframe_check(description="derivation is given exactly when kind is 'derived'")
    def derivation_iff_derived__derivation(cls, df: pd.DataFrame) -> Series[bool]:
        return df["derivation"].notna() == (df["kind"] == "derived")


class ItTrade(pa.DataFrameModel):
    year: Series[int] = _year("Year of the flow.")
    flow: Series[str] = pa.Field(
        isin=["export", "import"],
        description="Trade flow after kzict's corrections (see `kzict.corrections()`).",
        metadata={"unit": "category"},
    )
    value_usd_mn: Series[float] = pa.Field(
        gt=0, description="Value of IT trade.", metadata={"unit": "USD mn (current)"}
    )
    printed_label: Series[str] = pa.Field(
        isin=["export", "import"],
        description="The flow the thesis's sentence attaches to this number.",
        metadata={"unit": "category"},
    )
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["year", "flow"]


class Ik2020Targets(pa.DataFrameModel):
    indicator_id: Series[int] = pa.Field(
        ge=1, le=13, unique=True, description="Number of the target in the programme's list.", metadata={"unit": "id"}
    )
    indicator: Series[str] = pa.Field(
        description="Short label of the target indicator (kzict's words).", metadata={"unit": "text"}
    )
    target_value: Series[float] = pa.Field(
        ge=0, description="Target level; unit in `unit`.", metadata={"unit": "see `unit`"}
    )
    unit: Series[str] = pa.Field(
        isin=["%", "rank"], description="Unit of `target_value`.", metadata={"unit": "category"}
    )
    comparison: Series[str] = pa.Field(
        isin=["at_least", "at_most"],
        description="Met when the outcome is at least / at most the target.",
        metadata={"unit": "category"},
    )
    target_year: Series[int] = _year("Year by which the target is to be met.")
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["indicator_id"]

    @pa.dataframe_check(description="a share target is at most 100")
    def pct_at_most_100__target_value(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["unit"] != "%") | (df["target_value"] <= 100)

    @pa.dataframe_check(description="a rank target compares 'at_most'")
    def rank_is_at_most__comparison(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["unit"] != "rank") | (df["comparison"] == "at_most")


class IctProgramme20102014(pa.DataFrameModel):
    goal_id: Series[int] = pa.Field(
        ge=1, unique=True, description="Row of Figure 2, top to bottom.", metadata={"unit": "id"}
    )
    section: Series[str] = pa.Field(
        isin=["Government of Kazakhstan ICT plan (selected goals)", "OECD country capability survey, IT sector"],
        description="Block of Figure 2 the row belongs to, as printed.",
        metadata={"unit": "category"},
    )
    goal: Series[str] = pa.Field(description="Goal or survey item, as printed.", metadata={"unit": "text"})
    value_2009: Series[float] = pa.Field(
        nullable=True, ge=0, description="2009 value; NA for a qualitative row.", metadata={"unit": "see `unit`"}
    )
    target_2014: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        description="2014 target; NA for a qualitative or empty row.",
        metadata={"unit": "see `unit`"},
    )
    unit: Series[str] = pa.Field(
        nullable=True,
        isin=["KZT bn", "%"],
        description="Unit of value_2009 and target_2014; NA for qualitative rows.",
        metadata={"unit": "category"},
    )
    printed_2009: Series[str] = pa.Field(description="The 2009 cell as printed.", metadata={"unit": "text"})
    printed_2014: Series[str] = pa.Field(
        nullable=True, description="The 2014 cell as printed; NA if empty.", metadata={"unit": "text"}
    )
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["goal_id"]

    @pa.dataframe_check(description="a 2009 percentage is at most 100")
    def pct_at_most_100__value_2009(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["unit"] != "%") | (df["value_2009"].fillna(0) <= 100)

    @pa.dataframe_check(description="a 2014 percentage is at most 100")
    def pct_at_most_100__target_2014(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["unit"] != "%") | (df["target_2014"].fillna(0) <= 100)

    @pa.dataframe_check(description="a row has a unit exactly when it has a value")
    def unit_iff_value__unit(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["value_2009"].notna() | df["target_2014"].notna()) == df["unit"].notna()


class IctPolicyDocuments(pa.DataFrameModel):
    doc_id: Series[int] = pa.Field(
        ge=1, unique=True, description="Row of Figure 3, top to bottom.", metadata={"unit": "id"}
    )
    title: Series[str] = pa.Field(description="Title of the document, as printed.", metadata={"unit": "text"})
    date: Series[str] = pa.Field(
        str_matches=r"^\d{4}(-\d{2}-\d{2})?$",
        description="Date in ISO 8601 at the printed precision: a year alone stays a year.",
        metadata={"unit": "ISO 8601 date"},
    )
    date_precision: Series[str] = pa.Field(
        isin=["year", "day"], description="Precision of the printed date.", metadata={"unit": "category"}
    )
    year: Series[int] = _year("Year of the document.")
    responsible_body: Series[str] = pa.Field(
        description="Organisation responsible, as printed.", metadata={"unit": "text"}
    )
    legal_act: Series[str] = pa.Field(description="Legal status, as printed.", metadata={"unit": "text"})
    act_number: Series[int] = pa.Field(
        ge=1, description="Number of the decree in `legal_act`.", metadata={"unit": "id"}
    )
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["doc_id"]

    @pa.dataframe_check(description="year is the date's year; precision fits the date")
    def date_consistent__date(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["date"].str[:4].astype(int) == df["year"]) & (
            (df["date"].str.len() == 4) == (df["date_precision"] == "year")
        )


class IctRankings(pa.DataFrameModel):
    index: Series[str] = pa.Field(description="Index or report, as the thesis names it.", metadata={"unit": "text"})
    edition_year: Series[int] = _year("Edition (year) of the index.")
    rank: Series[int] = pa.Field(ge=1, description="Kazakhstan's rank (1 = best).", metadata={"unit": "rank"})
    countries_ranked: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=1,
        description="Number of countries ranked; NA if not printed.",
        metadata={"unit": "countries"},
    )
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["index", "edition_year"]

    @pa.dataframe_check(description="rank is within the number of countries ranked")
    def rank_within_field__rank(cls, df: pd.DataFrame) -> Series[bool]:
        return df["countries_ranked"].isna() | (df["rank"] <= df["countries_ranked"])


class SurveyProfile(pa.DataFrameModel):
    measure: Series[str] = pa.Field(description="What is measured.", metadata={"unit": "id"})
    category: Series[str] = pa.Field(
        description="Category of the measure ('all' for a single figure).", metadata={"unit": "text"}
    )
    statistic: Series[str] = pa.Field(
        isin=["count", "share", "min", "max", "mean", "mean_lower_bound", "mean_upper_bound"],
        description="Kind of figure.",
        metadata={"unit": "category"},
    )
    group: Series[str] = pa.Field(
        description="Who the figure describes, in the thesis's words.", metadata={"unit": "text"}
    )
    value: Series[float] = pa.Field(ge=0, description="The figure; unit in `unit`.", metadata={"unit": "see `unit`"})
    unit: Series[str] = pa.Field(
        isin=["persons", "questions", "%", "years", "employees"],
        description="Unit of `value`.",
        metadata={"unit": "category"},
    )
    printed: Series[str] = pa.Field(description="The figure as printed.", metadata={"unit": "text"})
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["measure", "category", "statistic"]

    @pa.dataframe_check(description="shares are per cent of at most 100")
    def shares_are_pct__value(cls, df: pd.DataFrame) -> Series[bool]:
        share = df["statistic"] == "share"
        return ~share | ((df["unit"] == "%") & (df["value"] <= 100))


class CodingScheme(pa.DataFrameModel):
    stage: Series[str] = pa.Field(
        isin=["first cycle", "final"],
        description="'first cycle': in vivo labels; 'final': variables after pattern coding.",
        metadata={"unit": "category"},
    )
    position: Series[int] = pa.Field(ge=1, description="Order within the stage, as printed.", metadata={"unit": "id"})
    label: Series[str] = pa.Field(description="Label or variable, as printed.", metadata={"unit": "text"})
    group: Series[str] = pa.Field(
        nullable=True,
        isin=["government", "entrepreneurs"],
        description="Group of a final variable; NA in the first cycle.",
        metadata={"unit": "category"},
    )
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["stage", "label"]

    @pa.dataframe_check(description="final variables have a group, first-cycle labels none")
    def group_iff_final__group(cls, df: pd.DataFrame) -> Series[bool]:
        return df["group"].notna() == (df["stage"] == "final")


class AsadelFund(pa.DataFrameModel):
    measure: Series[str] = pa.Field(
        isin=["fund_size", "allocation", "investment_per_company", "stake"],
        description="What is measured.",
        metadata={"unit": "category"},
    )
    category: Series[str] = pa.Field(
        description="Sector for an allocation; 'all' otherwise.", metadata={"unit": "text"}
    )
    statistic: Series[str] = pa.Field(
        isin=["value", "share", "min", "max"], description="Kind of figure.", metadata={"unit": "category"}
    )
    value: Series[float] = pa.Field(gt=0, description="The figure; unit in `unit`.", metadata={"unit": "see `unit`"})
    unit: Series[str] = pa.Field(isin=["USD mn", "%"], description="Unit of `value`.", metadata={"unit": "category"})
    printed: Series[str] = pa.Field(description="The figure as printed.", metadata={"unit": "text"})
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["measure", "category", "statistic"]

    @pa.dataframe_check(description="shares are per cent of at most 100")
    def shares_are_pct__value(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["unit"] != "%") | (df["value"] <= 100)


class SectorFacts(pa.DataFrameModel):
    fact_id: Series[str] = pa.Field(
        str_matches=r"^[a-z][a-z0-9_]*$", unique=True, description="Identifier.", metadata={"unit": "id"}
    )
    fact: Series[str] = pa.Field(description="What the figure is (kzict's short label).", metadata={"unit": "text"})
    geography: Series[str] = pa.Field(description="Where the figure applies.", metadata={"unit": "text"})
    year: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=YEAR_MIN,
        le=YEAR_MAX,
        description="Year, where printed; NA otherwise.",
        metadata={"unit": "year"},
    )
    period: Series[str] = pa.Field(
        nullable=True, description="Period, where printed; NA otherwise.", metadata={"unit": "text"}
    )
    value: Series[float] = pa.Field(
        ge=0, le=100, description="The figure; unit in `unit`.", metadata={"unit": "see `unit`"}
    )
    unit: Series[str] = pa.Field(
        str_startswith="%", description="Unit of `value` (a per cent of what).", metadata={"unit": "text"}
    )
    printed: Series[str] = pa.Field(description="The figure as printed.", metadata={"unit": "text"})
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["fact_id"]


class TransnationalChannels(pa.DataFrameModel):
    channel: Series[str] = pa.Field(
        isin=["knowledge and innovation", "outsourcing", "access to finance"],
        description="Channel of transnational ties (Ch. 5).",
        metadata={"unit": "category"},
    )
    direction: Series[str] = pa.Field(
        isin=["into Kazakhstan", "out of Kazakhstan"],
        description="Direction of the flow.",
        metadata={"unit": "category"},
    )
    lead_actor: Series[str] = pa.Field(
        isin=["state", "entrepreneurs"],
        description="Who the thesis says leads this flow.",
        metadata={"unit": "category"},
    )
    mechanism: Series[str] = pa.Field(description="How the flow happens (kzict's summary).", metadata={"unit": "text"})
    figure: Series[str] = pa.Field(
        str_matches=r"^Figure [456], p\. \d+$",
        description="The thesis figure (image lost) that drew this channel.",
        metadata={"unit": "text"},
    )
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["channel", "direction"]


_CAPABILITY = dict(nullable=True, isin=["yes", "limited"], metadata={"unit": "category"})


class ElectronicsBusinessModels(pa.DataFrameModel):
    model_id: Series[int] = pa.Field(
        ge=1, le=4, unique=True, description="kzict's number for the model (1-4).", metadata={"unit": "id"}
    )
    model: Series[str] = pa.Field(
        nullable=True, description="Short label; NA where the abstract does not describe it.", metadata={"unit": "text"}
    )
    tier: Series[pa.typing.Category] = pa.Field(
        dtype_kwargs={"categories": TIERS, "ordered": True},
        nullable=True,
        description="Place in the typology, basic < advanced; NA where not stated.",
        metadata={"unit": "ordered category"},
    )
    technology_origin: Series[str] = pa.Field(
        nullable=True, description="Where imported technology comes from.", metadata={"unit": "text"}
    )
    imports_foreign_technology: Series[str] = pa.Field(description="Builds on imported technology.", **_CAPABILITY)
    imported_hardware: Series[str] = pa.Field(description="Builds on imported hardware.", **_CAPABILITY)
    in_house_software: Series[str] = pa.Field(description="Develops software in house.", **_CAPABILITY)
    in_house_rnd: Series[str] = pa.Field(description="Does R&D in house.", **_CAPABILITY)
    domestic_hardware_development: Series[str] = pa.Field(description="Develops hardware in Kazakhstan.", **_CAPABILITY)
    outsourced_component_production: Series[str] = pa.Field(
        description="Outsources component production.", **_CAPABILITY
    )
    in_house_design: Series[str] = pa.Field(description="Keeps core design and development in house.", **_CAPABILITY)
    source_id: Series[str] = _source_id()
    locator: Series[str] = _locator()

    class Config(_Strict):
        unique = ["model_id"]


class IndicatorOutcomes(pa.DataFrameModel):
    indicator: Series[str] = pa.Field(
        str_matches=r"^[a-z][a-z0-9_]*$",
        description="Stable id of the outcome indicator (shared with the targets' links).",
        metadata={"unit": "id"},
    )
    year: Series[int] = _year("Year of the figure (for Doing Business: the report's edition).")
    value: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        description="The figure; NA where it was looked for and not found (see `note`).",
        metadata={"unit": "see `unit`"},
    )
    qualifier: Series[str] = pa.Field(
        nullable=True,
        isin=["about", "more than", "at most"],
        description="How the source qualifies the figure; NA for an exact figure.",
        metadata={"unit": "category"},
    )
    unit: Series[str] = pa.Field(description="Unit of `value`.", metadata={"unit": "text"})
    printed: Series[str] = pa.Field(description="The figure as the source gives it.", metadata={"unit": "text"})
    source_id: Series[str] = _source_id()
    grade: Series[str] = pa.Field(
        isin=["file", "press"],
        description="'file': read from a published data file; 'press': quoted from a news "
        "or official statement (weaker).",
        metadata={"unit": "category"},
    )
    locator: Series[str] = pa.Field(
        description="Where in the source (file row and column, or the statement).", metadata={"unit": "text"}
    )
    note: Series[str] = pa.Field(
        nullable=True, description="Definition differences, discontinued series, gaps.", metadata={"unit": "text"}
    )

    class Config(_Strict):
        unique = ["indicator", "year"]

    @pa.dataframe_check(description="a missing figure says why in its note")
    def missing_has_note__note(cls, df: pd.DataFrame) -> Series[bool]:
        return df["value"].notna() | df["note"].notna()


class Scorecard(pa.DataFrameModel):
    target_id: Series[int] = pa.Field(
        ge=1, unique=True, description="Number of the target in its programme.", metadata={"unit": "id"}
    )
    target: Series[str] = pa.Field(description="The target (label as in the targets table).", metadata={"unit": "text"})
    target_value: Series[float] = pa.Field(ge=0, description="Target level.", metadata={"unit": "see `unit`"})
    unit: Series[str] = pa.Field(description="Unit of the target and the outcome.", metadata={"unit": "text"})
    comparison: Series[str] = pa.Field(
        isin=["at_least", "at_most"],
        description="Met when the outcome is at least / at most the target.",
        metadata={"unit": "category"},
    )
    target_year: Series[int] = _year("Year by which the target was to be met.")
    outcome_indicator: Series[str] = pa.Field(
        nullable=True, description="The `indicator_outcomes` series judged.", metadata={"unit": "id"}
    )
    outcome_year: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=YEAR_MIN,
        le=YEAR_MAX,
        description="Year of the outcome judged; NA when not measured.",
        metadata={"unit": "year"},
    )
    outcome_value: Series[float] = pa.Field(
        nullable=True, description="The outcome judged.", metadata={"unit": "see `unit`"}
    )
    outcome_qualifier: Series[str] = pa.Field(
        nullable=True,
        isin=["about", "more than", "at most"],
        description="The source's qualifier of the outcome.",
        metadata={"unit": "category"},
    )
    nearest_year: Series[bool] = pa.Field(
        description="True when the outcome is the nearest year's, not the target year's.", metadata={"unit": "flag"}
    )
    status: Series[str] = pa.Field(
        isin=["met", "not_met", "not_measured"], description="The verdict.", metadata={"unit": "category"}
    )
    first_met_year: Series[pd.Int64Dtype] = pa.Field(
        nullable=True,
        ge=YEAR_MIN,
        le=YEAR_MAX,
        description="First year the series shows the target met (after a year below it); NA otherwise.",
        metadata={"unit": "year"},
    )
    basis: Series[str] = pa.Field(
        str_length={"min_value": 10}, description="One line: why this verdict.", metadata={"unit": "text"}
    )
    source_id: Series[str] = pa.Field(
        nullable=True,
        description="Source of the outcome judged; NA when not measured.",
        metadata={"unit": "id", "foreign_key": "sources.source_id"},
    )
    grade: Series[str] = pa.Field(
        nullable=True, isin=["file", "press"], description="Grade of that source.", metadata={"unit": "category"}
    )
    locator: Series[str] = pa.Field(nullable=True, description="Where in that source.", metadata={"unit": "text"})

    class Config(_Strict):
        unique = ["target_id"]

    @pa.dataframe_check(description="a measured verdict has an outcome; not_measured has none")
    def outcome_iff_measured__status(cls, df: pd.DataFrame) -> Series[bool]:
        return df["outcome_value"].notna() == (df["status"] != "not_measured")


class Sources(pa.DataFrameModel):
    source_id: Series[str] = pa.Field(
        str_matches=r"^[a-z][a-z0-9_]*$",
        unique=True,
        description="Identifier used by `source_id` in every table.",
        metadata={"unit": "id"},
    )
    citation: Series[str] = pa.Field(description="Full citation.", metadata={"unit": "text"})
    kind: Series[str] = pa.Field(
        isin=["thesis", "report", "decree", "database", "web", "paper"],
        description="Kind of work.",
        metadata={"unit": "category"},
    )
    url: Series[str] = pa.Field(
        nullable=True,
        str_matches=r"^https?://",
        description="Address of the work; NA if none is known.",
        metadata={"unit": "URL"},
    )
    via: Series[str] = pa.Field(
        nullable=True,
        description="source_id of the work that printed the figure (NA for a primary work).",
        metadata={"unit": "id", "foreign_key": "sources.source_id"},
    )

    class Config(_Strict):
        unique = ["source_id"]


@dataclass(frozen=True)
class Model:
    """A dataset's schema with the metadata that is not per-column."""

    name: str
    schema: type[pa.DataFrameModel]
    key: tuple[str, ...]
    order: tuple[str, ...] | None = None  # row order of the clean file; None: sort by key, (): as printed

    @property
    def sort_by(self) -> tuple[str, ...]:
        return self.key if self.order is None else self.order


MODELS = {
    m.name: m
    for m in (
        Model("ict_value_added", IctValueAdded, ("iso3",), order=()),  # printed order is the ranking
        Model("it_expenditure_structure", ItExpenditureStructure, ("year", "category")),
        Model("it_expenditure_total", ItExpenditureTotal, ("year",)),
        Model("it_trade", ItTrade, ("year", "flow")),
        Model("ik2020_targets", Ik2020Targets, ("indicator_id",)),
        Model("ict_programme_2010_2014", IctProgramme20102014, ("goal_id",)),
        Model("ict_policy_documents", IctPolicyDocuments, ("doc_id",)),
        Model("ict_rankings", IctRankings, ("index", "edition_year"), order=("edition_year", "index")),
        Model("survey_profile", SurveyProfile, ("measure", "category", "statistic"), order=()),
        Model("coding_scheme", CodingScheme, ("stage", "label"), order=("stage", "position")),
        Model("asadel_fund", AsadelFund, ("measure", "category", "statistic"), order=()),
        Model("sector_facts", SectorFacts, ("fact_id",), order=()),
        Model("transnational_channels", TransnationalChannels, ("channel", "direction"), order=()),
        Model("electronics_business_models", ElectronicsBusinessModels, ("model_id",)),
        Model("indicator_outcomes", IndicatorOutcomes, ("indicator", "year")),
        Model("ik2020_scorecard", Scorecard, ("target_id",)),
        Model("ict_programme_scorecard", Scorecard, ("target_id",)),
        Model("sources", Sources, ("source_id",), order=()),  # the thesis first, then as listed
    )
}
