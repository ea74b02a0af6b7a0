"""Kazakhstan against its peers, from the clean tables: :func:`peers`, :func:`wdi` and :func:`indicators`.

Runtime only: pandas and the clean data, never the build. Every value keeps the release (or edition) it
comes from, so a comparison that mixes releases says so in its own rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

KAZ = "KAZ"
GAP_YEARS = 2  # a peer's value more than this many years from Kazakhstan's is flagged, never hidden
WDI = "wdi_indicators"
DEFINITIONS = "wdi_definitions"  # the clean table of the WDI indicator-metadata companions, once built
# World Bank aggregates (regions, income groups, the world): not economies, so never ranked.
AGGREGATES = frozenset(
    "AFE AFW ARB CEB CSS EAP EAR EAS ECA ECS EMU EUU FCS HIC HPC IBD IBT IDA IDB IDX INX LAC LCN LDC LIC LMC LMY "
    "LTE MEA MIC MNA NAC OED OSS PRE PSS PST SAS SSA SSF SST TEA TEC TLA TMN TSA TSS UMC WLD".split()
)
# Index tables peers() reads by a short name: name -> (table, column). Any "table:column" works as well.
INDICES = {
    "egdi": ("egov_index", "egdi"),
    "egdi_rank": ("egov_index", "egdi_rank"),
    "egov_index": ("egov_index", "egdi"),
    "epart_index": ("egov_index", "epart_index"),
    "osi": ("egov_index", "osi"),
    "hci": ("egov_index", "hci"),
    "tii": ("egov_index", "tii"),
    "nri_index": ("nri_index", "rank"),
    "nri_rank": ("nri_index", "rank"),
    "nri_score": ("nri_index", "score"),
    "doing_business_rank": ("doing_business_rank", "rank"),
}
COLUMNS = [
    "iso3",
    "country",
    "indicator_code",
    "indicator",
    "year",
    "value",
    "unit",
    "release",
    "rank",
    "economies_ranked",
    "global_rank",
    "economies_reporting",
    "years_from_kaz",
    "gap_flag",
    "source_id",
    "locator",
]


def _load(name: str, data_dir) -> pd.DataFrame:
    import kzict

    return kzict.load(name, data_dir=data_dir)


def _observations(indicator: str, data_dir) -> tuple[pd.DataFrame, bool]:
    """Every (economy, year) value of ``indicator`` in the columns of :data:`COLUMNS`, and whether a
    smaller value ranks first (a rank column)."""
    import pandas as pd

    if ":" in indicator or indicator in INDICES:
        table, column = indicator.split(":", 1) if ":" in indicator else INDICES[indicator]
        df = _load(table, data_dir)
        units = df.attrs["units"]
        year = next((c for c, u in units.items() if u == "year"), None)
        if column not in df.columns or year is None or "iso3" not in df.columns or units[column] in ("id", "text"):
            raise ValueError(f"{table}:{column} is not a value by economy and year")
        edition = "report_edition" if "report_edition" in df.columns else year
        out = df.assign(
            indicator_code=f"{table}:{column}",
            indicator=f"{df.attrs['title']}: {column}",
            year=df[year].astype("int64"),
            value=df[column].astype("float64"),
            unit=units[column],
            release=df[edition].astype(str) if edition != year else "edition " + df[year].astype(str),
        )
        none = pd.Series(pd.NA, index=out.index, dtype="Int64")
        return out.assign(global_rank=none, economies_reporting=none), units[column] == "rank"
    df = _load(WDI, data_dir)
    out = df[df["indicator_code"] == indicator]
    if out.empty:
        from kzict.catalogue import did_you_mean

        known = sorted(df["indicator_code"].unique()) + sorted(INDICES)
        hint = did_you_mean(indicator, known)
        raise KeyError(f"kzict holds no indicator {indicator!r}{'; ' + hint if hint else ''} (see kzict.indicators())")
    return out.assign(release=out["release"].astype(object).where(out["release"].notna(), "not stated")), False


def peers(indicator: str, year: int | None = None, *, data_dir=None) -> pd.DataFrame:
    """Kazakhstan and every peer on one indicator: the latest value at or before ``year`` (default: the newest).

    ``indicator`` is a World Bank WDI code that ``wdi_indicators`` holds (``"IT.NET.USER.ZS"``), a short
    name of an index (``"egdi"``, ``"egdi_rank"``, ``"osi"``, ``"hci"``, ``"tii"``, ``"epart_index"``,
    ``"nri_rank"``, ``"nri_score"``, ``"doing_business_rank"``), or ``"table:column"`` for any clean
    table with ``iso3``, a year column and a numeric column (``"egov_index:egdi"``). For an index the
    year is its edition (Doing Business: the data year, its report in ``release``).

    The economies are Kazakhstan and the peers of ``wdi_indicators`` (aggregates excluded). One row per
    economy with a value: its ``year``, ``value``, ``unit``, ``release``, ``rank`` among the rows
    (1 = highest value, or best rank for a rank column; ``economies_ranked`` counted), ``years_from_kaz``
    (its year minus Kazakhstan's) and ``gap_flag`` (True when that exceeds two years either way).
    For a WDI code, ``global_rank`` is the economy's rank among all economies that report a value for that
    year in the file the value comes from, of ``economies_reporting`` (aggregates excluded); NA where that
    file does not hold every economy (``kzict ingest wdi WDI_CSV.zip --release ...`` adds one that does)
    and for an index. Kazakhstan comes first; ``df.attrs`` carries ``kaz_rank``, ``kaz_global_rank`` (with
    ``global_rank_note`` when NA), ``kaz_year`` and the ``releases`` used.
    """
    import pandas as pd

    obs, ascending = _observations(indicator, data_dir)
    wdi_frame = _load(WDI, data_dir)
    economies = [KAZ, *sorted(set(wdi_frame["iso3"]) - AGGREGATES - {KAZ})]
    obs = obs[obs["iso3"].isin(economies) & obs["value"].notna()]
    if year is not None:
        obs = obs[obs["year"] <= year]
    latest = obs.sort_values(["iso3", "year"]).groupby("iso3", sort=False).tail(1)
    kaz = latest.loc[latest["iso3"] == KAZ, "year"]
    kaz_year = int(kaz.iloc[0]) if len(kaz) else None
    out = latest.assign(
        rank=latest["value"].rank(method="min", ascending=ascending).astype("Int64"),
        economies_ranked=len(latest),
    )
    gap = latest["year"] - kaz_year if kaz_year is not None else pd.Series(pd.NA, index=latest.index)
    out["years_from_kaz"] = gap.astype("Int64")
    out["gap_flag"] = (out["years_from_kaz"].abs() > GAP_YEARS).astype("boolean")
    order = {iso: i for i, iso in enumerate(economies)}
    out = out.sort_values("iso3", key=lambda s: s.map(order))[COLUMNS].reset_index(drop=True)
    kaz_rank = out.loc[out["iso3"] == KAZ, "rank"]
    out["global_rank"] = out["global_rank"].astype("Int64")
    out["economies_reporting"] = out["economies_reporting"].astype("Int64")
    kaz_global = out.loc[out["iso3"] == KAZ, "global_rank"].dropna()
    out.attrs = {
        "indicator": indicator,
        "year": year,
        "kaz_year": kaz_year,
        "kaz_rank": int(kaz_rank.iloc[0]) if len(kaz_rank) else None,
        "kaz_global_rank": int(kaz_global.iloc[0]) if len(kaz_global) else None,
        "economies_ranked": len(out),
        "releases": sorted(set(out["release"].astype(str)), reverse=True),
        "rank_order": "smallest first" if ascending else "largest first",
    }
    if not len(kaz_global):
        out.attrs["global_rank_note"] = (
            "no global rank: the file Kazakhstan's value comes from does not hold every economy"
            if ":" not in indicator and indicator not in INDICES
            else "no global rank for an index: its table holds the peers only"
        )
    return out


def _years(years) -> set[int] | None:
    if years is None:
        return None
    if isinstance(years, int):
        return {years}
    if isinstance(years, tuple) and len(years) == 2:
        return set(range(years[0], years[1] + 1))
    return {int(y) for y in years}


def wdi(codes: str | Iterable[str], economies=None, years=None, wide: bool = True, *, data_dir=None) -> pd.DataFrame:
    """World Bank WDI values from ``wdi_indicators``, as wbgapi users expect.

    ``codes``: one indicator code or several; ``economies``: ISO3 codes (default all, aggregates included);
    ``years``: a year, ``(first, last)`` inclusive, or any iterable of years (default all). For one code
    and ``wide=True``: years (index) x economies (columns, ISO3), ``df.attrs["release"]`` giving each
    column's release (several, newest first, where the column mixes them) and ``attrs["country"]``,
    ``attrs["unit"]``, ``attrs["indicator"]``. Otherwise a long frame, one row per indicator, economy and
    year, with its release, snapshot and locator.
    """
    one = isinstance(codes, str)
    wanted = [codes] if isinstance(codes, str) else list(codes)
    df = _load(WDI, data_dir)
    unknown = [c for c in wanted if c not in set(df["indicator_code"])]
    if unknown:
        raise KeyError(f"not in wdi_indicators: {', '.join(unknown)} (see kzict.indicators())")
    keep = df["indicator_code"].isin(wanted)
    if economies is not None:
        chosen = [economies] if isinstance(economies, str) else list(economies)
        missing = sorted(set(chosen) - set(df["iso3"]))
        if missing:
            raise KeyError(f"wdi_indicators holds no economy {', '.join(missing)} (ISO3 codes: {WDI} 'iso3')")
        keep &= df["iso3"].isin(chosen)
    span = _years(years)
    if span is not None:
        keep &= df["year"].isin(span)
    long = df[keep].reset_index(drop=True)
    long.attrs = dict(df.attrs)
    if not (one and wide):
        return long
    table = long.pivot(index="year", columns="iso3", values="value")
    table.columns.name = "iso3"
    released = long.assign(release=long["release"].astype(object).fillna("not stated"))
    table.attrs = {
        "indicator_code": codes,
        "indicator": long["indicator"].iloc[0] if len(long) else "",
        "unit": long["unit"].iloc[0] if len(long) else "",
        "release": {
            iso: ", ".join(sorted(set(g["release"]), reverse=True)) for iso, g in released.groupby("iso3", sort=True)
        },
        "country": dict(zip(long["iso3"], long["country"])),
        "source": "wdi_indicators",
    }
    return table


def _definitions(data_dir) -> pd.DataFrame | None:
    """Definitions from the WDI indicator-metadata companions, where a clean table of them is built."""
    from kzict import _store

    return _load(DEFINITIONS, data_dir) if DEFINITIONS in _store.dataset_names(data_dir) else None


def indicators(q: str | None = None, *, data_dir=None) -> pd.DataFrame:
    """Every indicator code kzict holds: ``indicator_code``, ``indicator`` (name), ``unit``, ``definition``,
    ``source_organization`` and ``datasets`` (the tables that hold it, comma-separated).

    The codes are the WDI codes of ``wdi_indicators`` and ``wdi_vintages``, the outcome codes of
    ``indicator_outcomes`` and the index columns :func:`peers` reads (``egov_index:egdi``, ...).
    ``definition`` is the WDI metadata companion's text where a file gives one, else NA (never
    written by kzict). ``q`` keeps the rows in which every word of ``q`` occurs (case-insensitive)
    in the code, name, unit, definition, organisation or datasets.
    """
    import pandas as pd

    sources = _load("sources", data_dir).set_index("source_id")["author"]
    rows = []
    for table in ("wdi_indicators", "wdi_vintages"):
        df = _load(table, data_dir)
        for code, g in df.groupby("indicator_code", sort=True):
            rows.append((code, g["indicator"].iloc[-1], g["unit"].iloc[-1], sources.get("wb_wdi", ""), table))
    outcomes = _load("indicator_outcomes", data_dir)
    for code, g in outcomes.groupby("indicator", sort=True):
        ids = [s for s in dict.fromkeys(g["source_id"].dropna())]
        org = "; ".join(dict.fromkeys(str(sources.get(s, s)) for s in ids))
        rows.append((code, str(code).replace("_", " "), g["unit"].iloc[0], org or pd.NA, "indicator_outcomes"))
    for short, (table, column) in INDICES.items():
        if short != column and short not in ("nri_rank", "nri_score", "doing_business_rank"):
            continue
        df = _load(table, data_dir)
        org = "; ".join(dict.fromkeys(str(sources.get(s, s)) for s in df["source_id"].dropna()))
        name = f"{df.attrs['title']}: {column}"
        rows.append((f"{table}:{column}", name, df.attrs["units"][column], org, table))
    frame = pd.DataFrame(rows, columns=["indicator_code", "indicator", "unit", "source_organization", "datasets"])
    first = frame.groupby("indicator_code", sort=False).first().drop(columns="datasets")
    tables = frame.groupby("indicator_code", sort=False)["datasets"].agg(lambda s: ", ".join(dict.fromkeys(s)))
    out = first.join(tables).reset_index()
    out.insert(3, "definition", pd.Series(pd.NA, index=out.index, dtype="str"))
    defs = _definitions(data_dir)
    if defs is not None:
        text = defs.set_index("indicator_code")
        out["definition"] = out["indicator_code"].map(text["definition"]).astype("str")
        named = out["indicator_code"].map(text["source_organization"])
        out["source_organization"] = named.where(named.notna(), out["source_organization"])
    if q:
        words = [w.casefold() for w in re.split(r"\s+", q.strip()) if w]
        hay = out.fillna("").astype(str).agg(" ".join, axis=1).str.casefold()
        out = out[[all(w in h for w in words) for h in hay]]
    return out.sort_values("indicator_code", kind="stable").reset_index(drop=True)
