import shutil
from pathlib import Path

import pytest

import kzict
from kzict import _store

REPO = Path(__file__).resolve().parents[1]
RAW = REPO / "data" / "raw"
CLEAN = REPO / "data" / "clean"


@pytest.fixture(scope="session")
def fresh_build(tmp_path_factory) -> Path:
    """data/raw built into a temporary folder by the real build."""
    from kzict.build.run import build

    out = tmp_path_factory.mktemp("build") / "clean"
    build(RAW, out)
    return out


@pytest.fixture
def raw_copy(tmp_path) -> Path:
    """A writable copy of data/raw for tests that break it."""
    dst = tmp_path / "raw"
    shutil.copytree(RAW, dst)
    return dst


@pytest.fixture
def clean_copy(tmp_path, monkeypatch) -> Path:
    """Point kzict at a writable copy of data/clean."""
    dst = tmp_path / "clean"
    shutil.copytree(CLEAN, dst)
    monkeypatch.setattr(_store, "clean_dir", lambda: dst)
    _store.package.cache_clear()
    _store.manifest.cache_clear()
    yield dst
    _store.package.cache_clear()
    _store.manifest.cache_clear()


@pytest.fixture(scope="session")
def tables():
    return {name: kzict.load(name) for name in kzict.datasets()}
