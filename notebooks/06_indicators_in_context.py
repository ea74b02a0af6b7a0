# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Kazakhstan's ICT indicators in context, 1990–2024
#
# The thesis's numbers stop in 2015. Public data files carry the story on and
# put Kazakhstan beside its peers: World Bank World Development Indicators (WDI,
# bulk downloads of several releases), the UN E-Government Survey 2010–2024 and
# the WEF Networked Readiness Index 2012–2016. Each file is a verbatim snapshot
# in `data/raw/snapshots/`, checked against its sha256 before it is read; every
# row names its file and line (`locator`). Every number below is printed from
# the data.

# %%
import kzict
from kzict import charts

wdi = kzict.load("wdi_indicators")
kaz = wdi[wdi["iso3"] == "KAZ"]
print(
    f"wdi_indicators: {len(wdi):,} values, {wdi['indicator_code'].nunique()} indicators, "
    f"{wdi['iso3'].nunique()} economies; Kazakhstan {kaz['year'].min()}-{kaz['year'].max()}, "
    f"releases {', '.join(sorted(wdi['release'].dropna().unique()))}"
)
kaz.groupby(["indicator_code", "unit"])["year"].agg(["min", "max", "count"])

# %% [markdown]
# ## ICT goods in trade
#
# ICT goods are a small share of what Kazakhstan exports and a share of its
# imports close to its peers':


# %%
def share(code, year, iso3="KAZ"):
    row = wdi[(wdi["indicator_code"] == code) & (wdi["iso3"] == iso3) & (wdi["year"] == year)]
    return row["value"].iloc[0], row["release"].iloc[0]


last = int(kaz.loc[kaz["indicator_code"] == "TX.VAL.ICTG.ZS.UN", "year"].max())
for year in (2014, last):
    (x, rel), (m, _) = share("TX.VAL.ICTG.ZS.UN", year), share("TM.VAL.ICTG.ZS.UN", year)
    print(f"{year}: ICT goods {x:.2f} % of goods exports, {m:.2f} % of goods imports (release {rel})")

# %%
charts.FIGURES["wdi_indicators_ict_goods_trade"]()

# %% [markdown]
# ## ICT service exports
#
# The World Bank's ICT service exports (balance of payments) grew slowly
# through the thesis's years and then quickly:

# %%
svc = kaz[kaz["indicator_code"] == "BX.GSR.CCIS.CD"].set_index("year")
first, end = 2014, int(svc.index.max())
print(
    f"ICT service exports: USD {svc.loc[first, 'value'] / 1e6:,.0f} mn in {first}, "
    f"{svc.loc[end, 'value'] / 1e6:,.0f} mn in {end} "
    f"({svc.loc[end, 'value'] / svc.loc[first, 'value']:.1f} times; release {svc.loc[end, 'release']})"
)

# %%
charts.FIGURES["wdi_indicators_ict_service_exports"]()

# %% [markdown]
# ## Connectivity: internet users and fixed broadband

# %%
for code in ("IT.NET.USER.ZS", "IT.NET.BBND.P2"):
    s = kaz[kaz["indicator_code"] == code].set_index("year")
    y = int(s.index.max())
    print(f"{s['indicator'].iloc[0]}: {s.loc[y, 'value']:.1f} ({s['unit'].iloc[0]}) in {y}")

# %%
charts.FIGURES["wdi_indicators_connectivity"]()

# %% [markdown]
# ## Mobile subscriptions, and how a release revises a series
#
# `wdi_vintages` keeps every value as each release published it.
# Kazakhstan's mobile subscriptions were revised down sharply after 2017:

# %%
vint = kzict.load("wdi_vintages")
mob = vint[(vint["indicator_code"] == "IT.CEL.SETS.P2") & (vint["iso3"] == "KAZ")]
revisions = mob.pivot(index="year", columns="release", values="value").dropna()
revisions.loc[2010:2016].round(1)

# %%
charts.FIGURES["wdi_vintages_mobile_revision"]()

# %% [markdown]
# ## E-government: the UN E-Government Development Index
#
# The editions from 2020 come from UN DESA's data-centre files (2024: a copy a
# third party reformatted); `file_format` and `file_note` say so on each row.

