"""Which chart belongs to which dataset, derived from the chart files and the data, never typed per dataset.

A chart is ``figures/<stem>.png``; its SVG twin keeps every text of the chart as a comment, so the
caption ("Source: ..., Table 1, p. 29. Chart: kzict.") can be read back. Matching, first hit wins:

1. by name: the dataset's name is a run of whole words of the stem (``table1_ict_value_added``);
2. by key: the stem is, or prefixes, a value in one of the dataset's key columns
   (``internet_users`` -> ``indicator_outcomes`` row ``internet_users_pct``);
3. by caption, only for a chart or a dataset left without a match: the caption names the
   dataset's locator ("Figure 2, p. 33").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

_COMMENT = re.compile(r"<!-- (.*?) -->", re.S)


@dataclass(frozen=True)
class Chart:
    stem: str
    png: Path
    caption: str  # the chart's source line, or "" when it has none

    @property
    def alt(self) -> str:
        label = self.stem.replace("_", " ")
        return f"Chart: {label}. {self.caption}".strip()


def read_charts(figures: Path) -> list[Chart]:
    charts = []
    for png in sorted(figures.glob("*.png")):
        svg = png.with_suffix(".svg")
        caption = ""
        if svg.is_file():
            texts = _COMMENT.findall(svg.read_text(encoding="utf-8"))
            starts = [i for i, t in enumerate(texts) if t.startswith("Source:")]
            if starts:
                caption = " ".join(texts[starts[-1] :])
        charts.append(Chart(png.stem, png, caption))
    return charts


def _by_name(name: str, stem: str) -> bool:
    return f"_{name}_" in f"_{stem}_"


def _by_key(values: set[str], stem: str) -> bool:
    return stem in values or any(v.startswith(stem + "_") for v in values)


def _locator_parts(locator: str) -> list[str]:
    """'Figure 2, p. 33 (targets); outcomes.md (outcomes)' -> ['Figure 2, p. 33', 'outcomes.md']."""
    parts = [re.sub(r"\s*\([^)]*\)$", "", p).strip() for p in locator.split(";")]
    return [p for p in parts if len(p) > 6]


def _by_caption(locator: str, caption: str) -> bool:
    return any(p in caption for p in _locator_parts(locator))


def match(charts: list[Chart], locators: dict[str, str], key_values: dict[str, set[str]]) -> dict[str, list[Chart]]:
    """Charts per dataset (every dataset of ``locators`` is a key, in its order)."""
    found: dict[str, list[Chart]] = {name: [] for name in locators}
    matched: set[str] = set()
    for chart in charts:
        for name in locators:
            if _by_name(name, chart.stem) or _by_key(key_values.get(name, set()), chart.stem):
                found[name].append(chart)
                matched.add(chart.stem)
    charted = {name for name, got in found.items() if got}
    for chart in charts:
        for name, locator in locators.items():
            if chart.stem in matched and name in charted:
                continue
            if chart not in found[name] and _by_caption(locator, chart.caption):
                found[name].append(chart)
    return found
