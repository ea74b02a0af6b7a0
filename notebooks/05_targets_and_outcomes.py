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
# The thesis lists the targets of Information Kazakhstan 2020 (p. 34) and
# the goals of the 2010–2014 ICT programme (Figure 2). `indicator_outcomes`
# holds what happened, from public data files (grade `file`) and news or
# official statements (grade `press`, weaker). The scorecards are built from
# the two by the build — never typed by hand.

# %%
import kzict
from kzict import charts

card = kzict.load("ik2020_scorecard")
card[
    [
        "target_id",
        "target",
        "target_value",
        "unit",
        "status",
        "comparability",
        "outcome_value",
        "outcome_year",
        "nearest_year",
        "first_met_year",
        "grade",
    ]
]

# %%
card["status"].value_counts()

# %% [markdown]
# Each verdict has a one-line basis. `comparability` says what the verdict
# rests on: the target's own measure (`same_definition`), a related measure
# standing in for it (`proxy`), or nothing comparable (`none`:
# `not_measured`, never a guess). A proxy decides a verdict only where it
# bounds the target's own measure in that direction; otherwise the target is
# `not_measured` and the basis records the proxies' figures. The share of
# households that used e-government bounds neither the share of services
# delivered electronically (target 12) nor their ratio to traditional
# delivery (13), and the share of services *offered* electronically points
# the other way; the survey's digital literacy is not known to bound the
# programme's ICT literacy (9), and its 2021 figure is for ages 6 and over.

# %%
for r in card.itertuples():
    print(f"{r.target_id:>2}. {r.status:<12} {r.basis}")

# %%
charts.ik2020_scorecard()

# %% [markdown]
# ## Internet users against the target line
#
# A full series from the World Bank's WDI file (ITU data).

# %%
outcomes = kzict.load("indicator_outcomes")
net = card.set_index("outcome_indicator").loc["internet_users_pct"]
print(
    f"Target {net.target_id}: at least {net.target_value:g} % by {net.target_year}; first met in "
    f"{net.first_met_year}; {net.outcome_year} figure {net.outcome_value:.1f} % ({net.status})"
)

# %%
charts.internet_users()

# %% [markdown]
# ## E-government rank against the target line
#
# The UN survey is biennial. Some ranks come from press statements (hollow
# markers), the others from the UN's data files.

# %%
egov = outcomes[outcomes["indicator"] == "egov_rank"]
t = card.set_index("outcome_indicator").loc["egov_rank"]
print(
    f"Target {t.target_id}: rank at most {t.target_value:g} in {t.target_year}: {t.status}; "
    f"ranks from press statements: {', '.join(map(str, egov.loc[egov['grade'] == 'press', 'year']))}"
)

# %%
charts.egov_rank()

# %% [markdown]
# ## The 2010–2014 programme
#
# No comparable outcome figure was found for any of its quantitative goals;
# the one near miss is the communications industry's share of GDP, a part of
# the ICT sector and not the sector itself.

# %%
comm = outcomes[outcomes["indicator"] == "communications_share_gdp_pct"].iloc[0]
print(f"Communications industry, share of GDP: {comm.printed} in {comm.year} ({comm.grade} grade)")

# %%
kzict.load("ict_programme_scorecard")[["target_id", "target", "target_value", "unit", "status", "basis"]]

# %% [markdown]
# ## Every outcome figure, with its grade and note

# %%
kzict.load("indicator_outcomes")
