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
# # Information Kazakhstan 2020: the 13 targets
#
# § The National ICT Policy, p. 34 of Alibayev (2017). The programme ran in
# two steps (2013–2017, 2018–2020) and listed 13 indicators to reach by its
# end. Two are ranks (lower is better: "top 35" means a rank of at most 35),
# eleven are shares in per cent (to be reached or exceeded).

# %%
import kzict
from kzict import plots

targets = kzict.load("ik2020_targets")
targets[["indicator_id", "indicator", "target_value", "unit", "comparison", "target_year"]]

# %%
targets.groupby(["unit", "comparison"]).size()

# %%
plots.ik2020_targets();
