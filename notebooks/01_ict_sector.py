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
# # Kazakhstan's ICT sector: value added and IT spending
#
# Rebuilds Table 1 (p. 29) and the IT expenditure figures (§ Expenditure on IT,
# p. 31) of Alibayev (2017) from the clean data. Everything comes through
# `kzict`; nothing is read from a path.

# %%
import kzict
from kzict import charts

print(kzict.describe("ict_value_added"))

# %% [markdown]
# ## Table 1 — ICT share of total business value added
#
# The printed table, formatted as printed: share with one decimal and the last
# year for which the country had a figure. The years differ from country to
# country, so the comparison is loose.

# %%
t1 = kzict.load("ict_value_added")
print(f"Last available years: {t1['year'].min()}-{t1['year'].max()}")
table1 = t1.assign(share=t1["ict_share_pct"].map("{:.1f}%".format))[["country", "share", "year"]]
table1.columns = ["Country", "ICT producing sector, % of business value added", "Last available year"]
table1

# %% [markdown]
# Where Kazakhstan stands among the countries of the table:

# %%
from IPython.display import Markdown

from kzict.charts.style import ordinal

ranked = t1.assign(rank=t1["ict_share_pct"].rank(ascending=False, method="min").astype(int)).sort_values("rank")
kaz = ranked[ranked["iso3"] == "KAZ"].iloc[0]
below = ranked[ranked["rank"] > kaz["rank"]]["country"]
Markdown(
    f"Kazakhstan ({kaz.ict_share_pct:.1f} %, {kaz.year}) ranks {ordinal(kaz['rank'])} of the {len(t1)} countries: "
    f"below {kaz['rank'] - 1} of the {len(t1) - 1} others, above {', '.join(below)}."
)

# %%
charts.ict_value_added()

# %% [markdown]
# ## IT expenditure by category
#
# The thesis names only some categories, so the rest of the spending is not
# broken down; one category is also printed for the year before.

# %%
shares = kzict.load("it_expenditure_structure")
wide = shares.pivot(index="category", columns="year", values="share_pct")
latest = wide.columns.max()
both = wide.dropna().index.tolist()
print(
    f"{len(wide)} categories named for {latest}, together {wide[latest].sum():.1f} % of the total; "
    f"printed for both years: {', '.join(both)}"
)
wide.sort_values(latest, ascending=False)

# %%
charts.it_expenditure_structure()

# %% [markdown]
# ## Total IT expenditure
#
# One total is printed; the others are what the printed growth rates imply.
# The `kind` and `derivation` columns say which is which. Note that the
# implied 2011 total is barely below the implied 2014 one.

# %%
kzict.load("it_expenditure_total")

# %% [markdown]
# ## Single figures of Ch. 3
#
# The other sourced numbers of the chapter, grouped so that each comparison is
# like with like (each group has its own base: value added, the ICT sector,
# population coverage, goods sold, trade). Qualifiers such as "approximately"
# are kept in `printed`.

# %%
kzict.load("sector_facts")[["fact_id", "geography", "year", "period", "printed", "unit", "source_id"]]

# %%
charts.sector_facts()

# %% [markdown]
# ## Figure 1: a known gap
#
# Figure 1 (p. 29, "Distribution of ICT expenditure in the world and in
# Kazakhstan", credited to OECD 2010) was an image that did not survive the
# text extraction, and no public copy of its values was found. kzict
# therefore has no table for it.
