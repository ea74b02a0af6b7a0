"""Corrections and YAML obey the raw-cell rules and caps: refused with the file named, the build all or nothing."""

from __future__ import annotations

import hashlib
import shutil
import time

import pytest
import yaml
from conftest import CLEAN, RAW

from kzict.cli import main as cli
from kzict.errors import RawDataError
from kzict.pipeline import corrections as corr
from kzict.readers import yamlfile

GOOD = {
    "id": "c1",
    "dataset": "t",
    "field": "flow",
    "rows": [{"key": {"year": 2014}, "printed": "export", "used": "import"}],
    "reason": "why",
    "evidence": "numbers",
}


def _write(tmp_path, rec) -> object:
    path = tmp_path / "corrections.yaml"
    path.write_text(yaml.safe_dump({"corrections": [rec]}), encoding="utf-8")
    return path


def _row(**kw) -> dict:
    return {**GOOD, "rows": [{**GOOD["rows"][0], **kw}]}


@pytest.mark.parametrize(
    "rec, needle",
    [
        (_row(used="=1+1"), "used: text starting with =, \\+, - or @"),
        (_row(used="@SUM(A1)"), "used: text starting with"),
        (_row(used="1e400"), "used: non-finite number refused"),
        (_row(used="-inf"), "used: non-finite number refused"),
        (_row(printed="a\x00b"), "printed: text with a control character"),
        ({**GOOD, "reason": "+cmd|' /C calc'!A0"}, "reason: text starting with"),
        ({**GOOD, "evidence": "see\x07this"}, "evidence: text with a control character"),
        (_row(key={"year": "-HYPERLINK(1)"}), "key year: text starting with"),
    ],
    ids=["formula-used", "at-used", "1e400", "inf-text", "nul-printed", "formula-reason", "bell-evidence", "key"],
)
def test_a_correction_breaking_the_raw_cell_rules_is_refused_naming_corrections_yaml(tmp_path, rec, needle):
    with pytest.raises(RawDataError, match=rf"corrections\.yaml: correction 'c1'.*{needle}"):
        corr.load(_write(tmp_path, rec), {"t"})


def test_folded_prose_is_fine(tmp_path):
    rec = {
        **GOOD,
        "reason": "A reason\nover two lines (-5 % is a number)",
        "evidence": "7.5 times, p. 32 (=x is fine inside)",
    }
    assert corr.load(_write(tmp_path, rec), {"t"})


def _digests(folder):
    return {p.relative_to(folder): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}


def test_the_build_refuses_a_formula_correction_in_one_line_and_changes_nothing(tmp_path, capsys):
    raw, out = tmp_path / "raw", tmp_path / "clean"
    shutil.copytree(RAW, raw)
    shutil.copytree(CLEAN, out)
    path = raw / "corrections.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("used: import}", "used: '=1+1'}", 1), encoding="utf-8")
    before = _digests(tmp_path)
    assert cli(["build", "--raw", str(raw), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "corrections.yaml" in err and "used: text starting with =" in err
    assert _digests(tmp_path) == before


def test_yaml_expansion_is_capped_by_size_not_only_by_alias_count(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]  # 81 aliases, 10^9 leaves
    path = tmp_path / "claims.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(RawDataError, match=r"claims\.yaml: cannot be read as YAML \(expands to [\d,]+ nodes"):
        yamlfile.load(path, aliases=True)
    assert time.monotonic() - start < 2
    assert yamlfile.load(RAW / "claims.yaml", aliases=True)  # the real registry, aliases and all, is well inside


def test_yaml_nested_past_the_parsers_stack_is_one_refusal(tmp_path):
    path = tmp_path / "corrections.yaml"
    path.write_text("a: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    with pytest.raises(RawDataError, match=r"corrections\.yaml: cannot be read as YAML \(nested too deeply\)"):
        yamlfile.load(path)
