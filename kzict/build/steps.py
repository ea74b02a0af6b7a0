"""One step per clean dataset: which raw sheet it reads and how it turns print into data.

Every step has the same three parts (after Our World in Data's etl): the
runner loads the sheet named here, the function below processes it, and the
runner validates and saves the result. The frame a step returns is indexed
by the raw sheet's row numbers so that a validation failure can name its cell.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

from kzict._meta import CAPABILITIES, TIERS
from kzict.build import rawbook as rb
from kzict.build.rawbook import RawTable


@dataclass(frozen=True)
class Step:
    name: str
    workbook: str
    sheet: str
    headers: dict[str, str]  # clean column -> raw header it comes from
    process: Callable[[RawTable], pd.DataFrame]
    derived: dict[str, str] = field(default_factory=dict)  # clean column -> clean column it derives from

    @property
    def raw_headers(self) -> list[str]:
        return list(self.headers.values())

    def raw_header(self, column: str) -> str | None:
        column = self.derived.get(column, column)
        return self.headers.get(column)


STEPS: dict[str, Step] = {}
PROVENANCE = {"source_id": "source_id", "locator": "locator"}


def step(name: str, workbook: str, sheet: str, headers: dict[str, str], derived=None, provenance=True):
    def register(fn):
        STEPS[name] = Step(name, workbook, sheet, {**headers, **(PROVENANCE if provenance else {})}, fn, derived or {})
        return fn

    return register


def frame(raw: RawTable, step_name: str, columns: dict[str, list]) -> pd.DataFrame:
    """Assemble a step's output with the provenance columns, indexed by raw row."""
    headers = STEPS[step_name].headers
    prov = {c: raw.parse(headers[c], rb.text) for c in PROVENANCE}
    return pd.DataFrame({**columns, **prov}, index=pd.Index(raw.row_numbers, name="raw_row"))


def _iso3(country: str) -> str:
    import pycountry

    try:
        return pycountry.countries.lookup(country).alpha_3
    except LookupError:
        raise ValueError("expected a country name that ISO 3166 knows") from None


@step(
    "ict_value_added",
    "alibayev2017.xlsx",
    "Table1",
    {
        "country": "Country",
        "ict_share_pct": "ICT producing sector as % of total business value added",
        "year": "Last available year",
    },
    derived={"iso3": "country"},
)
def ict_value_added(raw: RawTable) -> pd.DataFrame:
    h = STEPS["ict_value_added"].headers
    return frame(
        raw,
        "ict_value_added",
        {
            "country": raw.parse(h["country"], rb.text),
            "iso3": raw.parse(h["country"], _iso3),
            "year": raw.parse(h["year"], rb.year),
            "ict_share_pct": raw.parse(h["ict_share_pct"], rb.percent),
        },
    )


@step(
    "it_expenditure_structure",
    "alibayev2017.xlsx",
    "ITSpendShares",
    {
        "year": "Year",
        "category": "Category",
        "share_pct": "Share",
    },
)
def it_expenditure_structure(raw: RawTable) -> pd.DataFrame:
    h = STEPS["it_expenditure_structure"].headers
    return frame(
        raw,
        "it_expenditure_structure",
        {
            "year": raw.parse(h["year"], rb.year),
            "category": raw.parse(h["category"], rb.text),
            "share_pct": raw.parse(h["share_pct"], rb.percent),
        },
    )


