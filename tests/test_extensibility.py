"""Adding a dataset is adding one module (and its raw sheet): nothing else is edited.

A throwaway dataset module and a tiny workbook go into a temporary copy of the
package and its data; a fresh interpreter on that copy builds the clean data and
finds the new table in datasets(), in datapackage.json, in the data dictionary and
in the fault matrix.
"""

import filecmp
import json
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import RAW, REPO
from openpyxl import Workbook

pytestmark = pytest.mark.slow(9)  # scheduled early: see tests/conftest.py

MODULE = """
import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from kzict.tables._fields import Strict, frame, locator, pct, raw_input, source_id, year
from kzict.readers import parse as p
from kzict.readers.parse import RawTable

RAW = raw_input("toy.xlsx", "Widgets", {"year": "Year", "share_pct": "Share"})


class ToyWidgets(pa.DataFrameModel):
    year: Series[int] = year("Year of the share.")
    share_pct: Series[float] = pct("Share of widgets.")
    source_id: Series[str] = source_id()
    locator: Series[str] = locator()

    class Config(Strict):
        name = "toy_widgets"
        title = "Toy widgets, a throwaway dataset"
        description = "Two printed shares."
        unique = ["year"]
        metadata = {"order": 55, "locator": "Table 9, p. 99"}


def process(raw: RawTable) -> pd.DataFrame:
    h = RAW.headers
    return frame(raw, RAW, {"year": raw.parse(h["year"], p.year), "share_pct": raw.parse(h["share_pct"], p.percent)})
"""

SCRIPT = """
import json, sys
from pathlib import Path
root, tests = Path(sys.argv[1]), sys.argv[2]
sys.path[:0] = [str(root), tests]
import kzict
assert Path(kzict.__file__).is_relative_to(root), kzict.__file__
from kzict.pipeline.run import build
build(root / "data" / "raw", root / "data" / "clean")
import faultlib
from kzict.docs import render
pkg = json.loads((root / "data" / "clean" / "datapackage.json").read_text())
faults, missed = faultlib.matrix_row("toy_widgets", root / "data" / "raw", root / "faults")
print(json.dumps({
    "datasets": kzict.datasets(),
    "resource": next(r for r in pkg["resources"] if r["name"] == "toy_widgets"),
    "load": kzict.load("toy_widgets")["share_pct"].tolist(),
    "docs": render(),
    "faults": faults,
    "missed": missed,
}))
"""


def test_a_new_dataset_module_appears_everywhere(tmp_path):
    root = tmp_path / "repo"
    shutil.copytree(REPO / "kzict", root / "kzict", ignore=shutil.ignore_patterns("__pycache__", "_data"))
    shutil.copytree(RAW, root / "data" / "raw")
    (root / "faults").mkdir()
    (root / "kzict" / "tables" / "toy_widgets.py").write_text(textwrap.dedent(MODULE))
    wb = Workbook()
    ws = wb.active
    ws.title = "Widgets"
    for row in (["Year", "Share", "source_id", "locator"], [2014, "12.5%", "alibayev2017", "Table 9, p. 99"]):
        ws.append(row)
    ws.append([2015, "14%", "alibayev2017", "Table 9, p. 99"])
    wb.save(root / "data" / "raw" / "toy.xlsx")

    cmp = filecmp.dircmp(REPO / "kzict" / "tables", root / "kzict" / "tables", ignore=["__pycache__"])
    assert cmp.right_only == ["toy_widgets.py"] and not cmp.diff_files, "only the new module was added"

    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(root), str(REPO / "tests")], capture_output=True, text=True, cwd=tmp_path
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    names = out["datasets"]
    assert names.index("toy_widgets") == names.index("ik2020_targets") + 1, "placed by its metadata order"
    assert out["resource"]["title"] == "Toy widgets, a throwaway dataset"
    assert out["resource"]["schema"]["primaryKey"] == ["year"]
    assert out["resource"]["kzict:raw"] == {
        "workbook": "toy.xlsx",
        "sheet": "Widgets",
        "headers": ["Year", "Share", "source_id", "locator"],
    }
    assert out["load"] == [12.5, 14.0]
    assert "## toy_widgets" in out["docs"] and "Share of widgets." in out["docs"]
    assert out["faults"]["share_over_100"] == "caught" and out["faults"]["year_out_of_range"] == "caught"
    assert out["missed"] == [] and set(out["faults"].values()) <= {"caught", "n/a", "once"}
