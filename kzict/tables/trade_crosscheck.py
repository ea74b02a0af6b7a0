"""Kazakhstan's ICT goods trade in US$ from the World Bank's shares, beside the thesis's p. 32 series."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.tables import _wdi as wdi_tables
from kzict.tables._fields import Strict
from kzict.tables._snapshot import source_id

INPUTS = ("wdi_vintages", "it_trade")


def _usd(description: str, nullable: bool = False) -> Any:
    return pa.Field(ge=0, nullable=nullable, description=description, metadata={"unit": "USD mn (current)"})


class TradeCrosscheck(pa.DataFrameModel):
    year: Series[int] = pa.Field(ge=1990, le=2035, description="Year of the flow.", metadata={"unit": "year"})
    flow: Series[str] = pa.Field(isin=["export", "import"], description="Trade flow.", metadata={"unit": "category"})
    ict_share_pct: Series[float] = pa.Field(
        ge=0,
        le=100,
        description="ICT goods as a share of total goods exports (or imports), WDI TX/TM.VAL.ICTG.ZS.UN.",
        metadata={"unit": "%"},
    )
    share_decimals: Series[int] = pa.Field(
        ge=0,
        description="The decimals the release publishes the share at (`decimals` of wdi_vintages).",
        metadata={"unit": "digits"},
    )
    merchandise_usd_mn: Series[float] = _usd("Merchandise exports (or imports), WDI TX/TM.VAL.MRCH.CD.WT")
    ict_goods_usd_mn: Series[float] = _usd("ICT goods exports (or imports): ict_share_pct / 100 x merchandise_usd_mn")
    ict_goods_low_usd_mn: Series[float] = _usd(
        "Lower bound of ict_goods_usd_mn from the share's printed precision: (ict_share_pct - half a unit of its "
        "last decimal, not below 0) / 100 x merchandise_usd_mn."
    )
    ict_goods_high_usd_mn: Series[float] = _usd(
        "Upper bound of ict_goods_usd_mn from the share's printed precision: (ict_share_pct + half a unit of its "
        "last decimal) / 100 x merchandise_usd_mn."
    )
    release: Series[str] = pa.Field(
        str_matches=r"^\d{4}-\d{2}-\d{2}$",
        description="The WDI release (Last Updated Date) both the share and the total come from.",
        metadata={"unit": "date"},
    )
    source_id: Series[str] = source_id()
    locator: Series[str] = pa.Field(
        description="The snapshot lines of the share and of the merchandise total.",
        metadata={"unit": "text"},
        str_length={"min_value": 1},
    )
    thesis_usd_mn: Series[float] = _usd(
        "The thesis's IT trade value for this year and (corrected) flow, from `it_trade`; NA where it prints none.",
        nullable=True,
    )
    thesis_printed_label: Series[str] = pa.Field(
        nullable=True,
        isin=["export", "import"],
        description="The flow the thesis's sentence attaches to that value.",
        metadata={"unit": "category"},
    )
    thesis_locator: Series[str] = pa.Field(
        nullable=True, description="Where the thesis prints that value.", metadata={"unit": "text"}
    )

    class Config(Strict):
        name = "trade_crosscheck"
        title = "ICT goods trade of Kazakhstan in US$: World Bank arithmetic beside the thesis"
        description = (
            "Kazakhstan's ICT goods exports and imports in US$ million, each the World Bank's ICT share of goods "
            "trade times merchandise trade of the same release, set beside the IT trade values the thesis prints "
            "on p. 32 (with kzict's corrected flow labels). Derived: no number is typed. The share is "
            "compiled by UNCTAD and the merchandise total by the WTO (as WDI's metadata gives their sources): "
            "the product is kzict's arithmetic on two compilers' figures, not a published value. Each row has "
            "bounds from the share's printed precision (half a unit of its last decimal either way)."
        )
        unique = ["flow", "year", "release"]
        metadata = {
            "order": 220,
            "printed_in": "wb_wdi",
            "locator": "Derived from wdi_vintages (data/raw/snapshots) and it_trade (§ Export and Import, p. 32)",
            "note": "An independent check on the export/import labels of the thesis's p. 32: the World Bank puts "
            "Kazakhstan's ICT goods imports several times above its exports. The thesis's IT trade may cover "
            "other things than goods: compare orders of magnitude, not values. The 2026 release prints the shares "
            "to 2 decimals: Kazakhstan's export shares of 2006-2008 (0.03 each) differ by 11 %, 14 % and 11 % "
            "from the 10-decimal shares of the open-numbers subset (0.0270577777, 0.0349786402, 0.0269884137), "
            "and 2005's (0.06) by 5 %; so do the US$ values computed from them. The bounds columns show "
            "how far the rounding alone leaves each value open.",
            "licence": "world-bank-cc-by-4.0",
        }


# flow -> (the ICT share of goods trade, the merchandise total it is a share of)
PAIRS = {"export": ("TX.VAL.ICTG.ZS.UN", "TX.VAL.MRCH.CD.WT"), "import": ("TM.VAL.ICTG.ZS.UN", "TM.VAL.MRCH.CD.WT")}


def process(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Kazakhstan's ICT goods trade in US$ m: ICT share x merchandise trade of the same release.

    Beside it, the thesis's p. 32 series (``it_trade``: value as printed, flow as corrected).
    Only releases that hold both the share and the merchandise total are used.
    """
    v = tables["wdi_vintages"]
    v = v[(v["iso3"] == "KAZ") & v["release"].notna()]
    frames = []
    for flow, (share_code, total_code) in PAIRS.items():
        share = v[v["indicator_code"] == share_code]
        total = v[v["indicator_code"] == total_code]
        both = share.merge(total, on=["release", "year"], suffixes=("_share", "_total"))
        half = 0.5 * 10.0 ** -both["decimals_share"].astype("float64")  # the printed share's rounding interval
        frames.append(
            pd.DataFrame(
                {
                    "year": both["year"].astype("int64"),
                    "flow": flow,
                    "ict_share_pct": both["value_share"],
                    "share_decimals": both["decimals_share"].astype("int64"),
                    "merchandise_usd_mn": both["value_total"] / 1e6,
                    "ict_goods_usd_mn": both["value_share"] / 100 * both["value_total"] / 1e6,
                    "ict_goods_low_usd_mn": (both["value_share"] - half).clip(lower=0)
                    / 100
                    * both["value_total"]
                    / 1e6,
                    "ict_goods_high_usd_mn": (both["value_share"] + half) / 100 * both["value_total"] / 1e6,
                    "release": both["release"],
                    "source_id": wdi_tables.SOURCE_ID,
                    "locator": both["locator_share"] + "; " + both["locator_total"],
                }
            )
        )
    out = pd.concat(frames, ignore_index=True)
    t = tables["it_trade"].rename(
        columns={"value_usd_mn": "thesis_usd_mn", "printed_label": "thesis_printed_label", "locator": "thesis_locator"}
    )[["year", "flow", "thesis_usd_mn", "thesis_printed_label", "thesis_locator"]]
    out = out.merge(t.astype({"year": "int64"}), on=["year", "flow"], how="outer")
    return out.sort_values(["flow", "year", "release"], ignore_index=True)
