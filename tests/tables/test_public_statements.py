"""public_statements: every statement's verdict and the figure the data give, asserted by id."""

import pytest

OK, NO, UN = "consistent", "inconsistent", "unverifiable"
# id -> (verdict, data_value in the claim's unit, rounded to 4 decimals; None where the data hold none)
EXPECTED = {
    "C01": (UN, 2.4868),
    "C02": (UN, 721.9616),
    "C04": (UN, None),
    "C05": (UN, 191.9077),
    "C06": (UN, 477.2416),
    "C08": (UN, None),
    "C09": (UN, None),
    "C10": (UN, None),
    "C11": (OK, 90.924),
    "C12": (OK, 12.7743),
    "C13": (UN, None),
    "C14": (UN, None),
    "C15": (OK, 24.2939),
    "C15b": (NO, 1.0),  # the 2025 mobile release revised the peers' 2020 values down
    "C20": (UN, None),
    "C21": (UN, 90.924),
    "C22": (NO, 74.5877),
    "C22b": (NO, 3.2684),
    "C23": (NO, 2301.0),
    "C23b": (OK, 2148.0),
    "C24": (UN, 13.9468),
    "C24b": (UN, 12.7238),
    "C25": (NO, 28595.6),
    "C29": (UN, None),
    "C30": (OK, 28.0),
    "C30b": (OK, 33.0),
    "C30c": (OK, 39.0),
    "C31": (OK, 28.0),
    "C32": (OK, 28.0),
    "C34": (OK, 29.0),
    "C35": (OK, 26.0),
    "C36": (OK, 10.2409),
    "C37": (OK, 7.0),
    "C37b": (OK, 35.0),
    "C37c": (OK, 63.0),
    "C38": (OK, 12.0),
    "C38b": (OK, 35.0),
    "C38c": (OK, 63.0),
    "C38d": (OK, 80.0),
    "C38e": (OK, 97.0),
    "C40": (OK, 39.0),
    "C42": (OK, 28.0),
    "C43": (OK, 10.0),
    "C44": (OK, 39.0),
    "C44b": (OK, 1.0),
    "C46": (UN, None),
    "C47": (UN, None),
    "C48": (UN, None),
    "C50": (UN, 51.0),
    "C51": (UN, None),
    "C52": (UN, None),
    "C53": (UN, None),
}


def test_every_statement_verdict_and_data_value(tables):
    df = tables["public_statements"].set_index("id")
    assert list(df.index) == list(EXPECTED)
    for sid, (verdict, value) in EXPECTED.items():
        row = df.loc[sid]
        assert row["verdict"] == verdict, (sid, row["reason"])
        if value is None:
            assert row["data_value"] != row["data_value"], sid  # NaN
        else:
            assert round(float(row["data_value"]), 4) == value, sid


def test_the_registry_holds_every_listed_statement(tables):
    """The 39 statements of the reference list are all records (a statement with several numbers: C30, C30b)."""
    ids = set(tables["public_statements"]["id"])
    listed = {"C01", "C02", "C04", "C05", "C06", "C08", "C09", "C10", "C11", "C12", "C13", "C14", "C15", "C20"}
    listed |= {"C21", "C22", "C23", "C24", "C25", "C29", "C30", "C31", "C32", "C34", "C35", "C36", "C37", "C38"}
    listed |= {"C40", "C42", "C43", "C44", "C46", "C47", "C48", "C50", "C51", "C52", "C53"}
    assert len(listed) == 39 and listed <= ids
    assert {i.rstrip("bcde") for i in ids} == listed


def test_reasons_name_what_the_data_lack_or_how_they_were_computed(tables):
    df = tables["public_statements"].set_index("id")
    assert df.loc["C04", "reason"] == "wdi_indicators holds no BX.GSR.CCIS.CD for KAZ in 2026"
    assert df.loc["C31", "reason"] == "egdi_rank of KAZ in 2022 = 28, equal to the claimed 28"
    assert df.loc["C46", "reason"].startswith("no kzict table holds the series that would check it (the ITU ICT")
    assert "definition differs" in df.loc["C50", "reason"] and df.loc["C50", "definition"] == "different"
    assert "narrower" in df.loc["C01", "reason"] and "2.48683" in df.loc["C01", "reason"]
    assert "the years disagree" in df.loc["C20", "reason"] and "2020:" in df.loc["C20", "reason"]
    assert "outside them" in df.loc["C25", "reason"]
    assert df.loc["C15b", "reason"].startswith("rank of KAZ by IT.CEL.SETS.P2 in 2020 within KAZ, KGZ, TJK, TKM, UZB")


def test_tolerance_release_and_locators(tables):
    df = tables["public_statements"].set_index("id")
    assert df.loc["C11", "tolerance"] == pytest.approx(0.05 + 0.909)  # half of 0.1 plus 1 % of 90.9
    assert df.loc["C01", "tolerance"] == pytest.approx(0.55)  # 'fivefold': 5 ± 0.5, plus 1 %
    assert df.loc["C30", "tolerance"] == 0  # ranks are exact
    assert df.loc["C11", "release"] == "WDI release 2026-07-13"
    assert df.loc["C30", "release"] == "UN E-Government Survey 2014"
    assert df.loc["C50", "release"].startswith("Doing Business 2016")
    assert df.loc["C11", "data_locator"].startswith("wdi-IT.NET.USER.ZS-2026-07-13.csv, line ")
    assert df.loc["C50", "release"] == "Doing Business 2016, as recalculated in Doing Business 2017"
    assert df.loc["C01", "data_source_id"] == "wb_wdi" and df.loc["C30", "data_source_id"] == "un_egov_survey"
    assert (df["source_id"] == "kzict_statements").all()
    assert (df["locator"] == "statements.yaml, record " + df.index).all()
    assert df["url"].str.match(r"https?://").all()


def test_users_growth_is_share_times_population_recomputed_from_wdi(tables):
    w = tables["wdi_indicators"]
    kaz = w[w["iso3"] == "KAZ"].set_index(["indicator_code", "year"])["value"]

    def users(y):
        return kaz["IT.NET.USER.ZS", y] / 100 * kaz["IT.CEL.SETS", y] / kaz["IT.CEL.SETS.P2", y] * 100

    df = tables["public_statements"].set_index("id")
    assert df.loc["C12", "data_value"] == pytest.approx((users(2023) / users(2020) - 1) * 100)
