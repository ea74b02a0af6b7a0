"""doing_business_rank: the files as they give them, by report edition; the DB2016 ranking as recalculated."""

from kzict.tables.doing_business_rank import RECALCULATED


def test_rows_per_file_and_edition_mapping(tables):
    df = tables["doing_business_rank"]
    assert df.groupby("edition").size().to_dict() == {2016: 189, 2017: 189, 2018: 190, 2020: 11}
    pairs = set(zip(df["edition"], df["data_year"], df["report_edition"]))
    assert pairs == {
        (2016, 2015, "Doing Business 2016, as recalculated in Doing Business 2017"),
        (2017, 2016, "Doing Business 2017"),
        (2018, 2017, "Doing Business 2018"),
        (2020, 2019, "Doing Business 2020"),
    }
    assert RECALCULATED == "Doing Business 2016, as recalculated in Doing Business 2017"


def test_kazakhstan_and_the_recalculated_2016_ranking(tables):
    df = tables["doing_business_rank"]
    kaz = df[df["iso3"] == "KAZ"].set_index("edition")
    assert kaz["rank"].to_dict() == {2016: 51, 2017: 35, 2018: 36, 2020: 25}
    assert "printed 41" in kaz.loc[2016, "note"] and "recalculated" in kaz.loc[2016, "note"]
    # the recalculation runs through the whole file, not Kazakhstan alone
    db16 = df[df["edition"] == 2016].set_index("iso3")
    assert db16["note"].str.contains("recalculated under the DB2017 method").all()
    assert db16.loc["SOM", "rank"] == 190 and db16.loc["RUS", "rank"] == 36
    assert "printed 51" in db16.loc["RUS", "note"]
    assert df.loc[df["edition"] != 2016, "note"].isna().all()
    assert kaz.loc[2016, "locator"] == "wb-doing-business-file2015.csv, line 86"


def test_db2020_rank_and_score_of_the_historical_dataset(tables):
    df = tables["doing_business_rank"]
    db20 = df[df["edition"] == 2020].set_index("iso3")
    assert db20.loc["KAZ", ["rank", "score"]].tolist() == [25, 79.55915]
    assert db20.loc["GEO", "rank"] == 7 and db20.loc["TUR", "country"] == "Türkiye"
    assert "TKM" not in db20.index
    assert db20.loc["KAZ", "locator"] == "wb-doing-business-2018-2020-facts.csv, line 28"
    assert df.loc[df["edition"] < 2020, "score"].isna().all()


def test_ranks_start_at_one_in_every_file(tables):
    df = tables["doing_business_rank"]
    assert df[df["edition"] < 2020].groupby("edition")["rank"].min().eq(1).all()
    assert not df.duplicated(["edition", "iso3"]).any()
