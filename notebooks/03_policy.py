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
# # ICT policy: targets, programme goals, documents and rankings
#
# ## Information Kazakhstan 2020: the targets
#
# § The National ICT Policy, p. 34 of Alibayev (2017). The programme ran in
# two steps and listed target indicators to reach by its end: ranks (lower is
# better: "top N" means a rank of at most N) and shares in per cent (to be
# reached or exceeded). How many of each, from the data, is counted below.

# %%
import kzict
from kzict import charts

targets = kzict.load("ik2020_targets")
targets[["indicator_id", "indicator", "target_value", "unit", "comparison", "target_year"]]

# %%
targets.groupby(["unit", "comparison"]).size()

# %%
charts.ik2020_targets()

# %% [markdown]
# ## Programme goals, policy documents and rankings
#
# Figure 2 (p. 33), Figure 3 (p. 35) and the international rankings
# (§ Recent Tendencies, p. 33) of Alibayev (2017), rebuilt through `kzict`.

# %% [markdown]
# ### Figure 2 — the ICT Programme 2010–2014
#
# Some goals are quantitative (the sector's size in KZT bn, its share of GDP,
# and four local-content shares); the rest of the figure is qualitative
# (industry structure and an OECD survey of skills) and is kept as text, with
# the numeric columns NA.

# %%
prog = kzict.load("ict_programme_2010_2014")
prog[["goal_id", "goal", "printed_2009", "printed_2014", "value_2009", "target_2014", "unit"]]

# %%
charts.ict_programme_2010_2014()

# %% [markdown]
# ### Figure 3 — major ICT policy documents
#
# Dates keep their printed precision: the Park of Innovation Technologies
# decree is dated by its year only, so it is stored as `2011` and drawn as a
# span over that year.

# %%
kzict.load("ict_policy_documents")[["doc_id", "date", "date_precision", "legal_act", "responsible_body"]]

# %%
charts.ict_policy_documents()

# %% [markdown]
# ### International rankings
#
# One row per statement of the thesis. One Networked Readiness rank
# is printed twice, once as the Global Information Technology Report's, where
# the number of countries ranked is also given (the chart's subtitle names it).

# %%
ranks = kzict.load("ict_rankings")
ranks.assign(percentile=(100 * ranks["rank"] / ranks["countries_ranked"]).round(1))

# %%
charts.ict_rankings()
