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
# # A peer brief: Kazakhstan against its peers, indicator by indicator
#
# For every ICT indicator kzict tracks (the World Bank WDI codes with a value
# for Kazakhstan, the UN E-Government Survey, Doing Business and the WEF
# Networked Readiness Index), the latest value, its year and release, and
# Kazakhstan's rank among the peers that have a value (`kzict.peers`). Peers
# often stop earlier, or come from an older release: the table counts them, the
# captions name them. Every number below is computed from the data.

# %%
from IPython.display import Markdown

import kzict
from kzict import charts
from kzict.brief import peer_brief

brief = peer_brief()
ranked = brief[brief["economies_ranked"] >= 2]
brief[
    [
        "indicator_code",
        "indicator",
        "value",
        "unit",
        "year",
        "release",
        "rank",
        "economies_ranked",
        "peers_last_year",
        "peers_older_release",
        "peers_gap_flagged",
    ]
]

# %%
net = brief.set_index("indicator_code").loc["IT.NET.USER.ZS"]
egov = brief.set_index("indicator_code").loc["egdi_rank"]
db = brief.set_index("indicator_code").loc["doing_business_rank"]
older = int((ranked["peers_older_release"] > 0).sum())
Markdown(
    f"**In three lines.** Internet users reached {net['value']:.1f} % of the population in {net['year']} "
    f"(release {net['release']}): rank {net['rank']} of {net['economies_ranked']} economies with a value. "
    f"Kazakhstan ranks {egov['value']:.0f} on the UN E-Government Development Index ({egov['release']}), "
    f"{egov['rank']} of {egov['economies_ranked']} among these peers, and it ranked {db['value']:.0f} in "
    f"{db['release']}. {older} of the {len(ranked)} comparisons set Kazakhstan's value beside some peers' "
    "values from an older release; the table's last three columns say how many."
)

# %%
charts.FIGURES["wdi_indicators_peer_brief"]()

# %% [markdown]
# ## Internet users and mobile subscriptions
#
# The latest value of each economy, with its year: a bar hatched when its year
# is more than two years from Kazakhstan's.

# %%
users = kzict.peers("IT.NET.USER.ZS")
Markdown(
    "Releases compared: " + ", ".join(users.attrs["releases"]) + f". Kazakhstan's year: {users.attrs['kaz_year']}; "
    f"flagged gaps: {', '.join(users.loc[users['gap_flag'], 'country']) or 'none'}."
)

# %%
charts.FIGURES["wdi_indicators_peer_internet_users"]()

# %%
mobile = kzict.peers("IT.CEL.SETS.P2")
kaz = mobile.iloc[0]
peer_releases = sorted(set(mobile["release"][1:]))
Markdown(
    f"Kazakhstan's mobile subscriptions ({kaz['value']:.1f} per 100 people in {kaz['year']}) come from release "
    f"{kaz['release']}; its peers' from {', '.join(peer_releases)}."
)

# %%
charts.FIGURES["wdi_indicators_peer_mobile"]()
