"""The site page of the public statements: one card per statement, filtered by verdict and topic.

Every text of a statement is data from a registry anyone may extend, so it is shown as TEXT: escaped
for HTML, inside a raw HTML block that Markdown leaves alone (no Markdown link or emphasis is ever made
from it). The only links are the statements' ``url`` fields, which the registry and the schema allow only
as http(s) addresses, and they are checked again here.
"""

from __future__ import annotations

import html
import re

import pandas as pd

from kzict.statement_audit import VERDICTS, summary
from kzict.statement_kinds import g

PAGE = "statements.md"
TITLE = "Public statements"
_URL = re.compile(r"https?://[^\s\"'<>]+")


def _t(v) -> str:
    """Data as HTML text, on one line: a blank line in a quote would end the raw HTML block early."""
    if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA:
        return ""
    return html.escape(" ".join(str(v).split()))


def _link(url: str) -> str:
    if not _URL.fullmatch(str(url)):
        return _t(url)  # never a link from an address that is not http(s)
    return f'<a href="{html.escape(url, quote=True)}" rel="nofollow noopener">{html.escape(url)}</a>'


def _data(r) -> str:
    if r.dataset is None or (isinstance(r.dataset, float) and pd.isna(r.dataset)):
        return f"No kzict table holds it: {_t(r.series)}."
    value = "no figure" if pd.isna(r.data_value) else g(float(r.data_value))
    year = "" if pd.isna(r.data_year) else f" ({int(r.data_year)})"
    parts = [f"<code>{_t(r.dataset)}</code> · <code>{_t(r.indicator)}</code> · {_t(r.economy)}"]
    parts.append(f"claimed <strong>{_t(r.value)}</strong>, data <strong>{_t(value)}</strong>{_t(year)}")
    if not pd.isna(r.tolerance):
        parts.append(f"tolerance ±{_t(g(float(r.tolerance)))}")
    if _t(r.release):
        parts.append(f"release: {_t(r.release)}")
    if _t(r.data_locator):
        parts.append(f"locator: {_t(r.data_locator)}")
    return " · ".join(parts)


def _card(r) -> str:
    gloss = f'<p class="kzict-gloss">{_t(r.quote_en)}</p>' if _t(r.quote_en) else ""
    note = f'<p class="kzict-note">{_t(r.note)}</p>' if _t(r.note) else ""
    return (
        f'<div class="kzict-statement" id="{_t(r.id)}" data-verdict="{_t(r.verdict)}" data-topic="{_t(r.topic)}">'
        f'<p class="kzict-verdict kzict-{_t(r.verdict)}">{_t(r.verdict)} · {_t(r.id)} · {_t(r.topic)}</p>'
        f"<blockquote>{_t(r.quote)}</blockquote>{gloss}"
        f'<p class="kzict-who">{_t(r.speaker)}, {_t(r.date)}: {_link(r.url)}</p>'
        f'<p class="kzict-data">{_data(r)}</p>'
        f'<p class="kzict-why">{_t(r.kind)}, definition {_t(r.definition)}: {_t(r.reason)}</p>{note}</div>'
    )


def _select(name: str, label: str, options: list[str]) -> str:
    opts = "".join(f'<option value="{_t(o)}">{_t(o)}</option>' for o in options)
    select = f'<select class="kzict-filter" data-filter="{name}"><option value="">all</option>{opts}</select>'
    return f"<label>{label} {select}</label>"


def page(df: pd.DataFrame) -> str:
    """The Markdown (raw HTML blocks) of the page."""
    filters = _select("verdict", "Verdict", list(VERDICTS)) + " " + _select("topic", "Topic", sorted(set(df["topic"])))
    return (
        "\n\n".join(
            [
                f"# {TITLE}",
                "What officials, the President's addresses, agencies and the press say about the sector, each number "
                "held against the series in kzict that checks it (`kzict.statements()`, `kzict statements`, "
                "`kzict export --claimreview`). A verdict is `consistent`, `inconsistent` or `unverifiable` (the "
                "data lack the economy, the year or the series, or the statement's definition differs), never a "
                "guess. The tolerance is half a unit of the last printed digit plus 1 % of the value; ranks are exact.",
                f"{summary(df)}.",
                f'<div class="kzict-filters">{filters} <span class="kzict-shown"></span></div>',
                *(_card(r) for r in df.itertuples()),
            ]
        )
        + "\n"
    )
