"""The runtime stands alone: the loaders read the built descriptor and files, never the pipeline."""

import json
import subprocess
import sys

import pandas as pd
import pytest
from conftest import CLEAN, RAW

import kzict
from kzict.tables import registry

BUILD_SIDE = ("pandera", "openpyxl", "kzict.pipeline", "kzict.tables")


def test_loaders_import_neither_pandera_openpyxl_nor_the_pipeline():
    script = (
        "import sys, kzict\n"
        "names = kzict.datasets()\n"
        "for n in names:\n"
        "    kzict.load(n); kzict.describe(n); kzict.cite(n)\n"
        "kzict.load_raw('it_trade'); kzict.verify(); kzict.cite()\n"
        "kzict.peers('IT.NET.USER.ZS'); kzict.peers('egdi')\n"
        "kzict.wdi('IT.NET.USER.ZS'); kzict.indicators('internet')\n"
        f"print([m for m in sys.modules if m.split('.')[0] in {BUILD_SIDE!r} or m.startswith({BUILD_SIDE[2:]!r})])"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("name", [n for n, d in registry().items() if d.raw is not None])
def test_load_raw_is_the_sheet_the_pipeline_reads(name):
    """load_raw reads the sheet the descriptor names with calamine; the pipeline reads it with openpyxl."""
    from kzict.readers.parse import read_sheet

    decl = registry()[name].raw
    raw = read_sheet(RAW / decl.workbook, decl.sheet, decl.raw_headers)
    want = pd.DataFrame(
        [v for _, v in raw.rows], index=pd.Index(raw.row_numbers, name="sheet_row"), columns=decl.raw_headers
    )
    got = kzict.load_raw(name)
    pd.testing.assert_frame_equal(got, want)
    assert [type(v) for v in got.to_numpy().ravel()] == [type(v) for v in want.to_numpy().ravel()]


@pytest.mark.parametrize("name", [n for n, d in registry().items() if d.derived])
def test_load_raw_of_a_derived_table_names_its_inputs(name):
    with pytest.raises(ValueError, match="derived from") as err:
        kzict.load_raw(name)
    for table in registry()[name].inputs:
        assert table in str(err.value)


def test_descriptor_records_each_tables_raw_input():
    resources = {r["name"]: r for r in json.loads((CLEAN / "datapackage.json").read_text())["resources"]}
    for name, d in registry().items():
        if d.raw is not None:
            assert resources[name]["kzict:raw"] == {
                "workbook": d.raw.workbook,
                "sheet": d.raw.sheet,
                "headers": d.raw.raw_headers,
            }
        elif d.snapshots is not None:  # the snapshot files the rows come from, all declared by the dataset
            files = resources[name]["kzict:raw"]["snapshots"]
            assert files and set(files) <= set(d.snapshots.files(RAW / "snapshots"))
        else:
            assert resources[name]["kzict:derived_from"] == list(d.inputs)


def test_load_raw_gives_the_print():
    raw = kzict.load_raw("ict_value_added")
    assert raw.loc[9, "Country"] == "Kazakhstan"
    assert raw.loc[9, "ICT producing sector as % of total business value added"] == "6.3%"
    trade = kzict.load_raw("it_trade")
    assert trade.set_index(["Year", "Flow as printed"]).loc[(2014, "export"), "Value, USD million"] == "2990.2"


def test_unknown_name_lists_the_valid_ones():
    with pytest.raises(KeyError) as err:
        kzict.load("table1")
    assert "ict_value_added" in str(err.value) and "table1" in str(err.value)
    with pytest.raises(KeyError):
        kzict.describe("corrections")
