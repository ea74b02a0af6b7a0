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
# # Targets and outcomes: did Kazakhstan reach its ICT targets?
#
# The thesis lists the 13 targets of Information Kazakhstan 2020 (p. 34) and
# the goals of the 2010–2014 ICT programme (Figure 2). `indicator_outcomes`
# holds what happened, from public data files (grade `file`) and news or
# official statements (grade `press`, weaker). The scorecards are built from
# the two by the build — never typed by hand.

# %%
import kzict
from kzict import charts

card = kzict.load("ik2020_scorecard")
card[["target_id", "target", "target_value", "unit", "status", "outcome_value", "outcome_year",
      "nearest_year", "first_met_year", "grade"]]

# %%
card["status"].value_counts()

# %% [markdown]
# Each verdict has a one-line basis. `not_measured` means no comparable
# figure was found; it is never a guess.

# %%
for r in card.itertuples():
    print(f"{r.target_id:>2}. {r.status:<12} {r.basis}")

# %%
charts.ik2020_scorecard();

# %% [markdown]
# ## Internet users against the 75 % line
#
# A full series from the World Bank's WDI file (ITU data). The target was
# passed in 2017 and the 2020 figure is 85.9 %.

# %%
charts.internet_users();

# %% [markdown]
# ## E-government rank against the top-25 line
#
# The UN survey is biennial. The 2016, 2020 and 2022 ranks come from press
# statements (hollow markers); the target (top 25 in 2020) was not reached.

# %%
charts.egov_rank();

# %% [markdown]
# ## The 2010–2014 programme
#
# No comparable outcome figure was found for any of its six quantitative
# goals; the one near miss is the communications industry's share of GDP
# (about 2.5 % in 2014), a part of the ICT sector and not the sector itself.

# %%
kzict.load("ict_programme_scorecard")[["target_id", "target", "target_value", "unit", "status", "basis"]]

# %% [markdown]
# ## Every outcome figure, with its grade and note

# %%
kzict.load("indicator_outcomes")
