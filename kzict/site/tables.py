"""DataFrames as HTML tables for the site: whole when small, a searchable preview when large."""

from __future__ import annotations

import json
from html import escape

import pandas as pd

from kzict.site.safe import text

PREVIEW_OVER = 200  # tables with more rows than this show a preview, a search box and the download
PREVIEW_ROWS = 50


def cell(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return '<span class="kzict-na">NA</span>'
    return text(value)


def html_table(df: pd.DataFrame) -> str:
    """A plain HTML table (one line per row, so Markdown leaves it alone; no class, so the theme styles it)."""
    head = "".join(f"<th>{text(c)}</th>" for c in df.columns)
    rows = [
        "<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>"
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


def rows_script(src: str, df: pd.DataFrame) -> str:
    """Every row of a large table as a script the search box reads (a script loads from file://, a fetch does not)."""
    rows = [
        [None if (v is None or v is pd.NA or (isinstance(v, float) and pd.isna(v))) else str(v) for v in row]
        for row in df.astype(object).itertuples(index=False)
    ]
    data = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
    return f"window.kzictRows = window.kzictRows || {{}};\nwindow.kzictRows[{json.dumps(src)}] = {data};\n"
