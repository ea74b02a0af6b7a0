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
# country (2004–2008), so the comparison is loose.

# %%
t1 = kzict.load("ict_value_added")
table1 = t1.assign(share=t1["ict_share_pct"].map("{:.1f}%".format))[["country", "share", "year"]]
table1.columns = ["Country", "ICT producing sector, % of business value added", "Last available year"]
table1

# %% [markdown]
# Kazakhstan (6.3 %, 2006) ranks 8th of the 11 countries: below seven of the
# ten others, above Poland, Russia and Azerbaijan.

# %%
rank = t1["ict_share_pct"].rank(ascending=False, method="min").astype(int)
print("Kazakhstan's rank:", rank[t1["iso3"] == "KAZ"].item(), "of", len(t1))
charts.ict_value_added()

# %% [markdown]
# ## IT expenditure, 2015 (and the 2014 figure it is compared with)
#
# The thesis names five categories; together they are 81.3 % of the 2015
# total, so the rest of the spending is not broken down. Third-party services
# is the one category printed for both years.

# %%
shares = kzict.load("it_expenditure_structure")
shares.pivot(index="category", columns="year", values="share_pct").sort_values(2015, ascending=False)

# %%
charts.it_expenditure_structure()

# %% [markdown]
# ## Total IT expenditure
#
# Only the 2015 total is printed (KZT 375.6 bn). The 2014 and 2011 totals are
# what the printed growth rates (37 % over 2014, 43 % over 2011) imply; the
# `kind` and `derivation` columns say so. Note that the implied 2011 total is
# barely below the implied 2014 one.

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
# text extraction, and no public copy of its values was found (see
# `shared/reference/outcomes.md`). kzict therefore has no table for it.
