"""Facts kept in two places are tested to agree, so neither can drift from its owner."""

import re

from conftest import REPO

import kzict


def _table_names(text: str, header: str) -> list[str]:
    """The dataset names of the Markdown table whose header row starts with ``header``, in order."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(header))
    names = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        names.append(re.match(r"\| \[?`([a-z0-9_]+)`", line).group(1))  # type: ignore[union-attr]
    return names


def test_readme_dataset_table_lists_the_datasets_of_the_data_dictionary_in_catalogue_order():
    readme = _table_names((REPO / "README.md").read_text(encoding="utf-8"), "| name | what | printed in |")
    docs = _table_names((REPO / "docs" / "datasets.md").read_text(encoding="utf-8"), "| dataset | title |")
    assert docs == kzict.datasets()
    assert readme == docs


def test_charts_export_every_thesis_chart_by_its_function_name():
    from kzict import charts
    from kzict.charts import brief, indicators

    thesis = [f for stem, f in charts.FIGURES.items() if stem not in {**indicators.CHARTS, **brief.CHARTS}]
    assert [f.__name__ for f in thesis] == charts.__all__[3:]
    assert all(getattr(charts, f.__name__) is f for f in thesis)
    assert charts.__all__[:3] == ["FIGURES", "NOTEBOOKS", "house_style"]
    assert "it_trade" in charts.__all__ and "connectivity" not in charts.__all__
