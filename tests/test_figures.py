"""Charts: what they draw, and that they are byte-reproducible and current."""

import io

import matplotlib.colors as mcolors
import matplotlib.pyplot as plt
import pytest
from conftest import REPO

import kzict
from kzict import charts
from kzict.charts.style import ACCENT, MUTED
from kzict.figures import save

pytestmark = pytest.mark.slow(6)  # scheduled early: see tests/conftest.py


class _Drawn(dict):
    def __missing__(self, stem):
        self[stem] = fig = charts.FIGURES[stem]()
        return fig


@pytest.fixture(scope="session")
def figs():
    """Each chart drawn at most once per process, when a test first asks for it; the tests only read them.
    (xdist workers share this file's tests, and may run them between other files' tests.)"""
    drawn = _Drawn()
    yield drawn
    plt.close("all")


def _texts(fig, gid):
    return [t.get_text() for t in fig.texts if t.get_gid() == gid]


# the unit each chart's axis labels must name; None for diagrams, which have no value axis
UNITS = {
    "public_statements_levels": "unit",
    "table1_ict_value_added": "%",
    "it_expenditure_structure": "%",
    "it_trade": "USD mn (current)",
    "ik2020_targets": "%",
    "ict_programme_2010_2014": "KZT bn",
    "ict_policy_documents": "Date",
    "ict_rankings": "rank",
    "survey_profile": "persons",
    "coding_scheme": None,
    "asadel_fund": "%",
    "sector_facts": "%",
    "transnational_channels": None,
    "electronics_business_models": None,
    "internet_users": "% of population",
    "egov_rank": "Rank",
    "ik2020_scorecard": None,
    "it_trade_vs_services": "USD mn (current)",
    "wdi_indicators_ict_goods_trade": "% of total goods exports",
    "wdi_indicators_ict_service_exports": "USD mn (current)",
    "wdi_indicators_connectivity": "% of population",
    "wdi_vintages_mobile_revision": "per 100 people",
    "egov_index_peers": "rank",
    "nri_index_peers": "rank",
    "trade_crosscheck": "USD mn (current)",
    "wdi_indicators_table1_context": "% of service exports",
    "wdi_indicators_peer_brief": "rank",
    "wdi_indicators_peer_internet_users": "% of population",
    "wdi_indicators_peer_mobile": "per 100 people",
}


def test_every_chart_is_listed_with_its_unit():
    assert set(UNITS) == set(charts.FIGURES)


@pytest.mark.parametrize("stem", list(charts.FIGURES))
def test_every_chart_has_title_caption_and_unit_labels(stem, figs):
    fig = figs[stem]
    assert len(_texts(fig, "title")) == 1
    (caption,) = _texts(fig, "caption")
    caption = " ".join(caption.split())
    assert caption.startswith("Source: ") and caption.endswith("Chart: kzict.")
    work = {
        "electronics_business_models": "long abstract",
        "internet_users": "World Bank",
        "egov_rank": "United Nations",
        "ik2020_scorecard": "compiled by kzict",
        **{stem: "World Bank" for stem in charts.NOTEBOOKS["06_indicators_in_context"]},
        **{stem: "World Bank" for stem in charts.NOTEBOOKS["07_peer_brief"]},
        "egov_index_peers": "United Nations",
        "nri_index_peers": "World Economic Forum",
        "public_statements_levels": "World Bank",
    }.get(stem, "Alibayev (2017)")
    assert work in caption
    labels = "".join(ax.get_xlabel() + ax.get_ylabel() for ax in fig.axes)
    if UNITS[stem]:
        assert UNITS[stem] in labels, labels


def test_table1_chart_ranks_eleven_bars_and_highlights_kazakhstan(figs):
    fig = figs["table1_ict_value_added"]
    ax = fig.axes[0]
    bars = ax.patches
    assert len(bars) == 11
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names[-1] == "Hungary" and names[0] == "Azerbaijan"
    colours = {n: mcolors.to_hex(b.get_facecolor()) for n, b in zip(names, bars)}
    assert colours["Kazakhstan"] == ACCENT
    assert {c for n, c in colours.items() if n != "Kazakhstan"} == {MUTED}
    assert "6.3 (2006)" in [t.get_text() for t in ax.texts]
    assert "UNCTADstat" in _texts(fig, "caption")[0] and "Table 1, p. 29" in _texts(fig, "caption")[0]


def test_trade_chart_shows_gaps_not_zeros(figs):
    fig = figs["it_trade"]
    ax = fig.axes[0]
    exports = [ln for ln in ax.get_lines() if ln.get_label() == "exports"][0]
    y = list(exports.get_ydata())
    assert y[0] == 84.6 and y[1] != y[1], "2012 is NaN (a gap), not 0"
    assert "no figure\nprinted" in [t.get_text() for t in ax.texts]
    assert "corrected" in _texts(fig, "caption")[0]


