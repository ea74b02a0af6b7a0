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
# # The survey and the coding of the evidence
#
# Ch. 2 of Alibayev (2017): who took part (§ Population and Setting, p. 24)
# and how the interview evidence was coded (§ Data Analysis Strategy and
# Coding, p. 26).

# %%
import kzict
from kzict import plots

survey = kzict.load("survey_profile")
survey[["measure", "category", "statistic", "group", "printed", "unit"]]

# %% [markdown]
# The shares are printed without their base. Each block sums to 100, but none
# of them is a whole number of people out of 42 respondents (30 % of 42 is
# 12.6), nor out of 14 interviewees; the claims audit checks this.

# %%
shares = survey[survey["statistic"] == "share"]
shares.groupby("measure")["value"].sum()

# %%
plots.survey_profile();

# %% [markdown]
# ## Coding scheme
#
# Thirteen first-cycle labels, reduced to six final variables in two groups.
# The text does not say which labels merged into which variable, so the table
# records the two lists, not a mapping.

# %%
coding = kzict.load("coding_scheme")
coding.groupby(["stage", "group"], dropna=False).size()

# %%
plots.coding_scheme();
