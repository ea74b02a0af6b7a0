"""One list of the build's raw inputs: what the data package records, what ``make data`` depends on, and what
``kzict.verify()`` checks, agree. Editing any recorded input is seen by make and by verify alike."""

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CLEAN, RAW, REPO

from kzict import _store
from kzict.errors import IntegrityError
from kzict.pipeline.publish import raw_inputs
from kzict.readers import snapshots

RECORDED = [item["path"] for item in raw_inputs(RAW)]


def _makefile_raw() -> set[str]:
    """The files the Makefile's RAW names (its $(wildcard ...) patterns expanded), relative to data/raw."""
    text = (REPO / "Makefile").read_text()
    line = re.search(r"^RAW\s*:=(.*)$", text, re.M)
    assert line, "the Makefile defines no RAW"
    words = re.sub(r"\$\(wildcard ([^)]*)\)", r"\1", line.group(1)).split()
    assert all("$" not in w for w in words), words
    found = {p for w in words for p in REPO.glob(w) if p.is_file()}
    return {p.relative_to(RAW).as_posix() for p in found}


def test_the_makefile_depends_on_every_recorded_input_and_only_on_what_the_build_reads():
    make = _makefile_raw()
    assert set(RECORDED) <= make, sorted(set(RECORDED) - make)
    # Besides the recorded inputs, only snapshot files that the recorded manifest pins by their sha256.
    pinned = {f"snapshots/{n}" for n in snapshots.read_manifest(RAW / "snapshots")}
    assert make - set(RECORDED) <= pinned, sorted(make - set(RECORDED) - pinned)
    assert "claims.yaml" not in make and "claims.yaml" not in RECORDED
    assert {"corrections.yaml", "sources.xlsx", "snapshots/MANIFEST.csv"} <= set(RECORDED)


def test_the_committed_package_records_the_same_inputs():
    import json

    pkg = json.loads((CLEAN / "datapackage.json").read_text())
    assert [i["path"] for i in pkg["kzict:raw_inputs"]] == RECORDED


@pytest.fixture(scope="module")
def make_tree(tmp_path_factory) -> Path:
    """A copy of what ``make data`` looks at, with the clean data newer than everything it is built from."""
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    tree = tmp_path_factory.mktemp("make")
    for name in ("Makefile", "pyproject.toml", "requirements.lock"):
        shutil.copy(REPO / name, tree / name)
    shutil.copytree(REPO / "kzict", tree / "kzict", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(RAW, tree / "data" / "raw")
    shutil.copytree(CLEAN, tree / "data" / "clean")
    (tree / ".venv").mkdir()
    (tree / ".venv" / ".installed").write_text("")
    for path in tree.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    os.utime(tree / ".venv" / ".installed", (1_100_000_000, 1_100_000_000))
    for path in (tree / "data" / "clean").iterdir():
        os.utime(path, (1_200_000_000, 1_200_000_000))
    return tree


def _make_rebuilds_after_editing(tree: Path, rel: str) -> bool:
    """``make -q data``, as if data/raw/``rel`` had just been edited: True when make would rebuild."""
    res = subprocess.run(
        ["make", "-q", "-W", f"data/raw/{rel}", "data"], cwd=tree, capture_output=True, text=True, timeout=60
    )
    assert res.returncode in (0, 1), res.stderr
    return res.returncode == 1


def test_make_sees_an_edit_to_every_recorded_input_and_none_to_claims(make_tree):
    assert not subprocess.run(["make", "-q", "data"], cwd=make_tree, timeout=60).returncode, "data not up to date"
    for rel in RECORDED:
        assert _make_rebuilds_after_editing(make_tree, rel), rel
    assert not _make_rebuilds_after_editing(make_tree, "claims.yaml")


def test_verify_sees_an_edit_to_every_recorded_input_and_none_to_claims(raw_copy):
    assert _store.verify_folder(CLEAN, raw_copy).raw_inputs == len(RECORDED)
    claims = raw_copy / "claims.yaml"
    claims.write_bytes(claims.read_bytes() + b"\n# a new claim would go here\n")
    assert _store.verify_folder(CLEAN, raw_copy).ok
    for rel in RECORDED:
        path = raw_copy / rel
        original = path.read_bytes()
        path.write_bytes(original + b"\n")
        with pytest.raises(IntegrityError, match=rf"raw input {re.escape(rel)} changed since"):
            _store.verify_folder(CLEAN, raw_copy)
        path.write_bytes(original)
