"""One function per chart, shared by the notebooks and ``python -m kzict.figures``.

Each function takes the clean table (loaded through ``kzict.load`` when not
given) and returns a matplotlib Figure in the house style, with a title, axis
labels with units and a source caption built from the dataset's metadata. The
charts are grouped by theme, one module per notebook; no function changes the
matplotlib backend, so a notebook shows whatever it displays.

>>> from kzict import charts
>>> fig = charts.it_trade()      # a Figure; a notebook shows it as the cell's last expression
"""

from __future__ import annotations

from collections.abc import Callable

try:
    from matplotlib.figure import Figure
except ModuleNotFoundError:  # the core install has no matplotlib: say which extra brings it
    from kzict._extras import require

    require("charts", "kzict.charts")
    raise

from kzict.charts import brief, entrepreneurs, indicators, outcomes, policy, sector, statements, trade
from kzict.charts.style import house_style

_THEMES = (sector, trade, policy, entrepreneurs, outcomes, indicators, brief, statements)

# notebook stem -> the file stems of the charts it draws, in drawing order
NOTEBOOKS: dict[str, list[str]] = {m.NOTEBOOK: list(m.CHARTS) for m in _THEMES}
# file stem -> chart function, every chart once
FIGURES: dict[str, Callable[..., Figure]] = {stem: f for m in _THEMES for stem, f in m.CHARTS.items()}
# The thesis's charts are also ``charts.<function name>()``; the indicators' (several charts of one table,
# named within their module) are reached through FIGURES by file stem.
_NAMED = {f.__name__: f for m in _THEMES if m not in (indicators, brief) for f in m.CHARTS.values()}
globals().update(_NAMED)

__all__ = ["FIGURES", "NOTEBOOKS", "house_style", *_NAMED]
