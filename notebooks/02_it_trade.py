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
# § Export and Import, p. 32 of Alibayev (2017). The text prints a few values
# and skips a year. Missing years stay missing: they are gaps in the chart,
# never zeros.

# %%
import kzict
from kzict import charts

trade = kzict.load("it_trade")
missing = sorted(set(range(trade["year"].min(), trade["year"].max() + 1)) - set(trade["year"]))
print(f"{len(trade)} values for {trade['year'].nunique()} years; no figure for {missing}")
trade

# %% [markdown]
# ## The labels in the print contradict the print
#
# The thesis attaches "export" to the larger series and "import" to the
# smaller one, and in the same paragraph says by how many times imports
# exceeded exports (the ratios below, from the claims audit). Those ratios
# hold only with the labels swapped. kzict keeps the printed label in `printed_label` and
# publishes the corrected `flow`; the correction is recorded, with its
# evidence, in `kzict.corrections()`.

# %%
v = trade.set_index(["year", "flow"])["value_usd_mn"]
audit = kzict.audit()
for c in audit[audit["claim_id"].str.startswith("ch3-import-over-export")].itertuples():
    year, printed = int(c.claim_id.rsplit("-", 1)[1]), c.printed
    ratio = v[(year, "import")] / v[(year, "export")]
    print(
        f"{year}: imports / exports = {ratio:.2f} (printed: {printed} times; "
        f"with the printed labels it would be {1 / ratio:.2f})"
    )

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
# goods: a comparison, never a substitute. They are of the order of the
# smaller printed series, the one the correction calls exports, and far below
# the larger one:

# %%
outcomes = kzict.load("indicator_outcomes")
services = outcomes[outcomes["indicator"] == "ict_service_exports_usd_mn"][["year", "value", "grade", "note"]]
flows = trade.groupby("flow")["value_usd_mn"]
print(
    f"World Bank ICT service exports: USD {services['value'].min():,.0f}-{services['value'].max():,.0f} mn a year; "
    + "; ".join(f"thesis {f}s: USD {lo:,.1f}-{hi:,.1f} mn" for f, (lo, hi) in flows.agg(["min", "max"]).iterrows())
)
services.merge(trade.pivot(index="year", columns="flow", values="value_usd_mn").reset_index(), on="year", how="left")

# %%
charts.it_trade_vs_services()