def test_targets_chart_draws_share_targets_as_bars_and_rank_targets_as_points(figs):
    fig = figs["ik2020_targets"]
    ax, axr = fig.axes
    assert len(ax.patches) == 11 and len(axr.patches) == 0, "a rank is never a bar"
    (points,) = axr.collections
    assert sorted(points.get_offsets()[:, 0]) == [25, 35] and axr.xaxis_inverted()


COMMITTED = sorted((REPO / "figures").glob("*.[ps][nv]g"))


def test_every_committed_figure_is_a_registered_chart():
    assert {p.stem for p in COMMITTED} == set(charts.FIGURES)


# one case per chart, so that xdist workers share the saving
@pytest.mark.parametrize("stem", list(charts.FIGURES))
def test_figures_are_byte_reproducible_and_committed_ones_are_current(stem, tmp_path, figs):
    """A fresh drawing in this process equals, byte for byte, the committed one drawn by `make figures`
    in another process: the files carry no date, version or random id."""
    fresh = save(figs[stem], tmp_path, stem, close=False)
    assert sorted(p.name for p in fresh) == sorted(p.name for p in COMMITTED if p.stem == stem)
    for path in fresh:
        committed = REPO / "figures" / path.name
        assert committed.read_bytes() == path.read_bytes(), f"{path.name} is stale: run `make figures`"
    (svg,) = [p.read_text() for p in fresh if p.suffix == ".svg"]
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_programme_chart_shows_size_and_five_share_goals(figs):
    fig = figs["ict_programme_2010_2014"]
    ax, axs = fig.axes
    assert [p.get_height() for p in axs.patches] == [90, 172]
    assert len(ax.get_yticklabels()) == 5 and "3.3 → 3.8" in [t.get_text() for t in ax.texts]
    assert ax.get_xscale() == "log", "3.3 and 3.8 must not sit on top of each other"


def test_policy_timeline_draws_year_only_act_as_a_span(figs):
    fig = figs["ict_policy_documents"]
    ax = fig.axes[0]
    spans = [p for p in ax.patches if p.get_width() == 1]
    assert len(spans) == 1 and spans[0].get_x() == 2011
    assert len([ln for ln in ax.get_lines() if ln.get_marker() == "D"]) == 2
    labels = " | ".join(" ".join(t.get_text().split()) for t in ax.get_yticklabels())
    for title in kzict.load("ict_policy_documents")["title"]:
        assert " ".join(title.strip(" .").split()) in labels, "every title in full, never cut"


def test_rankings_axis_runs_downwards(figs):
    fig = figs["ict_rankings"]
    assert fig.axes[0].yaxis_inverted()
    assert {t.get_text() for t in fig.axes[0].texts} == {"49 of 155", "43 of 144", "38 of 148"}  # 2013 stored once


