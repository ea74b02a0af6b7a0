"""What officials and the press say about the sector, each number checked against kzict's tables."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict import statement_audit as engine
from kzict.errors import RawDataError
from kzict.tables._fields import Strict
from kzict.tables._yaml import Registry, yaml_rules

INPUTS = engine.INPUTS
RULES = yaml_rules("statements.yaml")


def _text(description: str, nullable: bool = False, unit: str = "text", **kw) -> Any:
    return pa.Field(nullable=nullable, description=description, metadata={"unit": unit}, **kw)


class PublicStatements(pa.DataFrameModel):
    id: Series[str] = _text("Identifier of the record (a statement with several numbers: C30, C30b, ...).", unit="id")
    quote: Series[str] = _text("The statement as published, in its language.")
    quote_en: Series[str] = _text("An English gloss, where the quote is not in English.", nullable=True)
    speaker: Series[str] = _text("Who said it, and where it was reported.")
    date: Series[str] = _text(
        "When it was said or published, at the precision known: YYYY-MM-DD, YYYY-MM or YYYY.",
        unit="date",
        str_matches=r"^\d{4}(-\d{2}(-\d{2})?)?$",
    )
    url: Series[str] = _text("The published page (the original publisher).", unit="URL", str_matches=r"^https?://")
    topic: Series[str] = _text("What the statement is about (site filter).", unit="category")
    kind: Series[str] = _text(
        "What the number claims: level, multiple, change_pct, change_pp, rank, rank_among, reached_by, between, "
        "count_change_pct (README, 'Public statements').",
        unit="category",
        isin=sorted(engine.KINDS),
    )
    dataset: Series[str] = _text("The kzict table that checks it; NA where none holds the series.", True, "id")
    indicator: Series[str] = _text("WDI indicator code, or the table's value column.", True, "id")
    economy: Series[str] = _text("The economy the number is about.", unit="ISO3", str_matches=r"^[A-Z]{3}$")
    year: Series[str] = _text(
        "The dataset's year the statement is about (WDI: data year; EGDI, NRI, Doing Business: edition); "
        "candidates joined by ' or ' where the statement does not say.",
        unit="year(s), as text",
    )
    base_year: Series[pd.Int64Dtype] = _text("The year compared with, where the kind needs one.", True, "year (base)")
    value: Series[str] = _text("The number as printed (its printed precision kept).", unit="see `kind`")
    scale: Series[float] = pa.Field(
        gt=0, description="Factor from the claim's unit to the dataset's.", metadata={"unit": "factor"}
    )
    among: Series[str] = _text("rank_among: the economies ranked with it.", True, "ISO3 list")
    population: Series[str] = _text("count_change_pct: the population the share is of.", True)
    series: Series[str] = _text("Where no kzict table holds it: the public series that would check it.", True)
    note: Series[str] = _text("Reading notes: the year read, the definition, the rest of the statement.", True)
    verdict: Series[str] = _text(
        "consistent | inconsistent | unverifiable.", unit="category", isin=list(engine.VERDICTS)
    )
    data_value: Series[float] = pa.Field(
        nullable=True,
        description="The figure computed from the data that the claim is held against, in the claim's unit "
        "(data / scale; a multiple, % change, point change or rank for those kinds).",
        metadata={"unit": "see `kind`"},
    )
    data_year: Series[pd.Int64Dtype] = _text("The year of that figure.", True, "year")
    release: Series[str] = _text("The data release (WDI release date, survey or report edition).", True)
    tolerance: Series[float] = pa.Field(
        nullable=True,
        ge=0,
        description="Allowed difference, in the claim's unit: half a unit of the value's last printed digit plus "
        "1 % of it (kzict.tolerance); 0 for ranks.",
        # a difference, not a level: the unit's range (a rank is at least 1) does not apply to it
        metadata={"unit": "the claim's unit (see `kind` and the README's kinds table)"},
    )
    definition: Series[str] = _text(
        "The statement's definition against the series': same | narrower | broader | different.",
        unit="category",
        isin=list(engine.DEFINITIONS),
    )
    reason: Series[str] = _text("Why: the computation, or what the data lack.")
    source_id: Series[str] = pa.Field(
        description="kzict's registry of public statements (a row of `sources`); `url` names the publisher.",
        metadata={"unit": "id", "foreign_key": "sources.source_id"},
    )
    locator: Series[str] = _text("The record of the registry: statements.yaml and the record's id.")
    data_source_id: Series[str] = pa.Field(
        nullable=True,
        description="The publisher of the data the claim is held against (a row of `sources`).",
        metadata={"unit": "id", "foreign_key": "sources.source_id"},
    )
    data_locator: Series[str] = _text("Where the data are: the snapshot file and line(s).", True)

    class Config(Strict):
        name = "public_statements"
        title = "Public statements about the sector, checked against kzict's tables"
        description = (
            "Statements by officials, the President's addresses, agencies and the press that state a number about "
            "Kazakhstan's ICT sector, each held against the series that checks it: consistent, inconsistent or "
            "unverifiable, with the figure the data give, its release and locator, and the reason. Derived from "
            "data/raw/statements.yaml and the WDI, UN E-Government Survey, WEF NRI and Doing Business tables."
        )
        unique = ["id"]
        metadata = {
            "order": 260,
            "rows": "printed",
            "locator": "each statement's url (the publisher); each figure's data locator",
            "note": "source_id names kzict's registry of the statements (one `sources` row), not each publisher: "
            "a statement's own publisher is its `url`, with `speaker` and `date`, and the data a figure comes "
            "from are `data_source_id` and `data_locator`. One tolerance rule for this audit and the thesis's "
            "(kzict.tolerance). A statement whose definition differs from the series' is judged only where a "
            "one-sided bound decides it.",
            "printed_in": "kzict",
        }


def process(tables: dict[str, pd.DataFrame], rules: Registry) -> pd.DataFrame:
    try:
        return engine.table(rules.doc, tables)
    except ValueError as exc:
        raise RawDataError(rules.path, str(exc)) from None
