"""A clone made with ``core.autocrlf=true`` (Git for Windows' default) loads and verifies: .gitattributes keeps
every hashed file (data/raw/**, data/clean/**) byte for byte; without it the same clone fails."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import CLEAN, RAW

from kzict import _store
from kzict.errors import IntegrityError

REPO = Path(__file__).resolve().parents[1]


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=cwd, check=True, capture_output=True
    )


def _clone(tmp_path: Path, attributes: str) -> Path:
    origin = tmp_path / "origin"
    (origin / "data").mkdir(parents=True)
    shutil.copytree(RAW, origin / "data" / "raw")
    shutil.copytree(CLEAN, origin / "data" / "clean")
    (origin / ".gitattributes").write_text(attributes)
    _git("init", "-q", cwd=origin)
    _git("-c", "core.autocrlf=false", "add", "-A", cwd=origin)
    _git("commit", "-qm", "data", cwd=origin)
    _git("clone", "-q", "-c", "core.autocrlf=true", str(origin), str(tmp_path / "clone"), cwd=tmp_path)
    return tmp_path / "clone"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_an_autocrlf_clone_keeps_every_hashed_file_byte_for_byte(tmp_path):
    clone = _clone(tmp_path, (REPO / ".gitattributes").read_text())
    for folder in ("raw", "clean"):
        for p in (REPO / "data" / folder).rglob("*"):
            if p.is_file():
                assert (clone / "data" / folder / p.relative_to(REPO / "data" / folder)).read_bytes() == p.read_bytes()
    v = _store.verify_folder(clone / "data" / "clean", clone / "data" / "raw")
    assert v.raw_inputs >= 5 and v.snapshots >= 20
    assert len(_store.load_folder(clone / "data" / "clean", "it_trade")) > 0


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_without_the_attributes_such_a_clone_fails(tmp_path):
    clone = _clone(tmp_path, "")
    with pytest.raises(IntegrityError):
        _store.verify_folder(clone / "data" / "clean", clone / "data" / "raw")
