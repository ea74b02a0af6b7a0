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
# # Public statements: what officials and the press say, against the data
#
# Ministers, the President's addresses, agencies and the press state numbers
# about Kazakhstan's ICT sector. `data/raw/statements.yaml` records each
# with its quote, speaker, date and page, and what it claims in data terms:
# a kind (`level`, `multiple`, `change_pct`, `rank`, `reached_by`, ...), the
# dataset, indicator, economy and year, and the value as printed. The build
# holds each against kzict's tables; `kzict.statements()` returns the result.

# %%
import kzict
from kzict import charts

st = kzict.statements()
st["verdict"].value_counts()

# %% [markdown]
# A verdict is `consistent`, `inconsistent` or `unverifiable`, never a
# guess. Unverifiable means the data lack the economy, the year or the series,
# or the statement's definition differs from the series' (`definition`).
# The tolerance is half a unit of the value's last printed digit plus 1 % of
# it, for revisions between releases; ranks are exact. The thesis audit uses
# the same rule (`kzict.tolerance`), without the revision allowance.

# %%
st[["id", "speaker", "date", "kind", "indicator", "year", "value", "data_value", "verdict", "definition"]]

# %% [markdown]
# ## What does not hold
#
# Each inconsistent statement, with the computation behind its verdict.

# %%
for r in kzict.statements("inconsistent").itertuples():
    print(f"{r.id:<5} {r.speaker[:60]}\n      {r.reason}\n")

# %% [markdown]
# ## What the data cannot say
#
# Most unverifiable statements need data kzict does not hold (a year after
# the newest release, the ITU ICT Development Index, national statistics),
# or use another definition: the national "IT exports" are a part of the
# balance of payments' ICT services, so the whole bounds them on one side
# only.

# %%
unverifiable = kzict.statements("unverifiable")
unverifiable[["id", "definition", "reason"]]

# %% [markdown]
# ## Claimed against measured
#
# The `level` statements that the data give a figure for, on log scales (the
# units differ from statement to statement): a point on the diagonal is a
# claim the data repeat.

# %%
charts.public_statements_levels()