@step(
    "it_expenditure_total",
    "alibayev2017.xlsx",
    "ITSpendTotal",
    {
        "kind": "Statement",
        "year": "Year",
        "base_year": "Compared with year",
        "total_kzt_bn": "Printed value",
    },
    derived={"derivation": "total_kzt_bn"},
)
def it_expenditure_total(raw: RawTable) -> pd.DataFrame:
    """The sheet holds the printed total and the printed growth rates; derive what they imply."""
    h = STEPS["it_expenditure_total"].headers
    statements = raw.parse(h["kind"], _one_of("total", "growth"))
    years = raw.parse(h["year"], rb.year)
    bases = raw.parse(h["base_year"], rb.optional(rb.year))
    prov = frame(raw, "it_expenditure_total", {})
    parsers = {"total": rb.kzt_billion, "growth": rb.percent}  # the printed value is a total or a growth rate
    figures = [
        raw.check(row, h["total_kzt_bn"], parsers[s], cells[h["total_kzt_bn"]])
        for (row, cells), s in zip(raw.rows, statements)
    ]
    totals = {y: f for s, y, f in zip(statements, years, figures) if s == "total"}
    rows = []
    for row, s, y, base, figure in zip(raw.row_numbers, statements, years, bases, figures):
        if s == "total":
            rows.append((row, y, figure, "reported", None))
            continue
        growth = figure
        if y not in totals or base is None:
            raise raw.error(
                row, h["base_year"], "a growth rate needs a printed total for its year and a base year", found=base
            )
        implied = round(totals[y] / (1 + growth / 100), 1)
        rows.append(
            (
                row,
                base,
                implied,
                "derived",
                f"{totals[y]:g} / (1 + {growth:g}/100): {y} total and its printed growth of {growth:g}% over {base}",
            )
        )
    out = pd.DataFrame(rows, columns=["raw_row", "year", "total_kzt_bn", "kind", "derivation"]).set_index("raw_row")
    return out.join(prov)


@step(
    "it_trade",
    "alibayev2017.xlsx",
    "Trade",
    {
        "year": "Year",
        "printed_label": "Flow as printed",
        "value_usd_mn": "Value, USD million",
    },
    derived={"flow": "printed_label"},
)
def it_trade(raw: RawTable) -> pd.DataFrame:
    """`flow` starts as the printed label; corrections.yaml says where the print is wrong."""
    h = STEPS["it_trade"].headers
    labels = raw.parse(h["printed_label"], _one_of("export", "import"))
    return frame(
        raw,
        "it_trade",
        {
            "year": raw.parse(h["year"], rb.year),
            "flow": labels,
            "value_usd_mn": raw.parse(h["value_usd_mn"], rb.number),
            "printed_label": labels,
        },
    )


def _target(value) -> tuple[float, str, str]:
    """'top 35' -> (35, rank, at_most); '75%' -> (75, %, at_least)"""
    text = rb.text(value)
    if text.lower().startswith("top "):
        return float(rb.whole(text[4:].strip())), "rank", "at_most"
    try:
        return rb.percent(text), "%", "at_least"
    except ValueError:
        raise ValueError("expected a target such as 'top 35' or '75%'") from None


@step(
    "ik2020_targets",
    "alibayev2017.xlsx",
    "IK2020Targets",
    {
        "indicator_id": "No.",
        "indicator": "Indicator",
        "target_value": "Target as printed",
        "target_year": "Target year",
    },
    derived={"unit": "target_value", "comparison": "target_value"},
)
def ik2020_targets(raw: RawTable) -> pd.DataFrame:
    h = STEPS["ik2020_targets"].headers
    targets = raw.parse(h["target_value"], _target)
    return frame(
        raw,
        "ik2020_targets",
        {
            "indicator_id": raw.parse(h["indicator_id"], rb.whole),
            "indicator": raw.parse(h["indicator"], rb.text),
            "target_value": [t[0] for t in targets],
            "unit": [t[1] for t in targets],
            "comparison": [t[2] for t in targets],
            "target_year": raw.parse(h["target_year"], rb.year),
        },
    )


def _one_of(*allowed: str):
    def parse(value):
        text = rb.text(value)
        if text not in allowed:
            raise ValueError(f"expected one of {list(allowed)}")
        return text

    return parse


def _amount(value) -> tuple[float | None, str | None]:
    """'KZT 90 Bn' -> (90, 'KZT bn'); '3.3%' -> (3.3, '%'); any other text -> (None, None): a qualitative cell."""
    text = rb.optional_text(value)
    if text is None:
        return None, None
    m = re.fullmatch(r"KZT\s+([0-9.]+)\s+Bn", text)
    if m:
        return rb.number(m.group(1)), "KZT bn"
    if re.fullmatch(r"[0-9.]+\s*%", text):
        return rb.percent(text), "%"
    if re.fullmatch(r"[-+−0-9.,\s%]+", text):  # looks like a number but is not one we read
        raise ValueError("expected 'KZT <n> Bn', '<n>%' or descriptive text")
    return None, None


