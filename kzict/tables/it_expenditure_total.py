"""Total IT expenditure in Kazakhstan: the printed 2015 total and the totals its growth rates imply."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, frame, locator, one_of, raw_input, source_id, year

RAW = raw_input(
    "alibayev2017.xlsx",
    "ITSpendTotal",
    {"kind": "Statement", "year": "Year", "base_year": "Compared with year", "total_kzt_bn": "Printed value"},
    derived={"derivation": "total_kzt_bn"},
)


class ItExpenditureTotal(pa.DataFrameModel):
    year: Series[int] = year("Year of the total.")
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
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "it_expenditure_total"
        title = "Total IT expenditure in Kazakhstan"
        description = (
            "The printed 2015 total and the 2014 and 2011 totals that the printed growth "
            "rates imply (kind = 'derived', formula in `derivation`)."
        )
        unique = ["year"]
        metadata = {
            "order": 30,
            "locator": "§ Expenditure on IT, p. 31",
            "note": "Derived totals carry the rounding of the printed growth rates (whole per cent).",
        }

    @pa.dataframe_check(description="derivation is given exactly when kind is 'derived'")
    def derivation_iff_derived__derivation(cls, df: pd.DataFrame) -> pd.Series:
        return df["derivation"].notna() == (df["kind"] == "derived")


def process(raw: RawTable) -> pd.DataFrame:
    """The sheet holds the printed total and the printed growth rates; derive what they imply."""
    h = RAW.headers
    statements = raw.parse(h["kind"], one_of("total", "growth"))
    years = raw.parse(h["year"], p.year)
    bases = raw.parse(h["base_year"], p.optional(p.year))
    prov = frame(raw, RAW, {})
    parsers = {"total": p.kzt_billion, "growth": p.percent}  # the printed value is a total or a growth rate
    figures = [
        raw.check(row, h["total_kzt_bn"], parsers[s], cells[h["total_kzt_bn"]])
        for (row, cells), s in zip(raw.rows, statements)
    ]
    totals = {y: f for s, y, f in zip(statements, years, figures) if s == "total"}
    rows: list[tuple[int, Any, Any, str, str | None]] = []
    for row, s, y, base, figure in zip(raw.row_numbers, statements, years, bases, figures):
        if s == "total":
            rows.append((row, y, figure, "reported", None))
            continue
        growth = figure
        if y not in totals or base is None:
            raise raw.error(
                row, h["base_year"], "a growth rate needs a printed total for its year and a base year", found=base
            )
        implied = round(totals[y] / (1 + growth / 100), 1)
        rows.append(
            (
                row,
                base,
                implied,
                "derived",
                f"{totals[y]:g} / (1 + {growth:g}/100): {y} total and its printed growth of {growth:g}% over {base}",
            )
        )
    out = pd.DataFrame(rows, columns=["raw_row", "year", "total_kzt_bn", "kind", "derivation"]).set_index("raw_row")
    return out.join(prov)
