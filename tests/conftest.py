import fcntl
import os
import shutil
from collections.abc import Callable
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
    from kzict.pipeline.run import build

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


def shared(tmp_path_factory, name: str, make: Callable[[Path], Path]) -> Path:
    """``make(folder)`` run once per test session, its result shared by every xdist worker (the standard
    pattern: the workers' common base folder and a file lock); without xdist, once in this process."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent
    folder, done = root / f"shared-{name}", root / f"shared-{name}.done"
    with open(root / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            done.write_text(str(make(folder)))
    return Path(done.read_text())


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> Path:
    """One Excel export of data/clean for the session, for tests that only read it."""
    from kzict.export import export_xlsx

    return shared(tmp_path_factory, "export", lambda folder: export_xlsx(folder / "kzict.xlsx"))


def _slow(item) -> int | None:
    """The rank of ``@pytest.mark.slow(rank)`` on a test (or ``pytestmark`` of its file); 1 = slowest."""
    mark = item.get_closest_marker("slow")
    return None if mark is None else int(mark.args[0])


def pytest_collection_modifyitems(items):
    """The slowest files first, and in a file its slowest tests first (ranks from the ``slow`` markers beside
    the tests), so that no worker starts a long test when the others are nearly done (see --durations).
    A file stays in one piece: module fixtures are built once."""
    last = 1 + max((r for r in map(_slow, items) if r is not None), default=0)
    file_rank: dict[str, int] = {}
    for item in items:
        path = item.nodeid.split("::")[0]
        file_rank[path] = min(file_rank.get(path, last), _slow(item) or last)

    def rank(item):
        own = _slow(item)
        return file_rank[item.nodeid.split("::")[0]], last if own is None else own

    items.sort(key=rank)  # stable: otherwise the collection order


@pytest.fixture(scope="session")
def tables():
    return {name: kzict.load(name) for name in kzict.datasets()}


def pytest_terminal_summary(terminalreporter):
    """Print the fault matrix (fault kind x dataset) and the ingest faults recorded by tests/test_faults.py."""
    rows, ingest = {}, {}
    for key in ("passed", "failed"):
        for rep in terminalreporter.stats.get(key, []):
            for prop, value in getattr(rep, "user_properties", []):
                if prop == "faults":
                    rows[rep.nodeid.split("[")[-1].rstrip("]")] = value
                if prop == "ingest_fault":
                    ingest[value[0]] = value[1]
    if ingest:
        terminalreporter.section("fault injection: kzict ingest wdi")
        for i, (kind, result) in enumerate(sorted(ingest.items()), start=1):
            terminalreporter.write_line(f"{i:>3} {kind:<28} {'ok' if result == 'caught' else result}")
        caught = sum(r == "caught" for r in ingest.values())
        terminalreporter.write_line(
            f"{caught} of {len(ingest)} ingest faults caught (refused in one line naming the file, "
            "data/raw and data/clean byte-identical)"
        )
    if not rows:
        return
    kinds = list(next(iter(rows.values())))
    tr = terminalreporter
    tr.section("fault injection: dataset x fault kind")
    width = max(map(len, rows))
    tr.write_line(" " * width + "  " + " ".join(f"{i + 1:>3}" for i in range(len(kinds))))
    mark = {"caught": "ok", "n/a": "-", "once": ".", "vague": "VAG", "MISSED": "MIS"}
    for name in sorted(rows):
        tr.write_line(f"{name:<{width}}  " + " ".join(f"{mark.get(rows[name][k], '?'):>3}" for k in kinds))
    tr.write_line("faults: " + ", ".join(f"{i + 1} {k}" for i, k in enumerate(kinds)))
    tr.write_line("ok = caught, naming the workbook (and, for a cell fault, the sheet and cell); - = does not apply")
    tr.write_line(". = a check every sheet shares, proven on one dataset per workbook (tests/faultlib.py SHARED)")
    applied = [v for r in rows.values() for v in r.values() if v not in ("n/a", "once")]
    caught = sum(v == "caught" for v in applied)
    tr.write_line(f"{caught} of {len(applied)} faults caught")
