"""Dataset-level metadata: what each table is, where it was printed, caveats.

Column-level metadata lives in :mod:`kzict.schemas`. The build copies both into
``data/clean/datapackage.json``, which is all the loaders read at run time.
"""
from __future__ import annotations

from dataclasses import dataclass

PLAUSIBLE_YEARS = (1990, 2035)
THESIS = "alibayev2017"


@dataclass(frozen=True)
class DatasetInfo:
    title: str
    description: str
    locator: str
    note: str = ""


DATASETS: dict[str, DatasetInfo] = {
    "ict_value_added": DatasetInfo(
        title="ICT share of total business value added, selected countries",
        description="The ICT producing sector's share of total business value added, for the last "
                    "available year of each country. One row per country, in the printed order.",
        locator="Table 1, p. 29",
        note="The thesis credits 'UNCSTADStat' (sic): UNCTADstat. ISO codes are added by kzict.",
    ),
    "it_expenditure_structure": DatasetInfo(
        title="Structure of IT expenditure in Kazakhstan, 2014-2015",
        description="Shares of total IT spending by category, as printed. Only the categories the "
                    "thesis names: the shares do not sum to 100.",
        locator="§ Expenditure on IT, p. 31",
    ),
    "it_expenditure_total": DatasetInfo(
        title="Total IT expenditure in Kazakhstan",
        description="The printed 2015 total and the 2014 and 2011 totals that the printed growth "
                    "rates imply (kind = 'derived', formula in `derivation`).",
        locator="§ Expenditure on IT, p. 31",
        note="Derived totals carry the rounding of the printed growth rates (whole per cent).",
    ),
    "it_trade": DatasetInfo(
        title="IT exports and imports of Kazakhstan, 2011-2015",
        description="Values of IT trade printed in the text. Only years with a printed figure; "
                    "gaps are absent rows, never zeros.",
        locator="§ Export and Import, p. 32",
        note="The thesis's labels contradict its own ratios; `flow` is corrected, `printed_label` "
             "keeps the print. See kzict.corrections().",
    ),
    "ik2020_targets": DatasetInfo(
        title="Information Kazakhstan 2020: the 13 target indicators",
        description="Targets of the State Programme 'Information Kazakhstan - 2020', to be met by "
                    "its completion in 2020.",
        locator="§ The National ICT Policy, p. 34",
        note="Indicator labels are kzict's short paraphrases.",
    ),
    "sources": DatasetInfo(
        title="Sources",
        description="Every work a value comes from: the thesis and the original sources it names.",
        locator="Reference list (after the Appendix)",
    ),
}