@step(
    "ict_programme_2010_2014",
    "alibayev2017.xlsx",
    "Figure2",
    {
        "goal_id": "No.",
        "section": "Section",
        "goal": "Goal",
        "printed_2009": "Kazakhstan 2009",
        "printed_2014": "Kazakhstan 2014",
    },
    derived={"value_2009": "printed_2009", "target_2014": "printed_2014", "unit": "printed_2014"},
)
def ict_programme_2010_2014(raw: RawTable) -> pd.DataFrame:
    h = STEPS["ict_programme_2010_2014"].headers
    base = raw.parse(h["printed_2009"], _amount)
    target = raw.parse(h["printed_2014"], _amount)
    units = []
    for row, (_, u0), (_, u1) in zip(raw.row_numbers, base, target):
        if u0 and u1 and u0 != u1:
            raise raw.error(row, h["printed_2014"], f"expected the same unit as 2009 ({u0})", found=u1)
        units.append(u0 or u1)
    return frame(
        raw,
        "ict_programme_2010_2014",
        {
            "goal_id": raw.parse(h["goal_id"], rb.whole),
            "section": raw.parse(h["section"], rb.text),
            "goal": raw.parse(h["goal"], rb.text),
            "value_2009": [v for v, _ in base],
            "target_2014": [v for v, _ in target],
            "unit": units,
            "printed_2009": raw.parse(h["printed_2009"], rb.text),
            "printed_2014": raw.parse(h["printed_2014"], rb.optional_text),
        },
    )


def _printed_date(value) -> tuple[str, str]:
    """2011 -> ('2011', 'year'); 'September 29, 2010' -> ('2010-09-29', 'day'); the printed precision is kept."""
    if isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        return f"{rb.year(value):04d}", "year"
    text = " ".join(rb.text(value).replace(",", " ").split())
    try:
        return datetime.strptime(text, "%B %d %Y").date().isoformat(), "day"
    except ValueError:
        raise ValueError("expected a year or a date such as 'September 29, 2010'") from None


def _act_number(value) -> int:
    m = re.search(r"№\s*(\d+)$", rb.text(value))
    if not m:
        raise ValueError("expected a legal act ending in '№ <number>'")
    return int(m.group(1))


@step(
    "ict_policy_documents",
    "alibayev2017.xlsx",
    "Figure3",
    {
        "doc_id": "No.",
        "title": "Title of document",
        "date": "Date",
        "responsible_body": "Organisation responsible",
        "legal_act": "Legal Status",
    },
    derived={"date_precision": "date", "year": "date", "act_number": "legal_act"},
)
def ict_policy_documents(raw: RawTable) -> pd.DataFrame:
    h = STEPS["ict_policy_documents"].headers
    dates = raw.parse(h["date"], _printed_date)
    return frame(
        raw,
        "ict_policy_documents",
        {
            "doc_id": raw.parse(h["doc_id"], rb.whole),
            "title": raw.parse(h["title"], rb.text),
            "date": [d for d, _ in dates],
            "date_precision": [p for _, p in dates],
            "year": [int(d[:4]) for d, _ in dates],
            "responsible_body": raw.parse(h["responsible_body"], rb.text),
            "legal_act": raw.parse(h["legal_act"], rb.text),
            "act_number": raw.parse(h["legal_act"], _act_number),
        },
    )


def _ordinal(value) -> int:
    m = re.fullmatch(r"(\d+)(st|nd|rd|th)", rb.text(value))
    if not m:
        raise ValueError("expected an ordinal rank such as '49th'")
    return int(m.group(1))


@step(
    "ict_rankings",
    "alibayev2017.xlsx",
    "Rankings",
    {
        "index": "Index",
        "edition_year": "Edition",
        "rank": "Rank as printed",
        "countries_ranked": "Countries ranked",
    },
)
def ict_rankings(raw: RawTable) -> pd.DataFrame:
    h = STEPS["ict_rankings"].headers
    return frame(
        raw,
        "ict_rankings",
        {
            "index": raw.parse(h["index"], rb.text),
            "edition_year": raw.parse(h["edition_year"], rb.year),
            "rank": raw.parse(h["rank"], _ordinal),
            "countries_ranked": pd.array(raw.parse(h["countries_ranked"], rb.optional(rb.whole)), dtype="Int64"),
        },
    )


def _figure(value) -> float:
    """A printed figure: '42', '2.4', '30%' (the unit column says which)."""
    text = rb.text(value)
    return rb.percent(text) if text.endswith("%") else rb.number(text)


