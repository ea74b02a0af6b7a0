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
# # IT exports and imports, 2011–2015
#
# § Export and Import, p. 32 of Alibayev (2017). The text prints six values,
# for four years; 2012 has none. Missing years stay missing: they are gaps in
# the chart, never zeros.

# %%
import kzict
from kzict import charts

trade = kzict.load("it_trade")
trade

# %% [markdown]
# ## The labels in the print contradict the print
#
# The thesis attaches "export" to the larger series (USD 2,990.2 mn in 2014)
# and "import" to the smaller one, and in the same paragraph says imports
# exceeded exports 7.5-fold (2014) and 18.5-fold (2015). Those ratios hold only
# with the labels swapped. kzict keeps the printed label in `printed_label` and
# publishes the corrected `flow`; the correction is recorded, with its
# evidence, in `kzict.corrections()`.

# %%
v = trade.set_index(["year", "flow"])["value_usd_mn"]
for year, printed in ((2014, 7.5), (2015, 18.5)):
    ratio = v[(year, "import")] / v[(year, "export")]
    print(f"{year}: imports / exports = {ratio:.2f} (printed: {printed} times; "
          f"with the printed labels it would be {1 / ratio:.2f})")

# %%
corr = kzict.corrections()
corr[corr["dataset"] == "it_trade"][["correction_id", "key", "printed", "used"]]

# %%
print(corr["evidence"].iloc[0])

# %%
charts.it_trade()

# %% [markdown]
# ## A comparison series: World Bank ICT service exports
#
# The World Bank's ICT service exports (balance of payments, services only)
# are a different measure from the thesis's IT trade, which probably includes
# goods: a comparison, never a substitute. They run at USD 94–147 million a
# year — the order of the smaller printed series, the one the correction calls
# exports, and far below the larger one (USD 1.9–3.0 billion).

# %%
outcomes = kzict.load("indicator_outcomes")
services = outcomes[outcomes["indicator"] == "ict_service_exports_usd_mn"][["year", "value", "grade", "note"]]
services.merge(trade.pivot(index="year", columns="flow", values="value_usd_mn").reset_index(), on="year", how="left")

# %%
charts.it_trade_vs_services()
