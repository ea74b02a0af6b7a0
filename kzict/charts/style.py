"""The house style and the helpers every chart shares: colours, the source caption, title/subtitle/caption layout."""

from __future__ import annotations

import io
import textwrap
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from typing import Any

import matplotlib.pyplot as plt
import matplotlib.ticker
import matplotlib.transforms as mtransforms
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

import kzict
from kzict.citation import short_citation

STYLE = resources.files("kzict") / "style" / "kzict.mplstyle"
ACCENT, MUTED, GREY = "#e15759", "#4e79a7", "#b0b0b0"
GREEN = "#59a14f"
OUTCOMES_REFERENCE = "kzict"  # printed_in of the outcome tables: kzict compiled them from the publishers


@contextmanager
def house_style() -> Iterator[None]:
    with plt.style.context(str(STYLE)):
        yield


class ChartFigure(Figure):
    """A chart: shows itself as PNG in a notebook (as a cell's last expression or through display())."""

    def _repr_png_(self) -> bytes:
        buf = io.BytesIO()
        with house_style():
            self.savefig(buf, format="png", metadata={"Software": None})
        return buf.getvalue()


def subplots(nrows: int = 1, ncols: int = 1, *, figsize: tuple[float, float], **kw: Any) -> tuple[ChartFigure, Any]:
    """Like ``plt.subplots`` but outside pyplot, on its own Agg canvas.

    pyplot is never asked for a figure, so no backend is chosen or changed, an inline backend does not show
    the chart a second time at the end of the cell, and a chart nobody keeps is freed like any object."""
    fig = ChartFigure(figsize=figsize)
    FigureCanvasAgg(fig)
    return fig, fig.subplots(nrows, ncols, **kw)


def caption(name: str, df: pd.DataFrame | None = None, note: str = "") -> str:
    """'Source: <original sources>, as printed in <work>, <locator>.' from the dataset's metadata."""
    df = kzict.load(name) if df is None else df
    cites = kzict.load("sources").set_index("source_id")["citation"]
    printed_in = kzict.describe(name).printed_in
    originals = [short_citation(cites[s]) for s in dict.fromkeys(df["source_id"].dropna()) if s != printed_in]
    if printed_in == OUTCOMES_REFERENCE:  # outcome figures: kzict compiled them from the sources themselves
        grades = " and ".join(sorted(set(df["grade"].dropna())))
        return (
            f"Source: {'; '.join(originals)} (grade: {grades}); compiled by kzict"
            + (f". {note}" if note else "")
            + ". Chart: kzict."
        )
    where = f"{short_citation(cites[printed_in])}, " + "; ".join(dict.fromkeys(df["locator"]))
    return (
        (f"Source: {'; '.join(originals)}, as printed in {where}" if originals else f"Source: {where}")
        + (f". {note}" if note else "")
        + ". Chart: kzict."
    )


def finish(fig, ax, title: str, text: str, subtitle: str | None = None):
    """Title, subtitle and source caption, aligned with the left edge of everything drawn."""
    bb = fig.get_tightbbox(fig.canvas.get_renderer())  # inches
    w, h = fig.get_figwidth(), fig.get_figheight()
    x, top, bottom = bb.x0 / w, bb.y1 / h, bb.y0 / h

    def at(dy_points: float):
        return mtransforms.offset_copy(fig.transFigure, fig=fig, y=dy_points, units="points")

    fig.text(
        x, top, title, transform=at(24 if subtitle else 8), fontsize=12.5, fontweight="bold", va="bottom", gid="title"
    )
    if subtitle:
        fig.text(x, top, subtitle, transform=at(8), fontsize=9, color="#555555", va="bottom", gid="subtitle")
    fig.text(
        x,
        bottom,
        textwrap.fill(text, width=int(bb.width * 15)),
        transform=at(-10),
        fontsize=8,
        color="#555555",
        va="top",
        gid="caption",
    )
    return fig


def usd_log_axis(ax):
    """The trade charts' value axis: log scale, plain USD-million ticks from 50 to 5,000."""
    ax.set_yscale("log")
    ax.set_ylim(50, 6000)
    ax.set_yticks([50, 100, 200, 500, 1000, 2000, 5000])
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: f"{v:,.0f}"))
    ax.yaxis.set_minor_locator(matplotlib.ticker.NullLocator())


def column_label(name: str, column: str, unit: str | None = None) -> str:
    """An axis label from the codebook: the column's description and its unit (``kzict:unit``).

    ``unit`` is for tables whose codebook says the unit lives in a column of its own ('see `unit`')."""
    col = next(c for c in kzict.describe(name).columns if c["column"] == column)
    text = (col["description"] or column).strip().rstrip(".")
    unit = unit if unit is not None else col["unit"]
    return text if not unit or unit in text else f"{text}, {unit}"


def ordinal(n: float) -> str:
    n = int(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def year_span(years: pd.Series) -> str:
    lo, hi = int(years.min()), int(years.max())
    return str(lo) if lo == hi else f"{lo}-{hi}"
