"""The site's pages as Markdown, rendered from kzict's public API and the clean data's descriptor.

Nothing here names a dataset except the home page's pick of the IK2020 scorecard (the issue's
headline result, and the first ``*_scorecard`` table when it is absent).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from html import escape

import pandas as pd

import kzict
from kzict import citation
from kzict.site import safe
from kzict.site.charts import Chart
from kzict.site.tables import LEAD, PREVIEW_OVER, PREVIEW_ROWS, data_table, for_reading, holdings, html_table

HOME_SCORECARD = "ik2020_scorecard"
SCORECARD_SUFFIX = "_scorecard"
OUTCOME_SOURCES = ("kzict",)  # printed_in of outcome tables: their charts are the key charts


@dataclass
class Site:
    package: dict  # the clean data's datapackage.json
    frames: dict[str, pd.DataFrame]  # every dataset, in catalogue order
    charts: dict[str, list[Chart]]  # charts per dataset
    preview_over: int = PREVIEW_OVER
    preview_rows: int = PREVIEW_ROWS
    books: dict = field(default_factory=dict)

    def __post_init__(self):
        self.books = {name: kzict.describe(name) for name in self.frames}

    def resource(self, name: str) -> dict:
        return next(r for r in self.package["resources"] if r["name"] == name)

    @property
    def scorecards(self) -> list[str]:
        return [n for n in self.frames if n.endswith(SCORECARD_SUFFIX)]


def _img(chart: Chart, prefix: str) -> str:
    src = f"{prefix}assets/figures/{chart.png.name}"
    return f'<a href="{src}"><img class="kzict-chart" src="{src}" alt="{escape(chart.alt)}"></a>'


def _counts(series: pd.Series) -> str:
    counts = Counter(series.fillna("NA").astype(str))
    return ", ".join(f"**{n}** {safe.text(status.replace('_', ' '))}" for status, n in counts.most_common())


def _licences(site: Site, name: str | None = None) -> str:
    lic = (site.resource(name).get("licenses") if name else None) or site.package.get("licenses", [])
    return "; ".join(safe.link(x.get("title") or x["name"], x.get("path")) for x in lic)


def home(site: Site) -> str:
    pkg = site.package
    audit = kzict.audit()
    lines = [
        f"# {safe.text(pkg.get('title', 'kzict'))}",
        "",
        f"{safe.text(pkg.get('description', ''))} Every value names its original source (`source_id`, a row of "
        "[sources](datasets/sources.md)) and where it was printed (`locator`). Departures from the print are "
        "[corrections](corrections.md), recorded rather than silently fixed; the thesis's own arithmetic is "
        "[audited](audit.md).",
        "",
        f"Version {pkg.get('version', kzict.__version__)} · {len(site.frames)} datasets · "
        f"{len(kzict.corrections())} corrections · {len(audit)} claims audited ({_counts(audit['status'])}) · "
        f"data licence {_licences(site)}",
        "",
        "## Install and load",
        "",
        "```sh",
        "pip install .        # from a clone of the repository; the data ship inside the package",
        "pip install '.[all]' # with every extra: build (build, export, audit), charts, site, notebooks",
        "```",
        "",
        "```python",
        "import kzict",
        "kzict.datasets()                  # the names of the tables below",
        f'df = kzict.load("{next(iter(site.frames))}")  # a plain pandas DataFrame',
        f'kzict.describe("{next(iter(site.frames))}")   # codebook: columns, types, units, source',
        "```",
        "",
        "No Python? Every table is a CSV on the [downloads](downloads.md) page, also as one Excel workbook.",
        "",
    ]
    card = HOME_SCORECARD if HOME_SCORECARD in site.frames else next(iter(site.scorecards), None)
    if card:
        df = site.frames[card]
        lines += (
            [f"## {safe.text(site.books[card].title)}", "", _counts(df["status"]) + ".", ""] if "status" in df else []
        )
        lines += [_img(c, "") for c in site.charts[card]] + [""]
        lines += [f"Every target with its basis: [the scorecard](scorecard.md) · [the table](datasets/{card}.md).", ""]
    key = [c for n in site.frames if site.books[n].printed_in in OUTCOME_SOURCES and n != card for c in site.charts[n]]
    if key:
        lines += ["## Key charts", ""] + [_img(c, "") for c in dict.fromkeys(key)] + [""]
    lines += ["## Datasets", "", dataset_index(site, prefix="datasets/"), "", "## Cite kzict", ""]
    lines += [safe.code_block(kzict.cite(style="bibtex"), "bibtex"), ""]
    return "\n".join(lines)


def dataset_index(site: Site, prefix: str) -> str:
    rows = ["| dataset | what | rows | printed in |", "|---|---|---|---|"]
    for name in site.frames:
        book = site.books[name]
        rows.append(
            f"| [`{name}`]({prefix}{name}.md) | {safe.text(book.title)} | {book.rows} | {safe.text(book.locator)} |"
        )
    return "\n".join(rows)


def rows_src(name: str) -> str:
    """Where a large table's rows go, relative to its dataset page (written by the build)."""
    return f"../assets/rows/{name}.js"


def reading_order(site: Site, name: str) -> pd.DataFrame:
    """The dataset's columns as its page shows them (and its search rows hold them): key and value first."""
    return for_reading(site.frames[name], (*site.books[name].key, *LEAD))


