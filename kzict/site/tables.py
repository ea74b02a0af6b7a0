"""DataFrames as HTML tables for the site: whole when small, a searchable preview when large."""

from __future__ import annotations

from html import escape

import pandas as pd

PREVIEW_OVER = 200  # tables with more rows than this show a preview, a search box and the download
PREVIEW_ROWS = 50


def cell(value) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return '<span class="kzict-na">NA</span>'
    return escape(str(value))


def html_table(df: pd.DataFrame) -> str:
    """A plain HTML table (one line per row, so Markdown leaves it alone; no class, so the theme styles it)."""
    head = "".join(f"<th>{escape(str(c))}</th>" for c in df.columns)
    rows = [
        "<tr>" + "".join(f"<td>{cell(v)}</td>" for v in row) + "</tr>"
        for row in df.astype(object).itertuples(index=False)
    ]
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"


def data_table(
    df: pd.DataFrame, csv_href: str, preview_over: int = PREVIEW_OVER, preview_rows: int = PREVIEW_ROWS
) -> str:
    """The dataset's table with its row count and download link.

    A large table carries every row, but the page's script shows only the first ``preview_rows``
    until the reader types into the search box (which searches all rows). Without the script the
    whole table shows.
    """
    n = len(df)
    link = f'<a class="kzict-download" href="{csv_href}" download>Download CSV ({n} rows)</a>'
    table = f'<div class="kzict-scroll">\n{html_table(df)}\n</div>'
    if n <= preview_over:
        return (
            f'<div class="kzict-table" data-rows="{n}">\n<p class="kzict-count">{n} rows. {link}</p>\n{table}\n</div>'
        )
    shown = min(preview_rows, n)
    search = (
        f'<input class="kzict-search" type="search" placeholder="Search all {n} rows" aria-label="Search the table">'
    )
    return (
        f'<div class="kzict-table" data-rows="{n}" data-preview="{shown}">\n'
        f'<p class="kzict-count">Preview: <span class="kzict-shown">{shown}</span> of {n} rows. {link}</p>\n'
        f"{search}\n{table}\n</div>"
    )
