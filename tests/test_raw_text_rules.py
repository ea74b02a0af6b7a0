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


LOADERS = [yamlfile._PyLoader, *([yamlfile._CLoader] if yaml.__with_libyaml__ else [])]


@pytest.fixture(params=LOADERS, ids=lambda c: c.__name__)
def loader(request, monkeypatch):
    """Each way kzict reads YAML: libyaml's parser where PyYAML has it, PyYAML's own otherwise."""
    monkeypatch.setattr(yamlfile, "_Loader", request.param)
    return request.param


def test_the_libyaml_loader_reads_every_registry_as_pyyaml_does():
    assert yaml.__with_libyaml__ and yamlfile._Loader is yamlfile._CLoader  # the locked PyYAML has libyaml
    for name, aliases in (("claims.yaml", True), ("statements.yaml", False), ("corrections.yaml", False)):
        text = (RAW / name).read_text(encoding="utf-8")
        docs = []
        for cls in LOADERS:
            one = cls(text)
            one.allow_aliases = aliases
            docs.append(one.get_single_data())
        assert docs[0] and all(d == docs[0] for d in docs), name


def test_yaml_aliases_are_refused_by_each_loader(tmp_path, loader):
    path = tmp_path / "corrections.yaml"
    path.write_text("a: &x {b: 1}\nc: *x\n", encoding="utf-8")
    with pytest.raises(RawDataError, match=r"alias \*x refused"):
        yamlfile.load(path)
    assert yamlfile.load(path, aliases=True) == {"a": {"b": 1}, "c": {"b": 1}}


def test_yaml_expansion_is_capped_by_size_not_only_by_alias_count(tmp_path, loader):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]  # 81 aliases, 10^9 leaves
    path = tmp_path / "claims.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    start = time.monotonic()
    with pytest.raises(RawDataError, match=r"claims\.yaml: cannot be read as YAML \(expands to [\d,]+ nodes"):
        yamlfile.load(path, aliases=True)
    assert time.monotonic() - start < 2
    assert yamlfile.load(RAW / "claims.yaml", aliases=True)  # the real registry, aliases and all, is well inside


@pytest.mark.parametrize(
    "text",
    ["a: " + "[" * 50_000 + "]" * 50_000 + "\n", "a:\n" + "".join(" " * (i + 1) + "b:\n" for i in range(1_200))],
    ids=["flow", "block"],
)
def test_yaml_nested_past_the_parsers_stack_is_one_refusal(tmp_path, loader, text):
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RawDataError, match=r"corrections\.yaml: cannot be read as YAML \(nested too deeply\)"):
        yamlfile.load(path)


def test_the_one_pass_prefilter_keeps_every_text_the_rules_refuse():
    """may_refuse may keep too many texts (never too few): each text text_value refuses is among those kept."""
    from kzict.readers.guard import may_refuse, text_value

    clean = [f"wdi-X-2026-01-01.csv, line {i}" for i in range(1000)]
    assert may_refuse(clean) == []
    hostile = ["=HYPERLINK(1)", " +cmd", "-x", "@SUM(A1)", "a\tb", "nul\x00", "x_x000D_y", "line\u2028two"]
    for bad in hostile:
        texts = clean[:500] + [bad] + clean[500:]
        kept = may_refuse(texts)
        assert bad in kept and len(kept) < len(texts) or kept == texts
        with pytest.raises(ValueError):
            text_value(bad)
    assert may_refuse(["-12.5", "+3 %"]) == ["-12.5", "+3 %"]  # number-like leads are kept, text_value passes them
    assert may_refuse(["ends _x00", "0D_ starts"]) == ["ends _x00", "0D_ starts"]  # an escape across two: cautious
