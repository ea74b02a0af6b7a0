"""Figures 4-6: the channels of transnational ties and who leads each flow."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.readers import parse as p
from kzict.readers.parse import RawTable
from kzict.tables._fields import Strict, frame, locator, raw_input, source_id

RAW = raw_input(
    "alibayev2017.xlsx",
    "Channels",
    {
        "channel": "Channel",
        "direction": "Direction",
        "lead_actor": "Lead actor",
        "mechanism": "Mechanism",
        "figure": "Figure",
    },
)


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
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "transnational_channels"
        title = "Channels of transnational ties and who leads them (Figures 4-6)"
        description = (
            "For each channel of Ch. 5 and each direction, the actor the thesis says leads the flow. "
            "The images of Figures 4-6 were lost in the text extraction; this table restates their "
            "argument from the text."
        )
        unique = ["channel", "direction"]
        metadata = {
            "order": 130,
            "rows": "printed",
            "locator": "Ch. 5, pp. 47-58",
            "note": "Mechanisms are kzict's summaries of the text, not quotations.",
        }


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    return frame(
        raw, RAW, {c: raw.parse(h[c], p.text) for c in ("channel", "direction", "lead_actor", "mechanism", "figure")}
    )
