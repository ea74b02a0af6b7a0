"""Notebook 06's charts draw what the data holds: the revision, the service-export marks, the thesis diamonds."""

import matplotlib.pyplot as plt
import pytest

from kzict.charts import indicators


@pytest.fixture(scope="module")
def figs():
    drawn = {stem: draw() for stem, draw in indicators.CHARTS.items()}
    yield drawn
    plt.close("all")


def _texts(ax):
    return [t.get_text() for t in ax.texts]


def test_mobile_chart_shows_the_revision_between_releases(figs):
    ax = figs["wdi_vintages_mobile_revision"].axes[0]
    assert _texts(ax) == ["2015: 187.2 (2017 release)", "2015: 145.5 (2026 release)"]
    legend = ["2017-03-23", "2023-03-01", "2025-07-01", "2026-04-08"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == legend


def test_service_exports_chart_marks_2014_and_2024(figs):
    fig = figs["wdi_indicators_ict_service_exports"]
    assert _texts(fig.axes[0]) == ["147", "855"]
    assert "release 2026-04-08" in [t.get_text() for t in fig.texts if t.get_gid() == "caption"][0]


def test_crosscheck_chart_sets_the_thesis_beside_the_world_bank(figs):
    ax = figs["trade_crosscheck"].axes[0]
    diamonds = [c.get_offsets() for c in ax.collections]
    assert sorted(len(d) for d in diamonds) == [2, 4]  # the thesis's imports and exports, corrected labels
    assert ax.get_yscale() == "log"


def test_egov_and_nri_rank_axes_run_downwards_with_kazakhstan_labelled(figs):
    egov = figs["egov_index_peers"].axes[0]
    ranks = ["46th", "38th", "28th", "33rd", "39th", "29th", "28th", "24th"]
    assert egov.yaxis_inverted() and _texts(egov) == ranks
    nri = figs["nri_index_peers"].axes[0]
    assert nri.yaxis_inverted() and "38th of 148" in _texts(nri)


def test_table1_context_uses_each_economys_table1_year(figs):
    ax_va, ax_goods, ax_services = figs["wdi_indicators_table1_context"].axes
    labels = [t.get_text() for t in ax_va.get_yticklabels()]
    assert "Kazakhstan (2006)" in labels and len(labels) == 11
    assert "no figure" in " ".join(_texts(ax_services))  # Latvia 2005: the subset has no value


def test_coarse_shares_are_hollow_points_not_a_plunge(figs):
    """Kazakhstan's 2000 ICT goods shares print as 0.00 at the 2026 file's 2 decimals: no line runs to them."""
    import math

    import kzict

    df = kzict.load("wdi_indicators")
    kaz = df[(df["iso3"] == "KAZ") & df["indicator_code"].isin(["TX.VAL.ICTG.ZS.UN", "TM.VAL.ICTG.ZS.UN"])]
    rough = kaz[kaz["value"].abs() <= 10.0 ** -kaz["decimals"]]
    assert sorted(zip(rough["indicator_code"], rough["year"], rough["decimals"])) == [
        ("TM.VAL.ICTG.ZS.UN", 2000, 2),
        ("TX.VAL.ICTG.ZS.UN", 2000, 2),
    ]
    assert sorted(rough["value"]) == [0.0, 0.01]  # the file's "0.00" and "0.01"
    fig = figs["wdi_indicators_ict_goods_trade"]
    for ax, code in zip(fig.axes[:2], ["TX.VAL.ICTG.ZS.UN", "TM.VAL.ICTG.ZS.UN"]):
        kaz_line = next(ln for ln in ax.get_lines() if ln.get_label() == "Kazakhstan")
        x, y = kaz_line.get_data()
        assert math.isnan(dict(zip(x, y))[2000])  # left out of the line
        hollow = [c for c in ax.collections if (c.get_offsets()[:, 0] == 2000).any()]
        value = rough.loc[rough["indicator_code"] == code, "value"].item()
        assert len(hollow) == 1 and tuple(hollow[0].get_offsets()[0]) == (2000, value)
    caption = [t.get_text() for t in fig.texts if t.get_gid() == "caption"][0]
    assert "hollow points, not joined" in caption and "TX.VAL.ICTG.ZS.UN: Kazakhstan 2000" in caption
