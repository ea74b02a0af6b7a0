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
# # Transnational ties (Figures 4–6) and the Asadel fund
#
# Ch. 5 of Alibayev (2017) argues that entrepreneurs' ties abroad carry three
# channels — knowledge and innovation, outsourcing, access to finance — in both
# directions. The images of Figures 4–6 were lost in the text extraction;
# `transnational_channels` restates their argument from the text and the chart
# redraws them.

# %%
import kzict
from kzict import plots

kzict.load("transnational_channels")[["channel", "direction", "lead_actor", "mechanism", "figure"]]

# %%
plots.transnational_channels();

# %% [markdown]
# ## The Asadel Venture Fund (§ Access to Finance, p. 55)
#
# An example of capital attracted through ties abroad. The figures come from a
# Facebook post the thesis reports; its date is not printed.

# %%
kzict.load("asadel_fund")[["measure", "category", "statistic", "printed", "value", "unit"]]

# %%
plots.asadel_fund();