# %%
egov = kzict.load("egov_index")
egov[egov["iso3"] == "KAZ"].drop(columns=["source_id", "file_note"])

# %%
charts.FIGURES["egov_index_peers"]()

# %% [markdown]
# ## Networked readiness: the WEF index, 2012–2016

# %%
nri = kzict.load("nri_index")
nri[nri["iso3"] == "KAZ"][["edition", "rank", "economies_ranked", "score"]]

# %%
charts.FIGURES["nri_index_peers"]()

# %% [markdown]
# ## An independent check on the export/import labels of p. 32
#
# The thesis prints the larger IT trade series as exports and the smaller as
# imports; kzict swaps the labels because the thesis's own ratios hold only
# with the swap (notebook 02). The World Bank gives an independent check:
# ICT goods exports and imports in US$, each the ICT share of goods trade times
# merchandise trade from the same release.

# %%
x = kzict.load("trade_crosscheck")
both = x.dropna(subset=["thesis_usd_mn"])
both[["year", "flow", "ict_goods_usd_mn", "thesis_usd_mn", "thesis_printed_label", "release"]].round(1)

# %%
w = x.pivot_table(index="year", columns="flow", values="ict_goods_usd_mn")
years = sorted(both["year"].unique())  # the years the thesis prints: every range below is over these
span = w.loc[years]
ratio = span["import"] / span["export"]
thesis = both[both["flow"] == "import"].set_index("year")["thesis_usd_mn"]
world_bank = w.loc[thesis.index, "import"]
printed = ", ".join(str(y) for y in years[:-1]) + f" and {years[-1]}"
print(
    f"World Bank, in {printed}: ICT goods imports {ratio.min():.1f}-{ratio.max():.1f} times exports; "
    f"imports USD {span['import'].min():,.0f}-{span['import'].max():,.0f} mn, "
    f"exports USD {span['export'].min():,.0f}-{span['export'].max():,.0f} mn a year."
)
print(
    "The thesis's larger series (printed as 'export'): "
    + ", ".join(f"{y}: {v:,.1f} vs World Bank imports {world_bank[y]:,.1f}" for y, v in thesis.items())
)

# %% [markdown]
# In every year the World Bank's arithmetic puts Kazakhstan's ICT goods
# imports several times above its exports (the ratios above), and the
# thesis's larger series sits at the level of the World Bank's imports,
# its smaller series at the level of the exports. Independent evidence, from
# another publisher, agrees with the correction: the larger series is imports.
# The two measures differ in scope (the thesis's "IT trade" is not defined in
# the text), so the check speaks to orders of magnitude and to the direction of
# trade, not to the exact values.

# %%
charts.FIGURES["trade_crosscheck"]()

# %% [markdown]
# ## Context for Table 1
#
# Table 1 of the thesis ranks Kazakhstan's ICT share of business value added
# among the economies of the table, each in one year. The WDI files give the
# same economies' ICT goods and service export shares in those years:

# %%
t1 = kzict.load("ict_value_added")[["country", "iso3", "year", "ict_share_pct"]]
for code, col in (("TX.VAL.ICTG.ZS.UN", "ict_goods_export_pct"), ("BX.GSR.CCIS.ZS", "ict_service_export_pct")):
    s = wdi[wdi["indicator_code"] == code][["iso3", "year", "value"]].rename(columns={"value": col})
    t1 = t1.merge(s, on=["iso3", "year"], how="left")
ranks = t1.set_index("country").rank(ascending=False, numeric_only=True).loc["Kazakhstan"]
print(
    f"Kazakhstan among the {len(t1)} Table 1 economies: rank {ranks['ict_share_pct']:.0f} on ICT value added, "
    f"{ranks['ict_goods_export_pct']:.0f} on ICT goods export share, "
    f"{ranks['ict_service_export_pct']:.0f} of {t1['ict_service_export_pct'].notna().sum()} on ICT service export share"
)
t1.round(2)

# %%
charts.FIGURES["wdi_indicators_table1_context"]()
