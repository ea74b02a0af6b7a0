"""The business models of Kazakhstan's electronics firms, from the electronics paper's abstract."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, frame, locator, one_of, raw_input, source_id

TIERS = ["basic", "advanced"]  # tier, in order
CAPABILITIES = {  # capability column -> its header in the raw sheet
    "imports_foreign_technology": "Imports foreign technology",
    "imported_hardware": "Imported hardware",
    "in_house_software": "In-house software",
    "in_house_rnd": "In-house R&D",
    "domestic_hardware_development": "Domestic hardware development",
    "outsourced_component_production": "Outsourced component production",
    "in_house_design": "In-house design",
}
RAW = raw_input(
    "electronics_semiperiphery.xlsx",
    "BusinessModels",
    {"model_id": "Model", "model": "Label", "tier": "Tier", "technology_origin": "Technology origin", **CAPABILITIES},
)
_CAPABILITY: dict[str, Any] = dict(nullable=True, isin=["yes", "limited"], metadata={"unit": "category"})


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
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "electronics_business_models"
        title = "Business models of Kazakhstan's electronics firms"
        description = (
            "The four business models of the electronics paper as a typology (basic < advanced) with "
            "the capabilities the abstract states for each; what it does not state is NA."
        )
        unique = ["model_id"]
        metadata = {
            "order": 140,
            "locator": "long abstract, para. 2",
            "note": "From the paper's abstract only (fieldwork 2022-2023); one of the four models is not described "
            "there and is all NA. The order among the advanced models is not stated.",
            "printed_in": "electronics_semiperiphery",
        }


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    return frame(
        raw,
        RAW,
        {
            "model_id": raw.parse(h["model_id"], p.whole),
            "model": raw.parse(h["model"], p.optional_text),
            # typed here: pandera's coercion leaves a str column holding NaN as str
            "tier": pd.Categorical(raw.parse(h["tier"], p.optional(one_of(*TIERS))), categories=TIERS, ordered=True),
            "technology_origin": raw.parse(h["technology_origin"], p.optional_text),
            **{c: raw.parse(h[c], p.optional_text) for c in CAPABILITIES},
        },
    )
