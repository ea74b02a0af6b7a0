"""Plain-text rendering for the terminal: the catalogue, search hits and tables (``show --format table``)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

    from kzict.catalogue import Entry, Hit

NA = "NA"  # the one spelling of a missing value in a text table
MAX_WIDTH = 40  # longer text is cut with an ellipsis; `show` (CSV) has the full text


def _aligned(pairs: list[tuple[str, str]]) -> list[str]:
    width = max((len(a) for a, _ in pairs), default=0)
    return [f"{a:<{width}}  {b}".rstrip() for a, b in pairs]


def catalogue(entries: list[Entry], long: bool = False) -> str:
    lines = _aligned([(e.name, e.title) for e in entries])
    if not long:
        return "\n".join(lines)
    out = []
    for line, e in zip(lines, entries):
        span = f"years {e.years}" if e.years else "no year column"
        sources = ", ".join(e.sources) if e.sources else "none (see the table)"
        out += [line, f"    {e.rows} rows; {span}; sources: {sources}"]
    return "\n".join(out)


def hits(found: list[Hit]) -> str:
    lines = _aligned([(h.name, h.title) for h in found])
    return "\n".join(f"{line}\n    found in: {', '.join(h.where)}" for line, h in zip(lines, found))


def cell(value: object, max_width: int = MAX_WIDTH) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)) or str(value) in ("<NA>", "NaT"):
        return NA
    if isinstance(value, float):
        text = f"{value:.10g}"
    else:
        text = " ".join(str(value).split())  # newlines and tabs would break the rows
    return text if len(text) <= max_width else text[: max_width - 1] + "…"


def table(df: pd.DataFrame, max_width: int = MAX_WIDTH) -> str:
    """``df`` as aligned columns: numbers right, text left, long text cut, every missing value "NA"."""
    columns = [str(c) for c in df.columns]
    body = [[cell(v, max_width) for v in df[c].astype(object)] for c in df.columns]
    right = [df[c].dtype.kind in "iuf" for c in df.columns]
    widths = [max([len(h), *(len(v) for v in col)]) for h, col in zip(columns, body)]

    def row(values: list[str]) -> str:
        return "  ".join(v.rjust(w) if r else v.ljust(w) for v, w, r in zip(values, widths, right)).rstrip()

    lines = [row(columns), row(["-" * w for w in widths])]
    lines += [row([col[i] for col in body]) for i in range(len(df))]
    return "\n".join(lines)
