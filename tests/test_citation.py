"""Citations: structured fields for every source, derived tables citing their inputs, no pandas needed."""

import json
import subprocess
import sys
from pathlib import Path

import yaml

import kzict
from kzict.citation import bibtex, source_ids, sources

REPO = Path(__file__).resolve().parent.parent


def test_every_source_has_structured_bibtex_and_csl_fields():
    rows = sources()
    entries = kzict.cite("sources", style="bibtex").split("\n\n")
    assert len(entries) == len(rows)
    for row, entry in zip(rows.values(), entries):
        assert entry.startswith("@misc{") and "  title = {" in entry
        for field, col in (("author", "author"), ("year", "year"), ("url", "url"), ("urldate", "accessed")):
            assert (f"  {field} = {{" in entry) == bool(row[col]), (row["source_id"], field)
    items = json.loads(kzict.cite("sources", style="csl-json"))
    assert [i["id"] for i in items] == list(rows)
    by_id = {i["id"]: i for i in items}
    assert by_id["alibayev2017"]["author"] == [{"family": "Alibayev", "given": "Yerdaulet"}]
    assert by_id["alibayev2017"]["issued"] == {"date-parts": [[2017]]} and by_id["alibayev2017"]["type"] == "thesis"
    assert by_id["wb_wdi"]["author"] == [{"literal": "World Bank"}]
    assert by_id["baq_kz"]["accessed"] == {"date-parts": [[2026, 11, 29]]} and "issued" not in by_id["baq_kz"]
    # the electronics paper states neither authors nor year: no invented fields
    assert "author" not in by_id["electronics_semiperiphery"] and "issued" not in by_id["electronics_semiperiphery"]


def test_bibtex_entry_of_an_organisation_and_of_a_person():
    row = sources()["oecd2013"]
    entry = bibtex(row)
    assert "  author = {{OECD}}," in entry and "  year = {2013}," in entry and "  url = {https://www.oecd.org/" in entry
    assert "  author = {Alibayev, Yerdaulet}," in bibtex(sources()["alibayev2017"])


def test_a_derived_table_cites_its_inputs():
    ids = source_ids("ik2020_scorecard")
    assert {"ik2020", "alibayev2017"} <= set(ids), "the targets: the decree and the thesis that printed them"
    assert {"wb_wdi", "wb_doing_business", "un_egov_survey"} <= set(ids)
    # targets 1 and 2 are judged on the files (DB2020, EGDI 2020): the press figures are not cited
    assert not {"euroradio_db2020", "kant_kg_2020"} & set(ids)
    assert "comcec_2017" not in ids, "an outcome no target was judged on is not cited"
    # a proxy that decides nothing is not cited as a verdict's source; the basis names its figure's source
    assert not {"dzhk_kz", "inform_kz_literacy"} & set(ids)
    assert {"decree983_2010", "alibayev2017"} <= set(source_ids("ict_programme_scorecard"))
    text = kzict.cite("ik2020_scorecard")
    assert "Information Kazakhstan - 2020 State Programme" in text and "Alibayev, Yerdaulet (2017)" in text


def test_nothing_cites_a_file_users_do_not_have():
    assert "shared/" not in kzict.cite("sources") and "outcomes.md" not in kzict.cite("sources")
    for name in kzict.datasets():
        book = kzict.describe(name)
        assert "shared/" not in book.locator and "outcomes.md" not in str(book), name


def test_cite_imports_no_pandas():
    code = (
        "import sys, kzict\n"
        "for n in kzict.datasets():\n"
        "    kzict.cite(n); kzict.cite(n, style='bibtex'); kzict.cite(n, style='csl-json')\n"
        "kzict.cite()\n"
        "assert 'pandas' not in sys.modules, 'pandas imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_citation_cff_carries_the_version_and_a_repository_url():
    cff = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["repository-code"].startswith("https://github.com/")
    assert str(cff["version"]) == kzict.__version__ or kzict.__version__ == "0+unknown"
