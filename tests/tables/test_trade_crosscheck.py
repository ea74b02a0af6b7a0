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


def test_each_row_is_bounded_by_the_shares_printed_precision(tables):
    x = tables["trade_crosscheck"].dropna(subset=["ict_share_pct"])
    assert set(x["share_decimals"]) == {2}  # the 2026 release prints the shares to 2 decimals
    half = 0.5 * 10.0 ** -x["share_decimals"]
    low = (x["ict_share_pct"] - half).clip(lower=0) / 100 * x["merchandise_usd_mn"]
    assert x["ict_goods_low_usd_mn"].tolist() == pytest.approx(low.tolist(), rel=1e-12)
    high = (x["ict_share_pct"] + half) / 100 * x["merchandise_usd_mn"]
    assert x["ict_goods_high_usd_mn"].tolist() == pytest.approx(high.tolist(), rel=1e-12)
    assert (x["ict_goods_low_usd_mn"] <= x["ict_goods_usd_mn"]).all()
    assert (x["ict_goods_usd_mn"] <= x["ict_goods_high_usd_mn"]).all()
    r = x.set_index(["flow", "year"]).loc[("export", 2007)]  # 0.03 %: 0.025-0.035 % of 47,755
    assert (r["ict_goods_low_usd_mn"], r["ict_goods_high_usd_mn"]) == pytest.approx((11.93875, 16.71425))
    zero = x.set_index(["flow", "year"]).loc[("export", 2000)]  # printed 0: somewhere below 0.005 %
    assert zero["ict_goods_low_usd_mn"] == 0 and zero["ict_goods_high_usd_mn"] == pytest.approx(0.005 / 100 * 8812)


def test_the_codebook_states_the_compilers_and_what_rounding_does_to_2005_2008(tables):
    import kzict

    text = " ".join(str(kzict.describe("trade_crosscheck")).split())
    assert "compiled by UNCTAD and the merchandise total by the WTO" in text
    # the stated differences are those of the files: 2-decimal shares of 2026 against the 10-decimal subset
    v = tables["wdi_vintages"]
    kaz = v[(v["iso3"] == "KAZ") & (v["indicator_code"] == "TX.VAL.ICTG.ZS.UN")]
    by = kaz.pivot_table(index="year", columns="snapshot", values="value")
    rounded, fine = by["wdi-KAZ-all-indicators-2026-04-08.csv"], by["ddf-wdi-tx_val_ictg_zs_un-0656517-subset.csv"]
    moved = ((rounded / fine - 1).abs() * 100).round().loc[2005:2008].astype(int).tolist()
    assert moved == [5, 11, 14, 11]
    assert "differ by 11 %, 14 % and 11 %" in text and "2005's (0.06) by 5 %" in text
    for y in (2006, 2007, 2008):
        assert f"{fine[y]:.10f}" in text
