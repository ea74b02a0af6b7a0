"""sources: the values, asserted one by one."""

import pandas as pd

# works that print figures themselves, and kzict (which compiled the outcome tables and the public statements)
PRIMARY = {
    "alibayev2017": "thesis",
    "electronics_semiperiphery": "paper",
    "kzict": "database",
    "kzict_statements": "database",
}


def test_sources_table(tables):
    src = tables["sources"].set_index("source_id")
    assert {
        "alibayev2017",
        "unctadstat",
        "oecd2010",
        "oecd2012",
        "oecd2013",
        "decree983_2010",
        "ik2020",
        "kisi2016",
        "eeca2014",
        "forbes_kz2014",
    } <= set(src.index)
    assert src.loc["unctadstat", "kind"] == "database"
    assert src.loc["decree983_2010", "url"].startswith("http://adilet.zan.kz/")


def test_structured_fields(tables):
    src = tables["sources"].set_index("source_id")
    assert src.loc["alibayev2017", ["author", "year", "title"]].tolist() == [
        "Alibayev, Yerdaulet",
        2017,
        "The Role of the State and Entrepreneurs in Transnational Development of Information and Technology "
        "Sector in Kazakhstan",
    ]
    assert src.loc["oecd2013", ["author", "year"]].tolist() == ["OECD", 2013]
    # the electronics paper states neither authors nor year: both stay missing
    assert src.loc["electronics_semiperiphery", ["author", "year"]].isna().all()
    assert src.loc["baq_kz", ["author", "accessed"]].tolist() == ["Baq.kz", "2026-11-29"]
    assert src["title"].str.len().min() > 5


def test_nothing_cites_a_file_users_do_not_have(tables):
    src = tables["sources"]
    assert "kzict_outcomes_reference" not in set(src["source_id"])
    for col in ("citation", "container", "url"):
        assert not src[col].str.contains("shared/|outcomes.md", na=False).any(), col


def test_sources_via_resolves_and_every_source_is_read_directly_or_via_the_thesis(tables):
    src = tables["sources"]
    assert set(src["via"].dropna()) <= set(src["source_id"])
    by_id = src.set_index("source_id")
    for sid, kind in PRIMARY.items():
        assert by_id.loc[sid, "kind"] == kind and pd.isna(by_id.loc[sid, "via"])
    rest = by_id.drop(index=list(PRIMARY))
    direct = rest[rest["via"].isna()]
    # what kzict read itself has its address and the date it was read; the rest came via the thesis
    assert direct["url"].notna().all() and direct["accessed"].isin(["2026-11-29", "2026-12-06"]).all()
    # the sources whose newer editions were read on 6 December 2026
    assert set(direct.index[direct["accessed"] == "2026-12-06"]) == {"wb_wdi", "un_egov_survey", "wb_doing_business"}
    assert (rest.loc[rest["via"].notna(), "via"] == "alibayev2017").all()
    assert rest.loc[rest["via"].notna(), "accessed"].isna().all()
    used = set(tables["indicator_outcomes"]["source_id"].dropna())
    assert used <= set(direct.index)
