"""Table 1: the ICT producing sector's share of business value added, selected countries."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, frame, locator, pct, raw_input, source_id, year
from kzict.tables._snapshot import country, country_name

RAW = raw_input(
    "alibayev2017.xlsx",
    "Table1",
    {
        "country": "Country",
        "ict_share_pct": "ICT producing sector as % of total business value added",
        "year": "Last available year",
    },
    derived={"iso3": "country"},
)


# One spelling per iso3 in every table (the printed name, e.g. "Czech Republic", stays in the raw sheet).
COUNTRY = country("ISO 3166 short name; the raw sheet keeps the printed name")


class IctValueAdded(pa.DataFrameModel):
    country: Series[str] = COUNTRY
    iso3: Series[str] = pa.Field(
        str_matches=r"^[A-Z]{3}$",
        unique=True,
        description="ISO 3166-1 alpha-3 code (added by kzict, not printed).",
        metadata={"unit": "ISO 3166-1 alpha-3"},
    )
    year: Series[int] = year("Last available year of the figure, as printed.")
    ict_share_pct: Series[float] = pct("ICT producing sector as % of total business value added.")
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "ict_value_added"
        title = "ICT share of total business value added, selected countries"
        description = (
            "The ICT producing sector's share of total business value added, for the last "
            "available year of each country. One row per country, in the printed order."
        )
        unique = ["iso3"]
        metadata = {
            "order": 10,
            "rows": "printed",  # the printed order is the ranking
            "locator": "Table 1, p. 29",
            "note": "The thesis credits 'UNCSTADStat' (sic): UNCTADstat. ISO codes are added by kzict.",
        }


def _iso3(country: str) -> str:
    import pycountry

    try:
        return pycountry.countries.lookup(country).alpha_3
    except LookupError:
        raise ValueError("expected a country name that ISO 3166 knows") from None


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    return frame(
        raw,
        RAW,
        {
            "country": raw.parse(h["country"], lambda t: country_name(_iso3(p.text(t)))),
            "iso3": raw.parse(h["country"], _iso3),
            "year": raw.parse(h["year"], p.year),
            "ict_share_pct": raw.parse(h["ict_share_pct"], p.percent),
        },
    )
