"""corrections.yaml: one record per correction, checked strictly, read by the safe YAML loader."""

import re
from pathlib import Path

import pandas as pd
import pytest
import yaml

import kzict
from kzict.errors import RawDataError
from kzict.pipeline import corrections as corr
from kzict.readers import yamlfile

REPO = Path(__file__).resolve().parent.parent
GOOD = {
    "id": "c1",
    "dataset": "t",
    "field": "flow",
    "rows": [{"key": {"year": 2014}, "printed": "export", "used": "import"}],
    "reason": "why",
    "evidence": "numbers",
}


def write(tmp_path, records, text=None) -> Path:
    path = tmp_path / "corrections.yaml"
    path.write_text(text if text is not None else yaml.safe_dump({"corrections": records}), encoding="utf-8")
    return path


def table():
    return {"t": pd.DataFrame({"year": [2014, 2015], "flow": ["export", "import"]})}


def test_one_correction_changes_several_rows_and_is_one_row(tmp_path):
    rec = {**GOOD, "rows": [*GOOD["rows"], {"key": {"year": 2015}, "printed": "import", "used": "export"}]}
    path = write(tmp_path, [rec])
    tables = table()
    out = corr.apply(path, corr.load(path, {"t"}), tables)
    assert tables["t"]["flow"].tolist() == ["import", "export"]
    assert len(out) == 1 and out.loc[0, "key"] == "year=2014 | year=2015"
    assert (out.loc[0, "printed"], out.loc[0, "used"]) == ("export | import", "import | export")


@pytest.mark.parametrize(
    "change, message",
    [
        ({"dataset": "nope"}, "correction 'c1': no dataset 'nope'"),
        ({"rows": [{"key": {"yr": 2014}, "printed": "export", "used": "import"}]}, "c1'?, row 1: .*no column 'yr'"),
        ({"field": "flows"}, "c1'?, row 1: .*no column 'flows'"),
        ({"rows": [{"key": {"year": 2016}, "printed": "export", "used": "import"}]}, "c1'?, row 1: key .* exactly one"),
        ({"rows": [{"key": {"year": float("nan")}, "printed": "x", "used": "y"}]}, "c1'?, row 1: key year: non-finite"),
        ({"rows": [{"key": {"year": 2014}, "printed": float("inf"), "used": "y"}]}, "c1'?, row 1: printed: non-finite"),
        ({"rows": []}, "c1'?: rows must name at least one row"),
        ({"reason": 3}, "c1'?: reason: expected a str"),
    ],
)
def test_a_bad_correction_is_an_error_naming_it(tmp_path, change, message):
    path = write(tmp_path, [{**GOOD, **change}])
    with pytest.raises(RawDataError, match=message) as err:
        corr.apply(path, corr.load(path, {"t"}), table())
    assert "corrections.yaml" in str(err.value)


def test_an_unknown_dataset_is_refused_against_the_registry(tmp_path):
    path = write(tmp_path, [{**GOOD, "dataset": "it_trades"}])
    with pytest.raises(RawDataError, match="correction 'c1': no dataset 'it_trades'"):
        corr.load(path)


def test_yaml_loader_refuses_aliases_size_and_bad_encoding(tmp_path):
    path = write(tmp_path, None, "a: &x {b: 1}\nc: *x\n")
    with pytest.raises(RawDataError, match="alias \\*x refused"):
        yamlfile.load(path)
    assert yamlfile.load(path, aliases=True) == {"a": {"b": 1}, "c": {"b": 1}}
    bomb = "a: &a [1]\n" + "".join(f"b{i}: *a\n" for i in range(yamlfile.MAX_ALIASES + 1))
    with pytest.raises(RawDataError, match="more than"):
        yamlfile.load(write(tmp_path, None, bomb), aliases=True)
    path.write_bytes(b"a: \xff\xfe\n")
    with pytest.raises(RawDataError, match="not UTF-8"):
        yamlfile.load(path)
    path.write_bytes(b"#" * (yamlfile.MAX_BYTES + 1))
    with pytest.raises(RawDataError, match="larger than"):
        yamlfile.load(path)
    path.write_text("corrections: {a: 1}\n")
    with pytest.raises(RawDataError, match="corrections: expected a list"):
        corr.load(path, {"t"})
    path.write_text("- just\n- a list\n")
    with pytest.raises(RawDataError, match="the document: expected a dict"):
        corr.load(path, {"t"})
    path.write_text("a: !!python/object:os.system 'echo'\n")
    with pytest.raises(RawDataError, match="cannot be read as YAML"):
        yamlfile.load(path)


def test_claims_registry_is_read_by_the_safe_loader(tmp_path):
    path = tmp_path / "claims.yaml"
    path.write_bytes(b"claims: \xff\n")
    from kzict.claims import load_registry  # imported here: the test must not rely on another having done it

    with pytest.raises(RawDataError, match="claims.yaml.*not UTF-8"):
        load_registry(path)


def test_readme_count_matches_the_corrections():
    c = kzict.corrections()
    text = (REPO / "README.md").read_text(encoding="utf-8")
    m = re.search(r"There (?:is|are) (\d+) corrections?, changing (\d+) values", text)
    assert m, "the README states the count"
    assert int(m.group(1)) == len(c)
    assert int(m.group(2)) == sum(len(k.split(" | ")) for k in c["key"])
    assert "shared/" not in (REPO / "data" / "raw" / "corrections.yaml").read_text(encoding="utf-8")
