"""ICT Programme 2010-2014: the quantitative 2014 goals judged against comparable outcomes."""

from __future__ import annotations

import pandas as pd

from kzict.readers.parse import RawTable
from kzict.tables._score import score
from kzict.tables._scorecard import LINKS, STEP_YEARS, Scorecard, links

INPUTS = ("ict_programme_2010_2014", "indicator_outcomes")
RULES = LINKS


class IctProgrammeScorecard(Scorecard):
    class Config(Scorecard.Config):
        name = "ict_programme_scorecard"
        title = "ICT Programme 2010-2014: 2014 targets against outcomes"
        description = (
            "The six quantitative goals of Figure 2 judged against comparable outcome figures; where none "
            "exists the verdict is not_measured, with the reason."
        )
        metadata = {
            "order": 170,
            "locator": "targets: Figure 2, p. 33 of alibayev2017 (from decree983_2010); "
            "outcomes: each row's source_id and locator (from indicator_outcomes)",
            "printed_in": "kzict",
        }


def process(tables: dict[str, pd.DataFrame], rules: RawTable) -> pd.DataFrame:
    g = tables["ict_programme_2010_2014"]
    g = g[g["unit"].notna()]  # the quantitative goals; the qualitative rows have no target to meet
    t = pd.DataFrame(
        {
            "target_id": g["goal_id"],
            "target": g["goal"],
            "target_value": g["target_2014"],
            "unit": g["unit"],
            "comparison": "at_least",
            "target_year": 2014,
        }
    )
    programme = "ict_programme_2010_2014"
    return score(t, tables["indicator_outcomes"], links(rules, programme), programme, STEP_YEARS)
