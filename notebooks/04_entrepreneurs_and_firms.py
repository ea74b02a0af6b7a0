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
# # Entrepreneurs and firms: the survey, the coding, transnational ties, electronics firms
#
# ## The survey and the coding of the evidence
#
# Ch. 2 of Alibayev (2017): who took part (§ Population and Setting, p. 24)
# and how the interview evidence was coded (§ Data Analysis Strategy and
# Coding, p. 26).

# %%
import kzict
from kzict import charts

survey = kzict.load("survey_profile")
survey[["measure", "category", "statistic", "group", "printed", "unit"]]

# %% [markdown]
# The shares are printed without their base. Do they sum to 100, and is each
# block a whole number of the people surveyed or interviewed? The claims audit
# recomputes both; its verdicts, as the data give them:

# %%
from IPython.display import Markdown

shares = survey[survey["statistic"] == "share"]
sums = shares.groupby("measure", sort=False)["value"].sum()
audit = kzict.audit().set_index("claim_id")
lines = []
for measure, total in sums.items():
    claim = audit.loc[f"ch2-{measure.split('_')[0]}-whole-counts"]
    lines.append(
        f"- **{measure.replace('_', ' ')}**: sums to {total:g} %; {claim['explanation']} Audit: *{claim['status']}*."
    )
Markdown("\n".join(lines))

# %%
charts.survey_profile()

# %% [markdown]
# ### Coding scheme
#
# First-cycle labels, reduced to final variables in two groups. The text does
# not say which labels merged into which variable, so the table records the two
# lists, not a mapping.

# %%
coding = kzict.load("coding_scheme")
stages = coding["stage"].value_counts()
print(
    f"{stages['first cycle']} first-cycle labels -> {stages['final']} final variables "
    f"in {coding.loc[coding['stage'] == 'final', 'group'].nunique()} groups"
)
coding.groupby(["stage", "group"], dropna=False).size()

# %%
charts.coding_scheme()

# %% [markdown]
# ## Transnational ties (Figures 4–6) and the Asadel fund
#
# Ch. 5 of Alibayev (2017) argues that entrepreneurs' ties abroad carry three
# channels — knowledge and innovation, outsourcing, access to finance — in both
# directions. The images of Figures 4–6 were lost in the text extraction;
# `transnational_channels` restates their argument from the text and the chart
# redraws them.

# %%
kzict.load("transnational_channels")[["channel", "direction", "lead_actor", "mechanism", "figure"]]

# %%
charts.transnational_channels()

# %% [markdown]
# ### The Asadel Venture Fund (§ Access to Finance, p. 55)
#
# An example of capital attracted through ties abroad. The figures come from a
# Facebook post the thesis reports; its date is not printed.

# %%
kzict.load("asadel_fund")[["measure", "category", "statistic", "printed", "value", "unit"]]

# %%
charts.asadel_fund()

# %% [markdown]
# ## Kazakhstan's electronics firms: four business models
#
# From the abstract of an accepted conference paper (fieldwork interviews in
# Kazakhstan, 2022–2023; authors and year not stated). The abstract names four
# business models but describes only some of them; what it does not state is
# NA ("not stated" in the chart), never a guess.

# %%
models = kzict.load("electronics_business_models")
models.drop(columns=["source_id", "locator"])

# %% [markdown]
# `tier` is an ordered category (basic < advanced), the only order the
# abstract gives: it runs from localising imported technology to models that
# add in-house R&D and software, one of them a fabless firm.

# %%
models.sort_values("tier")[["model_id", "model", "tier"]]

# %%
charts.electronics_business_models()
