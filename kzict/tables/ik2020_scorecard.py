"""Information Kazakhstan 2020: each target judged against the outcome series it is linked to."""

from __future__ import annotations

import pandas as pd

from kzict.readers.parse import RawTable
from kzict.tables._score import score
from kzict.tables._scorecard import LINKS, STEP_YEARS, Scorecard, links

INPUTS = ("ik2020_targets", "indicator_outcomes")
RULES = LINKS


class Ik2020Scorecard(Scorecard):
    class Config(Scorecard.Config):
        name = "ik2020_scorecard"
        title = "Information Kazakhstan 2020: targets against outcomes"
        description = (
            "Each of the 13 targets with the outcome in 2020 (or the nearest year, marked), the verdict "
            "(met | not_met | not_measured), the year first met where a series shows it, the comparability of "
            "the outcome with the target (same_definition | proxy | none), and a one-line basis. "
            "Derived from ik2020_targets and indicator_outcomes; never typed by hand."
        )
        metadata = {
            "order": 160,
            "locator": "targets: § The National ICT Policy, p. 34 of alibayev2017 (from ik2020); "
            "outcomes: each row's source_id and locator (from indicator_outcomes)",
            "note": "Rank targets compare 'at most', share targets 'at least'. 'press' figures are weaker than "
            "'file' ones; a file figure replaces a press one for the same year in indicator_outcomes, so each "
            "verdict rests on the best grade there is. One rule for every target: a 'proxy' outcome decides the "
            "verdict only where it bounds the target's own measure in that verdict's direction (the Links "
            "sheet's Bounds: below, above or none); otherwise the target is not_measured and the basis records "
            "the proxies' figures. With comparability 'none' the target is not judged.",
            "printed_in": "kzict",
        }


def process(tables: dict[str, pd.DataFrame], rules: RawTable) -> pd.DataFrame:
    t = tables["ik2020_targets"].rename(columns={"indicator_id": "target_id", "indicator": "target"})
    return score(t, tables["indicator_outcomes"], links(rules, "ik2020"), "ik2020", STEP_YEARS)
