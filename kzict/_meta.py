"""Dataset-level metadata: what each table is, where it was printed, caveats.

Column-level metadata lives in :mod:`kzict.schemas`. The build copies both into
``data/clean/datapackage.json``, which is all the loaders read at run time.
"""

from __future__ import annotations

from dataclasses import dataclass

PLAUSIBLE_YEARS = (1990, 2035)
THESIS = "alibayev2017"
TIERS = ["basic", "advanced"]  # electronics_business_models.tier, in order
CAPABILITIES = {  # electronics_business_models: capability column -> its header in the raw sheet
    "imports_foreign_technology": "Imports foreign technology",
    "imported_hardware": "Imported hardware",
    "in_house_software": "In-house software",
    "in_house_rnd": "In-house R&D",
    "domestic_hardware_development": "Domestic hardware development",
    "outsourced_component_production": "Outsourced component production",
    "in_house_design": "In-house design",
}


@dataclass(frozen=True)
class DatasetInfo:
    title: str
    description: str
    locator: str
    note: str = ""
    printed_in: str = THESIS  # source_id of the work that prints the figures


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
    "ict_programme_2010_2014": DatasetInfo(
        title="ICT Programme 2010-2014: goals for 2014 against 2009",
        description="Figure 2: each goal of the 2010-2014 ICT programme with its 2009 value and 2014 target "
        "(numeric where printed with a unit), and the qualitative rows on industry structure and the "
        "OECD capability survey kept as text.",
        locator="Figure 2, p. 33",
        note="Figure 2 credits the Decree of 2010 for both blocks, including the OECD survey rows.",
    ),
    "ict_policy_documents": DatasetInfo(
        title="Major ICT policy documents of the Kazakh government",
        description="Figure 3: main ICT policy documents adopted since 2010-2011, with date at the printed "
        "precision, responsible body and legal act.",
        locator="Figure 3, p. 35",
    ),
    "ict_rankings": DatasetInfo(
        title="Kazakhstan in international ICT rankings",
        description="Kazakhstan's rank and the number of countries ranked, as the thesis reports them; one row "
        "per statement. The 2013 Networked Readiness rank is printed twice, once as the Global "
        "Information Technology Report's.",
        locator="§ Recent Tendencies in the IT Sector, p. 33",
        note="The page map puts this passage in § Recent Tendencies (p. 33), just before § The National ICT "
        "Policy (p. 34).",
    ),
    "survey_profile": DatasetInfo(
        title="Profile of the entrepreneurs surveyed and interviewed",
        description="The thesis's own survey: counts of invited, surveyed and interviewed entrepreneurs; shares "
        "by purpose of stay abroad, residence and gender; age, years abroad and experience.",
        locator="§ Population and Setting, p. 24",
        note="The base of the shares is not printed ('respondents'); the shares are stored as printed.",
    ),
    "coding_scheme": DatasetInfo(
        title="Coding scheme of the interview evidence",
        description="The 13 first-cycle (in vivo) labels and the 6 final variables in their two groups, "
        "government and entrepreneurs.",
        locator="§ Data Analysis Strategy and Coding, p. 26",
    ),
    "asadel_fund": DatasetInfo(
        title="Asadel Venture Fund: size, allocation and ticket size",
        description="Fund size, planned allocation by sector, investment range per company and stake range.",
        locator="§ Access to Finance, p. 55",
        note="The thesis reports a Facebook post by the fund's managing partner; its date is not printed.",
    ),
    "sector_facts": DatasetInfo(
        title="Single sourced figures on the ICT sector (Ch. 3)",
        description="The other sourced single figures of Ch. 3: shares of value added, telecom's share of the "
        "sector, coverage, local content, growth targets, ICT goods' share of trade.",
        locator="Ch. 3, pp. 28-33",
        note="Qualifiers such as 'approximately' are kept in `printed`.",
    ),
    "transnational_channels": DatasetInfo(
        title="Channels of transnational ties and who leads them (Figures 4-6)",
        description="For each channel of Ch. 5 and each direction, the actor the thesis says leads the flow. "
        "The images of Figures 4-6 were lost in the text extraction; this table restates their "
        "argument from the text.",
        locator="Ch. 5, pp. 47-58",
        note="Mechanisms are kzict's summaries of the text, not quotations.",
    ),
    "electronics_business_models": DatasetInfo(
        title="Business models of Kazakhstan's electronics firms",
        description="The four business models of the electronics paper as a typology (basic < advanced) with "
        "the capabilities the abstract states for each; what it does not state is NA.",
        locator="long abstract, para. 2",
        note="From the paper's abstract only (fieldwork 2022-2023); one of the four models is not described "
        "there and is all NA. The order among the advanced models is not stated.",
        printed_in="electronics_semiperiphery",
    ),
    "indicator_outcomes": DatasetInfo(
        title="Outcomes: what happened after the targets",
        description="Outcome figures from public data files and statements, as full series where given: internet "
        "users 2005-2023, e-government ranks 2010-2022, Doing Business ranks, digital literacy, "
        "broadband, ICT service exports. Each row has its source, grade (file | press) and a note.",
        locator="shared/reference/outcomes.md",
        note="Nothing was estimated: a figure that was looked for and not found is NA with a note.",
        printed_in="kzict_outcomes_reference",
    ),
    "ik2020_scorecard": DatasetInfo(
        title="Information Kazakhstan 2020: targets against outcomes",
        description="Each of the 13 targets with the outcome in 2020 (or the nearest year, marked), the verdict "
        "(met | not_met | not_measured), the year first met where a series shows it, and a one-line "
        "basis. Derived from ik2020_targets and indicator_outcomes; never typed by hand.",
        locator="§ The National ICT Policy, p. 34 (targets); shared/reference/outcomes.md (outcomes)",
        note="Rank targets compare 'at most', share targets 'at least'. 'press' figures are weaker than 'file' ones.",
        printed_in="kzict_outcomes_reference",
    ),
    "ict_programme_scorecard": DatasetInfo(
        title="ICT Programme 2010-2014: 2014 targets against outcomes",
        description="The six quantitative goals of Figure 2 judged against comparable outcome figures; where none "
        "exists the verdict is not_measured, with the reason.",
        locator="Figure 2, p. 33 (targets); shared/reference/outcomes.md (outcomes)",
        printed_in="kzict_outcomes_reference",
    ),
    "sources": DatasetInfo(
        title="Sources",
        description="Every work a value comes from: the thesis and the original sources it names.",
        locator="Reference list (after the Appendix)",
    ),
}
