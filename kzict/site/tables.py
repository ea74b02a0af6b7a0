"""DataFrames as HTML tables for the site: whole when small, a searchable preview when large."""

from __future__ import annotations

import json
from html import escape

import pandas as pd

from kzict.site.safe import text

PROVENANCE = ("snapshot", "source_id", "locator")  # where a row comes from: read last, so drawn last
# a long table's value and release and a scorecard's verdict: drawn right after the key
LEAD = ("value", "release", "status")
PREVIEW_OVER = 200  # tables with more rows than this show a preview, a search box and the download
PREVIEW_ROWS = 50


def cell(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return '<span class="kzict-na">NA</span>'
    return text(value)


def for_reading(df: pd.DataFrame, lead=()) -> pd.DataFrame:
    """The columns in the order a reader needs them on a screen: ``lead`` (the key, the value, the verdict)
    first, so that no scrolling sideways is needed to see them, then the others, and provenance last."""
    first = [c for c in dict.fromkeys(lead) if c in df.columns and c not in PROVENANCE]
    last = [c for c in PROVENANCE if c in df.columns]
    return df[first + [c for c in df.columns if c not in first and c not in last] + last]


def html_table(df: pd.DataFrame) -> str:
    """A plain HTML table (one line per row, so Markdown leaves it alone; no class, so the theme styles it).
    Cells are separated by a space, so that the site's search index does not run them together."""
    head = " ".join(f"<th>{text(c)}</th>" for c in df.columns)
    rows = [
        "<tr>" + " ".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>"
        for row in df.astype(object).itertuples(index=False)
    ]
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def data_table(
    df: pd.DataFrame,
    csv_href: str,
    preview_over: int = PREVIEW_OVER,
    preview_rows: int = PREVIEW_ROWS,
    rows_src: str = "",
) -> str:
    """The dataset's table with its row count and download link.

    A large table shows its first ``preview_rows`` rows; every row travels in a separate script
    (``rows_src``, written by :func:`rows_script`) that the search box filters, so the page itself
    stays small. Without the script the preview and the download remain.
    """
    n = len(df)
    link = f'<a class="kzict-download" href="{csv_href}" download>Download CSV ({n} rows)</a>'
    if n <= preview_over:
        table = f'<div class="kzict-scroll">\n{html_table(df)}\n</div>'
        return (
            f'<div class="kzict-table" data-rows="{n}">\n<p class="kzict-count">{n} rows. {link}</p>\n{table}\n</div>'
        )
    shown = min(preview_rows, n)
    table = f'<div class="kzict-scroll">\n{html_table(df.head(shown))}\n</div>'
    search = (
        f'<input class="kzict-search" type="search" placeholder="Search all {n} rows" aria-label="Search the table">'
    )
    return (
        f'<div class="kzict-table" data-rows="{n}" data-preview="{shown}" data-src="{escape(rows_src)}">\n'
        f'<p class="kzict-count">Preview: <span class="kzict-shown">{shown}</span> of {n} rows. {link}</p>\n'
        f'{search}\n<script src="{escape(rows_src)}"></script>\n{table}\n</div>'
    )


def holdings(content: dict[str, list[str]]) -> str:
    """What a table holds (the build's ``kzict:content``: economies, codes, indicators, units, editions), as
    Markdown, so that the site's search finds a table by what is in it and not only by its name."""
    return "\n".join(f"- **{escape(col)}**: {escape(', '.join(values))}" for col, values in content.items())


def rows_script(src: str, df: pd.DataFrame) -> str:
    """Every row of a large table as a script the search box reads (a script loads from file://, a fetch does not)."""
    rows = [
        [None if (v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v))) else str(v) for v in row]
        for row in df.astype(object).itertuples(index=False)
    ]
    data = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return f"window.kzictRows = window.kzictRows || {{}};\nwindow.kzictRows[{json.dumps(src)}] = {data};\n"
