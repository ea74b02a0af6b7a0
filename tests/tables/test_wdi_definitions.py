"""wdi_definitions: the World Bank's definition and source of each tracked code, from the metadata companions."""

from kzict.tables._wdi import INDICATORS


def test_every_tracked_code_has_a_definition(tables):
    df = tables["wdi_definitions"]
    assert set(df["indicator_code"]) == set(INDICATORS)
    assert df["definition"].str.len().min() > 20


def test_internet_users_from_the_2026_07_13_companion(tables):
    r = tables["wdi_definitions"].set_index("indicator_code").loc["IT.NET.USER.ZS"]
    assert r["definition"].startswith(
        "Internet users are individuals who have used the Internet (from any location) in the last 3 months."
    )
    assert r["source_organization"].startswith("World Telecommunication/ICT Indicators Database")
    assert r["release"] == "2026-07-13"
    assert r["locator"] == "wdi-IT.NET.USER.ZS-2026-07-13-metadata-indicator.csv, line 2"


def test_the_kazakhstan_companion_subset(tables):
    df = tables["wdi_definitions"].set_index("indicator_code")
    assert "UNCTAD" in df.loc["TX.VAL.ICTG.ZS.UN", "source_organization"]
    assert df.loc["GB.XPD.RSDV.GD.ZS", "indicator"] == "Research and development expenditure (% of GDP)"
    assert df.loc["GB.XPD.RSDV.GD.ZS", "release"] == "2026-04-08"


def test_indicators_lists_the_definitions(tables):
    import kzict

    i = kzict.indicators("IT.NET.USER.ZS").set_index("indicator_code")
    assert "from any location" in i.loc["IT.NET.USER.ZS", "definition"]