def dataset(site: Site, name: str) -> str:
    book, df = site.books[name], reading_order(site, name)
    lines = [
        f"# {safe.text(book.title)}",
        "",
        f"`{name}` · key {safe.text(', '.join(book.key))} · printed in {safe.text(book.printed_in)}, "
        f"{safe.text(book.locator)}",
        "",
        safe.text(book.description),
        "",
    ]
    if book.note:
        lines += ['!!! note "Note"', "", f"    {safe.text(book.note)}", ""]
    lines += ["```python", f'kzict.load("{name}")', "```", ""]
    if site.charts[name]:
        lines += ["## Charts", ""] + [_img(c, "../") for c in site.charts[name]] + [""]
    lines += [
        "## Table",
        "",
        data_table(df, f"../downloads/{name}.csv", site.preview_over, site.preview_rows, rows_src(name)),
        "",
    ]
    if site.resource(name).get("kzict:content"):
        lines += ["## What it holds", "", holdings(site.resource(name)["kzict:content"]), ""]
    lines += ["## Codebook", "", html_table(book.table()[["column", "type", "unit", "description"]]), ""]
    lines += ["## Sources", ""]
    rows = citation.sources()
    cited = [rows[i] for i in citation.source_ids(name) if i in rows] if name != "sources" else list(rows.values())
    lines += [f"- {safe.text(r['citation'])} {safe.link(r['url'], r['url']) if r['url'] else ''}" for r in cited]
    lines += ["", "BibTeX:", "", safe.code_block(kzict.cite(name, style="bibtex"), "bibtex"), ""]
    fixes = kzict.corrections()
    fixes = fixes[fixes["dataset"] == name]
    lines += ["## Corrections", ""]
    if len(fixes):
        lines += [f"{len(fixes)} values depart from the print ([all corrections](../corrections.md)):", ""]
        lines += [html_table(fixes.drop(columns=["dataset"])), ""]
    else:
        lines += ["None: every value is as printed.", ""]
    lines += ["## Licence", "", _licences(site, name) + ". Cite kzict and the sources above.", ""]
    return "\n".join(lines)


def audit() -> str:
    df = kzict.audit()
    order = {"inconsistent": 0, "unverifiable": 1, "consistent": 2}
    lines = [
        "# Claims audit",
        "",
        "Every numeric claim of the thesis, recomputed from the clean data "
        f"(`kzict.audit()`): {_counts(df['status'])}.",
        "",
    ]
    cols = ["status", "explanation", "claim", "printed", "recomputed", "claim_id", "locator"]  # verdict and why first
    for chapter, part in df.groupby("chapter", sort=True):
        part = part.sort_values("status", key=lambda s: s.map(order).fillna(3), kind="stable")
        lines += [f"## Chapter {safe.text(chapter)}", "", _counts(part["status"]) + ".", ""]
        lines += ['<div class="kzict-scroll">', html_table(part[cols]), "</div>", ""]
    return "\n".join(lines)


def corrections(site: Site) -> str:
    df = kzict.corrections()
    lines = [
        "# Corrections",
        "",
        "Where the print contradicts itself, the raw data keep the printed value and "
        f"the build applies a recorded correction (`kzict.corrections()`): {len(df)} "
        f"correction{'s' if len(df) != 1 else ''} changing {sum(len(k.split(' | ')) for k in df['key'])} values.",
        "",
    ]
    for name, part in df.groupby("dataset", sort=False):
        title = site.books[name].title if name in site.books else name
        lines += [f"## [{safe.text(title)}](datasets/{name}.md)", ""]
        for reason, rows in part.groupby("reason", sort=False):
            lines += [f"**Why.** {safe.text(reason)}", ""]
            for evidence in rows["evidence"].dropna().unique():
                lines += [f"**Evidence.** {safe.text(evidence)}", ""]
            lines += [html_table(rows[["correction_id", "key", "field", "printed", "used"]]), ""]
    return "\n".join(lines)


def scorecard(site: Site) -> str:
    lines = [
        "# Targets and outcomes",
        "",
        "The government's targets set beside what happened. A figure that "
        "was not found stays `not_measured`: never guessed.",
        "",
    ]
    for name in site.scorecards:
        df, book = site.frames[name], site.books[name]
        lines += [f"## {safe.text(book.title)}", "", safe.text(book.description), ""]
        if "status" in df:
            lines += [_counts(df["status"]) + ".", ""]
        lines += [_img(c, "") for c in site.charts[name]] + [""]
        lines += ['<div class="kzict-scroll">', html_table(reading_order(site, name)), "</div>", ""]
        lines += [f"Codebook and sources: [`{name}`](datasets/{name}.md).", ""]
    return "\n".join(lines)


def downloads(site: Site, workbook: str | None) -> str:
    lines = ["# Downloads", "", f"Data licence: {_licences(site)}. Cite kzict and the original sources.", ""]
    if workbook:
        lines += [
            f"- [Excel workbook]({workbook}): README, data dictionary, corrections and every table "
            "(`kzict export --xlsx`)."
        ]
    lines += [
        "- [datapackage.json](downloads/datapackage.json): Frictionless Data Package (v2) describing every "
        "CSV below: types, units, keys. Keep it beside the CSVs.",
        "",
        "| dataset | CSV | rows |",
        "|---|---|---|",
    ]
    for name in site.frames:
        lines.append(
            f"| [{safe.text(site.books[name].title)}](datasets/{name}.md) | "
            f"[{name}.csv](downloads/{name}.csv) | {len(site.frames[name])} |"
        )
    lines.append(f"| Corrections | [corrections.csv](downloads/corrections.csv) | {len(kzict.corrections())} |")
    return "\n".join(lines) + "\n"
