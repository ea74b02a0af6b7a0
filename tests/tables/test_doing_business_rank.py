"""doing_business_rank: the files as they give them, data year beside report edition."""


def test_rows_per_file_and_edition_mapping(tables):
    df = tables["doing_business_rank"]
    assert df.groupby("data_year").size().to_dict() == {2015: 189, 2016: 189, 2017: 190}
    pairs = set(zip(df["data_year"], df["report_edition"]))
    assert pairs == {(2015, "Doing Business 2016"), (2016, "Doing Business 2017"), (2017, "Doing Business 2018")}


def test_kazakhstan_and_the_disagreement_with_the_report(tables):
    df = tables["doing_business_rank"]
    kaz = df[df["iso3"] == "KAZ"].set_index("data_year")
    assert kaz["rank"].to_dict() == {2015: 51, 2016: 35, 2017: 36}
    assert "printed 41" in kaz.loc[2015, "note"] and kaz["note"].notna().sum() == 1
    assert df["note"].notna().sum() == 1
    assert kaz.loc[2015, "locator"] == "wb-doing-business-file2015.csv, line 86"


def test_ranks_start_at_one_in_every_file(tables):
    df = tables["doing_business_rank"]
    assert df.groupby("data_year")["rank"].min().eq(1).all()
    assert not df.duplicated(["data_year", "iso3"]).any()
