"""Charts: what they draw, and that they are byte-reproducible and current."""
import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import pytest

from kzict import plots
from kzict.figures import write_all

from conftest import REPO


def _texts(fig, gid):
    return [t.get_text() for t in fig.texts if t.get_gid() == gid]


@pytest.mark.parametrize("stem", list(plots.FIGURES))
def test_every_chart_has_title_caption_and_unit_labels(stem):
    fig = plots.FIGURES[stem]()
    try:
        assert len(_texts(fig, "title")) == 1
        (caption,) = _texts(fig, "caption")
        assert caption.startswith("Source: ") and "Alibayev (2017)" in caption and "p. " in caption
        labels = [ax.get_xlabel() + ax.get_ylabel() for ax in fig.axes]
        assert any(u in "".join(labels) for u in ("%", "USD")), labels
    finally:
        plt.close(fig)


def test_table1_chart_ranks_eleven_bars_and_highlights_kazakhstan():
    fig = plots.ict_value_added()
    ax = fig.axes[0]
    bars = ax.patches
    assert len(bars) == 11
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names[-1] == "Hungary" and names[0] == "Azerbaijan"
    colours = {n: mcolors.to_hex(b.get_facecolor()) for n, b in zip(names, bars)}
    assert colours["Kazakhstan"] == plots.ACCENT
    assert {c for n, c in colours.items() if n != "Kazakhstan"} == {plots.MUTED}
    assert "6.3 (2006)" in [t.get_text() for t in ax.texts]
    assert "UNCTADstat" in _texts(fig, "caption")[0] and "Table 1, p. 29" in _texts(fig, "caption")[0]
    plt.close(fig)


def test_trade_chart_shows_gaps_not_zeros():
    fig = plots.it_trade()
    ax = fig.axes[0]
    exports = [ln for ln in ax.get_lines() if ln.get_label() == "exports"][0]
    y = list(exports.get_ydata())
    assert y[0] == 84.6 and y[1] != y[1], "2012 is NaN (a gap), not 0"
    assert "no figure\nprinted" in [t.get_text() for t in ax.texts]
    assert "corrected" in _texts(fig, "caption")[0]
    plt.close(fig)


def test_targets_chart_draws_eleven_share_bars_and_two_rank_bars():
    fig = plots.ik2020_targets()
    ax, axr = fig.axes
    assert len(ax.patches) == 11 and len(axr.patches) == 2
    assert axr.yaxis_inverted()
    plt.close(fig)


def test_figures_are_byte_reproducible_and_committed_ones_are_current(tmp_path):
    a = write_all(tmp_path / "a")
    b = write_all(tmp_path / "b")
    for pa, pb in zip(a, b):
        assert pa.read_bytes() == pb.read_bytes(), pa.name
        committed = REPO / "figures" / pa.name
        assert committed.read_bytes() == pa.read_bytes(), f"{pa.name} is stale: run `make figures`"
