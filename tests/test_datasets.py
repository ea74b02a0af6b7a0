"""Checks every dataset must pass, whatever it holds (one test over every dataset)."""

import pandas as pd
import pandas.testing as pdt
import pytest

import kzict
from kzict.pipeline import snapshots
from kzict.schemas import MODELS

NAMES = [
    "ict_value_added",
    "it_expenditure_structure",
    "it_expenditure_total",
    "it_trade",
    "ik2020_targets",
    "ict_programme_2010_2014",
    "ict_policy_documents",
    "ict_rankings",
    "survey_profile",
    "coding_scheme",
    "asadel_fund",
    "sector_facts",
    "transnational_channels",
    "electronics_business_models",
    "indicator_outcomes",
    "ik2020_scorecard",
    "ict_programme_scorecard",
    "sources",
]
OUTCOME_DATASETS = {"indicator_outcomes", "ik2020_scorecard", "ict_programme_scorecard"}
PRIMARY = {"alibayev2017": "thesis", "electronics_semiperiphery": "paper"}  # works that print figures themselves


def test_catalogue_lists_exactly_the_contracted_datasets():
    assert kzict.datasets() == NAMES
    assert set(MODELS) == set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_loaded_table_passes_its_schema_unchanged(name):
    df = kzict.load(name)
    pdt.assert_frame_equal(df, kzict.load(name, validate=True))
    assert list(df.columns) == list(MODELS[name].schema.to_schema().columns)
    assert not df.duplicated(list(MODELS[name].key)).any()


@pytest.mark.parametrize("name", [n for n in NAMES if n != "sources"])
def test_every_value_carries_provenance_that_resolves(name, tables):
    df = tables[name]
    ids = set(tables["sources"]["source_id"])
    assert set(df["source_id"].dropna()) <= ids, set(df["source_id"]) - ids
    if name.endswith("_scorecard"):  # a verdict has provenance exactly when something was measured
        measured = df["status"] != "not_measured"
        assert (df["source_id"].notna() == measured).all() and (df["locator"].notna() == measured).all()
        return
    assert df["source_id"].notna().all() and df["locator"].notna().all()
    if name == "indicator_outcomes":
        assert df["locator"].str.len().min() >= 1
    elif name == "electronics_business_models":
        assert (df["locator"] == "long abstract, para. 2").all()  # an abstract has no pages
    else:
        assert df["locator"].str.contains(r"p\. \d+").all(), "a locator names its page"


def test_sources_via_resolves_and_everything_came_via_the_thesis(tables):
    src = tables["sources"]
    assert set(src["via"].dropna()) <= set(src["source_id"])
    by_id = src.set_index("source_id")
    for sid, kind in PRIMARY.items():
        assert by_id.loc[sid, "kind"] == kind and pd.isna(by_id.loc[sid, "via"])
    # outcome sources were read by kzict directly (via NA), each with its address
    direct = set(tables["indicator_outcomes"]["source_id"]) - {"kzict_outcomes_reference"}
    # and so were the publishers of the data snapshots (data/raw/snapshots/MANIFEST.csv)
    direct |= {r["source_id"] for r in snapshots.read_manifest().values()}
    assert by_id.loc[sorted(direct), "via"].isna().all() and by_id.loc[sorted(direct), "url"].notna().all()
    rest = src[~src["source_id"].isin(set(PRIMARY) | direct | {"kzict_outcomes_reference"})]
    assert (rest["via"] == "alibayev2017").all()


@pytest.mark.parametrize("name", NAMES)
def test_codebook_gives_every_column_a_unit_and_description(name):
    book = kzict.describe(name)
    assert book.rows == len(kzict.load(name))
    assert [c["column"] for c in book.columns] == list(kzict.load(name).columns)
    for c in book.columns:
        assert c["unit"] and c["description"], c
    assert book.title and book.locator and name in str(book)
    if name != "sources":
        assert set(book.sources) == set(kzict.load(name)["source_id"].dropna())


@pytest.mark.parametrize("name", NAMES)
def test_schema_rejects_a_broken_copy(name):
    """The schemas are not vacuous: duplicating a key row must fail validation."""
    import pandera.errors as pe

    df = kzict.load(name)
    with pytest.raises(pe.SchemaError):
        MODELS[name].schema.validate(pd.concat([df, df.iloc[[0]]], ignore_index=True))


def test_data_dictionary_is_current():
    from kzict.docs import DEFAULT, render

    assert DEFAULT.read_text(encoding="utf-8") == render(), "docs/datasets.md is stale: run `make docs`"
