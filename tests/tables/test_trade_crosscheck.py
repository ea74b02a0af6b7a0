"""trade_crosscheck: ICT goods trade in US$ from the World Bank's share x merchandise arithmetic, beside the thesis."""

import pytest


def test_the_arithmetic_from_the_wdi_rows(tables):
    x, ind = tables["trade_crosscheck"], tables["wdi_indicators"]
    kaz = ind[ind["iso3"] == "KAZ"].set_index(["indicator_code", "year"])["value"]
    for flow, share, total in (
        ("export", "TX.VAL.ICTG.ZS.UN", "TX.VAL.MRCH.CD.WT"),
        ("import", "TM.VAL.ICTG.ZS.UN", "TM.VAL.MRCH.CD.WT"),
    ):
        rows = x[(x["flow"] == flow) & (x["release"] == "2026-04-08")].set_index("year")
        for year, r in rows.iterrows():
            assert r["ict_share_pct"] == kaz[(share, year)]
            assert r["merchandise_usd_mn"] == pytest.approx(kaz[(total, year)] / 1e6)
            assert r["ict_goods_usd_mn"] == pytest.approx(kaz[(share, year)] / 100 * kaz[(total, year)] / 1e6)


def test_2014_roughly_670_of_exports_and_2470_of_imports(tables):
    x = tables["trade_crosscheck"].set_index(["flow", "year", "release"])
    exp, imp = x.loc[("export", 2014, "2026-04-08")], x.loc[("import", 2014, "2026-04-08")]
    assert round(exp["ict_goods_usd_mn"]) == 667 and round(imp["ict_goods_usd_mn"]) == 2474
    # beside them, the thesis's values under kzict's corrected labels, and the label the print gave
    assert (exp["thesis_usd_mn"], exp["thesis_printed_label"]) == (401.6, "import")
    assert (imp["thesis_usd_mn"], imp["thesis_printed_label"]) == (2990.2, "export")


def test_imports_exceed_exports_every_year_as_the_corrected_labels_say(tables):
    x = tables["trade_crosscheck"]
    wide = x.pivot_table(index=["year", "release"], columns="flow", values="ict_goods_usd_mn")
    assert (wide["import"] > wide["export"]).all()
    thesis = x.dropna(subset=["thesis_usd_mn"])
    assert set(zip(thesis["year"], thesis["flow"])) == {
        (2011, "export"),
        (2013, "export"),
        (2014, "export"),
        (2015, "export"),
        (2014, "import"),
        (2015, "import"),
    }
    assert len(x) == 46 and set(x["release"]) == {"2026-04-08"}
    assert thesis["thesis_locator"].str.contains("p. 32").all()
