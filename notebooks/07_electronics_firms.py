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
# # Kazakhstan's electronics firms: four business models
#
# From the abstract of an accepted conference paper (fieldwork interviews in
# Kazakhstan, 2022–2023; authors and year not stated). The abstract names four
# business models but describes only some of them; what it does not state is
# NA ("not stated" in the chart), never a guess.

# %%
import kzict
from kzict import plots

models = kzict.load("electronics_business_models")
models.drop(columns=["source_id", "locator"])

# %% [markdown]
# `tier` is an ordered category (basic < advanced), the only order the
# abstract gives: it runs from localising imported technology to models that
# add in-house R&D and software, one of them a fabless firm.

# %%
models.sort_values("tier")[["model_id", "model", "tier"]]

# %%
plots.electronics_business_models();
