"""One function per chart, shared by the notebooks and ``python -m kzict.figures``.

Each function takes the clean table (loaded through ``kzict.load`` when not
given) and returns a matplotlib Figure in the house style, with a title, axis
labels with units and a source caption built from the dataset's metadata. The
charts are grouped by theme, one module per notebook; no function changes the
matplotlib backend, so a notebook shows whatever it displays.

>>> from kzict import charts
>>> fig = charts.it_trade()      # a Figure; a notebook shows it as the cell's last expression
"""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.figure import Figure

from kzict.charts import entrepreneurs, indicators, outcomes, policy, sector, statements, trade
from kzict.charts.entrepreneurs import (
    asadel_fund,
    coding_scheme,
    electronics_business_models,
    survey_profile,
    transnational_channels,
)
from kzict.charts.outcomes import egov_rank, ik2020_scorecard, internet_users
from kzict.charts.policy import ict_policy_documents, ict_programme_2010_2014, ict_rankings, ik2020_targets
from kzict.charts.sector import ict_value_added, it_expenditure_structure, sector_facts
from kzict.charts.statements import public_statements_levels
from kzict.charts.style import house_style
from kzict.charts.trade import it_trade, it_trade_vs_services

_THEMES = (sector, trade, policy, entrepreneurs, outcomes, indicators, statements)

# notebook stem -> the file stems of the charts it draws, in drawing order
NOTEBOOKS: dict[str, list[str]] = {m.NOTEBOOK: list(m.CHARTS) for m in _THEMES}
# file stem -> chart function, every chart once
FIGURES: dict[str, Callable[..., Figure]] = {stem: f for m in _THEMES for stem, f in m.CHARTS.items()}

__all__ = [
    "FIGURES",
    "NOTEBOOKS",
    "house_style",
    "ict_value_added",
    "it_expenditure_structure",
    "sector_facts",
    "it_trade",
    "it_trade_vs_services",
    "ik2020_targets",
    "ict_programme_2010_2014",
    "ict_policy_documents",
    "ict_rankings",
    "survey_profile",
    "coding_scheme",
    "transnational_channels",
    "asadel_fund",
    "electronics_business_models",
    "ik2020_scorecard",
    "internet_users",
    "egov_rank",
    "public_statements_levels",
]