@step(
    "survey_profile",
    "alibayev2017.xlsx",
    "Survey",
    {
        "measure": "Measure",
        "category": "Category",
        "statistic": "Statistic",
        "group": "Group",
        "printed": "Printed value",
        "unit": "Unit",
    },
    derived={"value": "printed"},
)
def survey_profile(raw: RawTable) -> pd.DataFrame:
    h = STEPS["survey_profile"].headers
    cols = {c: raw.parse(h[c], rb.text) for c in ("measure", "category", "statistic", "group")}
    return frame(
        raw,
        "survey_profile",
        {
            **cols,
            "value": raw.parse(h["printed"], _figure),
            "unit": raw.parse(h["unit"], rb.text),
            "printed": raw.parse(h["printed"], lambda v: rb.text(str(v))),
        },
    )


@step(
    "coding_scheme",
    "alibayev2017.xlsx",
    "Coding",
    {
        "stage": "Stage",
        "position": "Position",
        "label": "Label",
        "group": "Group",
    },
)
def coding_scheme(raw: RawTable) -> pd.DataFrame:
    h = STEPS["coding_scheme"].headers
    return frame(
        raw,
        "coding_scheme",
        {
            "stage": raw.parse(h["stage"], rb.text),
            "position": raw.parse(h["position"], rb.whole),
            "label": raw.parse(h["label"], rb.text),
            "group": raw.parse(h["group"], rb.optional_text),
        },
    )


def _money_or_share(value) -> tuple[float, str]:
    """'$50 million' -> (50, 'USD mn'); '$500 000' -> (0.5, 'USD mn'); '15%' -> (15, '%')"""
    text = rb.text(value)
    if text.endswith("%"):
        return rb.percent(text), "%"
    m = re.fullmatch(r"\$\s*([0-9][0-9 ,.]*?)\s*(million)?", text)
    if not m:
        raise ValueError("expected an amount such as '$50 million' or '$500 000', or a share such as '15%'")
    digits = m.group(1).replace(" ", "").replace(",", "")
    amount = rb.number(digits)
    return (amount if m.group(2) else amount / 1e6), "USD mn"


@step(
    "asadel_fund",
    "alibayev2017.xlsx",
    "Asadel",
    {
        "measure": "Measure",
        "category": "Category",
        "statistic": "Statistic",
        "printed": "Printed value",
    },
    derived={"value": "printed", "unit": "printed"},
)
def asadel_fund(raw: RawTable) -> pd.DataFrame:
    h = STEPS["asadel_fund"].headers
    amounts = raw.parse(h["printed"], _money_or_share)
    return frame(
        raw,
        "asadel_fund",
        {
            "measure": raw.parse(h["measure"], rb.text),
            "category": raw.parse(h["category"], rb.text),
            "statistic": raw.parse(h["statistic"], rb.text),
            "value": [v for v, _ in amounts],
            "unit": [u for _, u in amounts],
            "printed": raw.parse(h["printed"], rb.text),
        },
    )


def _approximate_percent(value) -> float:
    """'approximately 8.6%' -> 8.6 (the qualifier stays in `printed`)."""
    return rb.percent(re.sub(r"^(approximately|about)\s+", "", rb.text(value)))


@step(
    "sector_facts",
    "alibayev2017.xlsx",
    "Facts",
    {
        "fact_id": "Fact ID",
        "fact": "Fact",
        "geography": "Geography",
        "year": "Year",
        "period": "Period",
        "printed": "Printed value",
        "unit": "Unit",
    },
    derived={"value": "printed"},
)
def sector_facts(raw: RawTable) -> pd.DataFrame:
    h = STEPS["sector_facts"].headers
    return frame(
        raw,
        "sector_facts",
        {
            "fact_id": raw.parse(h["fact_id"], rb.text),
            "fact": raw.parse(h["fact"], rb.text),
            "geography": raw.parse(h["geography"], rb.text),
            "year": pd.array(raw.parse(h["year"], rb.optional(rb.year)), dtype="Int64"),
            "period": raw.parse(h["period"], rb.optional_text),
            "value": raw.parse(h["printed"], _approximate_percent),
            "unit": raw.parse(h["unit"], rb.text),
            "printed": raw.parse(h["printed"], rb.text),
        },
    )


