"""Checks every dataset must pass, whatever it holds: one test over every dataset the registry discovers."""

import json
import re
from pathlib import Path

import pandas as pd
import pandas.testing as pdt
import pytest
from conftest import CLEAN, RAW

import kzict
from kzict.tables import registry
from kzict.tables._fields import THESIS

REGISTRY = registry()
NAMES = list(REGISTRY)
HERE = Path(__file__).resolve().parent


def test_catalogue_is_the_registry_in_order():
    """datasets(), the descriptor and the registry agree; catalogue order is each module's metadata order."""
    assert kzict.datasets() == NAMES
    orders = [d.order for d in REGISTRY.values()]
    assert orders == sorted(orders) and len(set(orders)) == len(orders), "two datasets share an order"
    resources = json.loads((CLEAN / "datapackage.json").read_text())["resources"]
    assert [r["name"] for r in resources] == [*NAMES, "corrections"]


@pytest.mark.parametrize("name", NAMES)
def test_each_dataset_has_its_module_and_its_value_tests(name):
    ds = REGISTRY[name]
    assert ds.config.name == name and ds.config.title and ds.config.description and ds.meta["locator"]
    assert (HERE / "tables" / f"test_{name}.py").is_file(), f"add tests/tables/test_{name}.py"


@pytest.mark.parametrize("name", NAMES)
def test_loaded_table_passes_its_schema_unchanged(name):
    df = kzict.load(name)
    pdt.assert_frame_equal(df, kzict.load(name, validate=True))
    assert list(df.columns) == list(REGISTRY[name].schema.columns)
    assert not df.duplicated(list(REGISTRY[name].key)).any()


@pytest.mark.parametrize("name", [n for n, d in REGISTRY.items() if "source_id" in d.schema.columns and n != "sources"])
def test_every_value_carries_provenance_that_resolves(name, tables):
    """A value has a source_id that is a row of `sources` and a locator; a thesis locator names its page."""
    df, columns = tables[name], REGISTRY[name].schema.columns
    ids = set(tables["sources"]["source_id"])
    assert set(df["source_id"].dropna()) <= ids, set(df["source_id"]) - ids
    assert (df["source_id"].notna() == df["locator"].notna()).all(), "source and locator go together"
    if not columns["source_id"].nullable:
        assert df["source_id"].notna().all()
    located = df["locator"].dropna()
    assert (located.str.len() > 0).all()
    if REGISTRY[name].printed_in == THESIS:
        assert located.str.contains(r"p\. \d+").all(), "a locator names its page"
    if REGISTRY[name].snapshots is not None:  # a snapshot has no page: the locator names the file and its line
        files = "|".join(re.escape(f) for f in REGISTRY[name].snapshots.files(RAW / "snapshots"))
        assert located.str.fullmatch(rf"({files}), (line|sheet Data, row) \d+").all()


@pytest.mark.parametrize("name", NAMES)
def test_codebook_gives_every_column_a_unit_and_description(name):
    book = kzict.describe(name)
    df = kzict.load(name)
    assert book.rows == len(df)
    assert [c["column"] for c in book.columns] == list(df.columns)
    for c in book.columns:
        assert c["unit"] and c["description"], c
    assert book.title == REGISTRY[name].config.title and book.locator == REGISTRY[name].meta["locator"]
    assert name in str(book)
    if name != "sources":
        assert set(book.sources) == set(df["source_id"].dropna())


@pytest.mark.parametrize("name", NAMES)
def test_schema_rejects_a_broken_copy(name):
    """The schemas are not vacuous: duplicating a key row must fail validation."""
    import pandera.errors as pe

    df = kzict.load(name)
    with pytest.raises(pe.SchemaError):
        REGISTRY[name].model.validate(pd.concat([df, df.iloc[[0]]], ignore_index=True))


def test_data_dictionary_is_current():
    from kzict.docs import DEFAULT, render

    text = render()
    assert DEFAULT.read_text(encoding="utf-8") == text, "docs/datasets.md is stale: run `make docs`"
    for name in NAMES:
        assert REGISTRY[name].config.title in text


def test_every_resource_states_its_licence():
    """Each resource of the descriptor, the corrections table included, names its licence with a path."""
    resources = json.loads((CLEAN / "datapackage.json").read_text())["resources"]
    missing = [r["name"] for r in resources if not r.get("licenses")]
    assert missing == []
    assert all(lic.get("name") and lic.get("path") for r in resources for lic in r["licenses"])


def test_one_country_name_per_iso3_across_every_clean_table():
    """Each economy is spelled one way in every clean table (the raw files keep their own spelling)."""
    pairs = pd.concat(
        [
            kzict.load(n)[["iso3", "country"]].drop_duplicates()
            for n in NAMES
            if {"iso3", "country"} <= set(kzict.load(n))
        ]
    ).drop_duplicates()
    spellings = pairs.groupby("iso3")["country"].unique()
    assert not (spellings.str.len() > 1).any(), spellings[spellings.str.len() > 1].to_dict()
    names = dict(zip(pairs["iso3"], pairs["country"]))
    # files write "Turkey", "Turkiye", "Türkiye ", "Kyrgyz Republic", "Czech Republic", "Georgia (Country)"
    assert [names[c] for c in ("TUR", "KGZ", "CZE", "GEO", "KAZ")] == [
        "Türkiye",
        "Kyrgyzstan",
        "Czechia",
        "Georgia",
        "Kazakhstan",
    ]
    assert names["WLD"] == "World"  # an aggregate keeps the newest WDI release's name


def test_the_same_concept_has_the_same_column_name():
    """An edition is `edition`, an economy code `iso3`, never edition_year, economy_code or iso."""
    columns = {c for n in NAMES for c in kzict.load(n).columns}
    assert not columns & {"edition_year", "iso", "country_code", "economy_code", "country_name"}
    for n in ("egov_index", "nri_index", "doing_business_rank", "ict_rankings"):
        assert "edition" in kzict.load(n).columns, n
