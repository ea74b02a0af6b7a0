"""nri_index: WEF Networked Readiness Index 2012-2016, Kazakhstan and 21 comparators."""

import kzict


def test_kazakhstan_ranks_and_scores(tables):
    df = tables["nri_index"]
    kaz = df[df["iso3"] == "KAZ"].set_index("edition")
    assert (kaz.loc[2014, "rank"], kaz.loc[2014, "economies_ranked"], kaz.loc[2014, "score"]) == (38, 148, 4.582)
    assert kaz["rank"].to_dict() == {2012: 55, 2013: 43, 2014: 38, 2015: 40, 2016: 39}
    assert kaz["economies_ranked"].to_dict() == {2012: 142, 2013: 144, 2014: 148, 2015: 143, 2016: 139}


def test_rows_per_edition_and_gaps(tables):
    df = tables["nri_index"]
    assert df.groupby("edition").size().to_dict() == {y: 22 for y in range(2012, 2017)}
    assert df["iso3"].nunique() == 22
    missing = df[df["rank"].isna()]
    assert list(zip(missing["edition"], missing["iso3"])) == [(2014, "TJK")] and missing["score"].isna().all()
    assert (df["rank"].dropna() <= df.loc[df["rank"].notna(), "economies_ranked"]).all()
    assert set(df["locator"].str.split(",").str[0]) == {"wef-nri-2012-2016-facts.csv"}


def test_ict_rankings_of_the_thesis_agree_with_the_file(tables):
    """The thesis's 2013 NRI rank (43rd of 144) is the file's."""
    thesis = tables["ict_rankings"]
    nri = thesis[thesis["index"].str.contains("Networked Readiness") & (thesis["edition"] == 2013)]
    kaz = tables["nri_index"].query("iso3 == 'KAZ' and edition == 2013").iloc[0]
    assert (nri["rank"].iloc[0], nri["countries_ranked"].iloc[0]) == (kaz["rank"], kaz["economies_ranked"])


def test_licences_are_stated_per_resource():
    from kzict import _store

    names = {n: [lic["name"] for lic in _store.resource(n)["licenses"]] for n in kzict.datasets()}
    assert names["nri_index"] == ["facts-with-attribution"]
    assert names["egov_index"] == ["UN-DESA-attribution"]
    assert names["wdi_indicators"] == names["wdi_vintages"] == names["doing_business_rank"] == ["CC-BY-4.0"]
    assert names["ict_value_added"] == ["CC-BY-4.0"]
    assert "World Bank" in _store.resource("wdi_indicators")["licenses"][0]["title"]