@step(
    "transnational_channels",
    "alibayev2017.xlsx",
    "Channels",
    {
        "channel": "Channel",
        "direction": "Direction",
        "lead_actor": "Lead actor",
        "mechanism": "Mechanism",
        "figure": "Figure",
    },
)
def transnational_channels(raw: RawTable) -> pd.DataFrame:
    h = STEPS["transnational_channels"].headers
    return frame(
        raw,
        "transnational_channels",
        {c: raw.parse(h[c], rb.text) for c in ("channel", "direction", "lead_actor", "mechanism", "figure")},
    )


@step(
    "electronics_business_models",
    "electronics_semiperiphery.xlsx",
    "BusinessModels",
    {
        "model_id": "Model",
        "model": "Label",
        "tier": "Tier",
        "technology_origin": "Technology origin",
        **CAPABILITIES,
    },
)
def electronics_business_models(raw: RawTable) -> pd.DataFrame:
    h = STEPS["electronics_business_models"].headers
    return frame(
        raw,
        "electronics_business_models",
        {
            "model_id": raw.parse(h["model_id"], rb.whole),
            "model": raw.parse(h["model"], rb.optional_text),
            # typed here: pandera's coercion leaves a str column holding NaN as str
            "tier": pd.Categorical(raw.parse(h["tier"], rb.optional(_one_of(*TIERS))), categories=TIERS, ordered=True),
            "technology_origin": raw.parse(h["technology_origin"], rb.optional_text),
            **{c: raw.parse(h[c], rb.optional_text) for c in CAPABILITIES},
        },
    )


_OUTCOME = re.compile(r"(?:(about|more than|at most)\s+)?([0-9]+(?:\.[0-9]+)?)\s*%?(?:\s+\(.*\))?")


def _outcome(value) -> tuple[float | None, str | None]:
    """'85.94' -> (85.94, None); 'about 90%' -> (90, 'about'); '41 (up 12 places)' -> (41, None);
    'not found' -> (None, None): the figure was looked for and not found, and stays missing."""
    text = rb.text(value)
    if text == "not found":
        return None, None
    m = _OUTCOME.fullmatch(text)
    if not m:
        raise ValueError("expected a figure such as '85.94', 'about 90%', 'more than 90%' or 'not found'")
    return rb.number(m.group(2)), m.group(1)


@step(
    "indicator_outcomes",
    "outcomes.xlsx",
    "Outcomes",
    {
        "indicator": "Indicator",
        "year": "Year",
        "printed": "Printed value",
        "unit": "Unit",
        "source_id": "source_id",
        "grade": "Grade",
        "locator": "Locator",
        "note": "Note",
    },
    derived={"value": "printed", "qualifier": "printed"},
    provenance=False,
)  # its locator is the outcome's own
def indicator_outcomes(raw: RawTable) -> pd.DataFrame:
    h = STEPS["indicator_outcomes"].headers
    figures = raw.parse(h["printed"], _outcome)
    return pd.DataFrame(
        {
            "indicator": raw.parse(h["indicator"], rb.text),
            "year": raw.parse(h["year"], rb.year),
            "value": [v for v, _ in figures],
            "qualifier": [q for _, q in figures],
            "unit": raw.parse(h["unit"], rb.text),
            "printed": raw.parse(h["printed"], rb.text),
            "source_id": raw.parse(h["source_id"], rb.text),
            "grade": raw.parse(h["grade"], rb.text),
            "locator": raw.parse(h["locator"], rb.text),
            "note": raw.parse(h["note"], rb.optional_text),
        },
        index=pd.Index(raw.row_numbers, name="raw_row"),
    )


@step(
    "sources",
    "sources.xlsx",
    "Sources",
    {
        "source_id": "source_id",
        "citation": "citation",
        "kind": "kind",
        "url": "url",
        "via": "via",
    },
    provenance=False,
)
def sources(raw: RawTable) -> pd.DataFrame:
    h = STEPS["sources"].headers
    return pd.DataFrame(
        {
            col: raw.parse(h[col], rb.optional_text if col in ("url", "via") else rb.text)
            for col in ("source_id", "citation", "kind", "url", "via")
        },
        index=pd.Index(raw.row_numbers, name="raw_row"),
    )