def test_channels_diagram_draws_six_arrows_coloured_by_lead_actor(figs):
    fig = figs["transnational_channels"]
    arrows = [a for ax in fig.axes for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    assert len(arrows) == 6
    colours = [mcolors.to_hex(a.arrow_patch.get_edgecolor()) for a in arrows]
    assert colours.count(ACCENT) == 2 and colours.count(MUTED) == 4  # two flows led by the state


def test_business_model_matrix_marks_unstated_cells(figs):
    fig = figs["electronics_business_models"]
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert len(texts) == 4 * 7 and texts.count("not stated") == 7 + 4 + 3 + 1 + 0 and texts.count("limited") == 2


def test_outcome_charts_draw_the_target_lines(figs):
    fig = figs["internet_users"]
    ax = fig.axes[0]
    assert 75 in [ln.get_ydata()[0] for ln in ax.get_lines() if ln.get_linestyle() == "--"]
    assert len(ax.get_lines()[0].get_xdata()) == 20  # 2005-2024
    fig = figs["egov_rank"]
    ax = fig.axes[0]
    assert ax.yaxis_inverted() and 25 in [ln.get_ydata()[0] for ln in ax.get_lines() if ln.get_linestyle() == "--"]


def test_scorecard_chart_shows_every_status(figs):
    fig = figs["ik2020_scorecard"]
    texts = [t.get_text() for t in fig.axes[0].texts]
    assert texts.count("met") == 2 and texts.count("not met") == 1 and texts.count("not measured") == 10
    # targets 9, 12 and 13 have proxies that bound nothing: marked, not judged
    assert texts.count("proxy does not bound it") == 3 and not any("proxy)" in t for t in texts)


def _text_extents(fig, renderer):
    """(label, window extent) of every visible, non-empty text: figure texts, titles, axis and tick labels,
    annotations and legend entries. Tick labels outside their axis (ticks the axis does not draw) are left out."""
    out = []
    for t in fig.texts:
        out.append((t, t.get_window_extent(renderer), None))
    for ax in fig.axes:
        box = ax.get_window_extent(renderer)
        texts = [ax.title, ax._left_title, ax._right_title, *ax.texts]
        texts += [ax.xaxis.label, ax.yaxis.label] if ax.axison else []
        legend = ax.get_legend()
        if legend is not None:
            texts += legend.get_texts()
        for t in texts:
            out.append((t, t.get_window_extent(renderer), ax))
        for axis, lo, hi in ((ax.xaxis, box.x0, box.x1), (ax.yaxis, box.y0, box.y1)) if ax.axison else ():
            for t in axis.get_ticklabels():
                bb = t.get_window_extent(renderer)
                mid = (bb.x0 + bb.x1) / 2 if axis is ax.xaxis else (bb.y0 + bb.y1) / 2
                if lo - 1 <= mid <= hi + 1:
                    out.append((t, bb, ax))
    return [(t, bb, ax) for t, bb, ax in out if t.get_visible() and t.get_text().strip()]


def _illegible(fig) -> list[str]:
    """Pairs of overlapping texts, texts running into another panel, and texts or legends outside the saved
    image (bbox_inches as `save` uses)."""
    with charts.house_style():
        fig.savefig(io.BytesIO(), format="png")  # the saved file's layout, at its dpi
        fig.canvas.draw()  # again at the figure's own dpi, so every cached position matches the renderer's
        pad = plt.rcParams["savefig.pad_inches"] * fig.dpi
    renderer = fig.canvas.get_renderer()
    saved = fig.get_tightbbox(renderer).transformed(fig.dpi_scale_trans).padded(pad)
    found = []
    items = _text_extents(fig, renderer)
    legends = [(lg, lg.get_window_extent(renderer)) for lg in [*fig.legends, *(a.get_legend() for a in fig.axes)] if lg]
    for artist, bb in [(t, bb) for t, bb, _ in items] + legends:
        if not (saved.x0 <= bb.x0 and bb.x1 <= saved.x1 and saved.y0 <= bb.y0 and bb.y1 <= saved.y1):
            found.append(f"clipped: {getattr(artist, 'get_text', lambda: 'legend')()!r}")
    shrunk = [(t, bb.padded(-1)) for t, bb, _ in items]  # a pixel of tolerance for touching boxes
    for t, bb, own in items:  # an axes' text must not run into another axes' plotting area
        for ax in fig.axes:
            if own is not None and ax is not own and bb.padded(-1).overlaps(ax.get_window_extent(renderer)):
                found.append(f"runs into another panel: {t.get_text()!r}")
    for i, (a, abb) in enumerate(shrunk):
        for b, bbb in shrunk[i + 1 :]:
            if abb.overlaps(bbb):
                found.append(f"overlap: {a.get_text()!r} / {b.get_text()!r}")
    return found


@pytest.mark.parametrize("stem", list(charts.FIGURES))
def test_every_chart_is_legible(stem, figs):
    """No two texts overlap and nothing is cut off by the saved image."""
    assert _illegible(figs[stem]) == []


def test_the_legibility_check_sees_overlaps_panels_and_clipping():
    """The check itself can fail: two texts on top of each other, a tick label inside the next panel, and a
    text left out of the saved layout are each reported."""
    from kzict.charts.style import subplots

    with charts.house_style():
        fig, (a, b) = subplots(1, 2, figsize=(4, 2), width_ratios=[1, 1])
        a.text(0.5, 0.5, "first label")
        a.text(0.52, 0.5, "second label")
        a.set_yticks([0.5], ["a tick label far too long for the gap between the panels"])
        fig.subplots_adjust(wspace=0.05)
        b.set_yticks([0.5], ["a tick label long enough to reach into the panel on its left"])
        fig.text(1.5, 0.5, "off the page").set_in_layout(False)
    found = _illegible(fig)
    assert "overlap: 'first label' / 'second label'" in found
    assert any(f.startswith("runs into another panel") for f in found)
    assert "clipped: 'off the page'" in found


def test_the_command_draws_in_worker_processes_the_same_bytes_in_catalogue_order(tmp_path):
    """`python -m kzict.figures` (what `make figures` runs) forks one drawing process per core: the files it
    writes are the committed bytes, and it names them in catalogue order, whichever worker drew which."""
    import subprocess
    import sys

    stems = list(charts.FIGURES)[:4]
    done = subprocess.run(
        [sys.executable, "-m", "kzict.figures", "--out", str(tmp_path), *stems],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    )
    names = [line.rsplit("/", 1)[-1] for line in done.stdout.split()]
    assert names == [f"{s}.{ext}" for s in stems for ext in ("png", "svg")]
    for name in names:
        assert (tmp_path / name).read_bytes() == (REPO / "figures" / name).read_bytes(), name
