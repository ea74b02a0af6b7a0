"""The write half of the build: never lose a file, swap atomically, clean up, read back, fail without change."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from conftest import CLEAN, RAW

from kzict import _store
from kzict.errors import BuildTargetError, IntegrityError, KzictError
from kzict.pipeline import publish as pub
from kzict.pipeline.run import build, process


@pytest.fixture(scope="module")
def frames():
    return process(RAW)


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def _loadable(folder: Path) -> None:
    """What a user gets: every file verifies, every table loads."""
    _store.verify_folder(folder, RAW)
    for res in _store._package(folder, _store.parse_manifest(folder))["resources"]:
        assert len(_store.load_folder(folder, res["name"])) == res["kzict:rows"]


@pytest.mark.parametrize("how", ["python", "cli"])
def test_out_holding_a_users_file_is_refused_and_kept(tmp_path, how):
    out = tmp_path / "thesis"
    out.mkdir()
    (out / "chapter1.docx").write_bytes(b"my only copy")
    if how == "python":
        with pytest.raises(BuildTargetError, match="chapter1.docx"):
            build(RAW, out)
    else:
        proc = subprocess.run(
            [sys.executable, "-m", "kzict.pipeline", "--out", str(out)], capture_output=True, text=True
        )
        assert proc.returncode == 1 and "chapter1.docx" in proc.stderr and "Traceback" not in proc.stderr
    assert _files(out) == {"chapter1.docx": b"my only copy"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["thesis"]


def test_a_clean_folder_with_a_users_file_added_is_refused(tmp_path):
    out = tmp_path / "clean"
    shutil.copytree(CLEAN, out)
    (out / "notes.txt").write_text("mine")
    with pytest.raises(BuildTargetError, match="notes.txt"):
        build(RAW, out)
    assert (out / "notes.txt").read_text() == "mine"


@pytest.mark.parametrize("where", ["raw", "inside raw", "holds raw"])
def test_the_raw_folder_is_never_a_target(raw_copy, where):
    out = {"raw": raw_copy, "inside raw": raw_copy / "clean", "holds raw": raw_copy.parent}[where]
    before = {p: p.read_bytes() for p in raw_copy.rglob("*") if p.is_file()}
    with pytest.raises(BuildTargetError, match="raw folder"):
        build(raw_copy, out)
    assert {p: p.read_bytes() for p in raw_copy.rglob("*") if p.is_file()} == before


def test_a_read_only_clean_folder_is_refused_and_unchanged(tmp_path):
    out = tmp_path / "clean"
    shutil.copytree(CLEAN, out)
    (out / "it_trade.csv").write_bytes(b"stale")  # so a rebuild would change it
    os.chmod(out, 0o555)
    try:
        with pytest.raises(BuildTargetError, match="read-only"):
            build(RAW, out)
        assert (out / "it_trade.csv").read_bytes() == b"stale"
    finally:
        os.chmod(out, 0o755)


def test_disk_full_while_writing_is_an_error_and_changes_nothing(frames, tmp_path, monkeypatch):
    out = tmp_path / "clean"
    shutil.copytree(CLEAN, out)
    before = _files(out)
    calls = []

    def full(path, data):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))
        path.write_bytes(data)

    monkeypatch.setattr(pub, "_put", full)
    with pytest.raises(BuildTargetError, match="No space left") as err:
        pub.publish(*frames, out, RAW)
    assert isinstance(err.value, KzictError) and "left as it was" in str(err.value)
    assert _files(out) == before and sorted(p.name for p in tmp_path.iterdir()) == ["clean"]


def test_folders_keep_ordinary_permissions(frames, tmp_path):
    old = os.umask(0o022)
    try:
        out = tmp_path / "clean"
        pub.publish(*frames, out, RAW)
        assert stat.S_IMODE(out.stat().st_mode) == 0o755
        os.chmod(out, 0o775)
        pub.publish(*frames, out, RAW)
        assert stat.S_IMODE(out.stat().st_mode) == 0o775
        assert all(stat.S_IMODE(p.stat().st_mode) == 0o644 for p in out.iterdir())
    finally:
        os.umask(old)


def test_leftovers_of_interrupted_builds_are_removed(frames, tmp_path):
    out = tmp_path / "clean"
    for name in (".clean-build-dead", ".clean-k2x9q1-old", ".clean-old"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "x.csv").write_text("x")
    (tmp_path / "keep.txt").write_text("not ours")
    pub.publish(*frames, out, RAW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean", "keep.txt"]
    _loadable(out)


def test_a_second_build_waits_for_the_lock_then_gives_up(frames, tmp_path, monkeypatch):
    import fcntl

    out = tmp_path / "clean"
    monkeypatch.setattr(pub, "LOCK_TIMEOUT", 0.2)
    fd = os.open(tmp_path, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        with pytest.raises(BuildTargetError, match="another build"):
            pub.publish(*frames, out, RAW)
    finally:
        os.close(fd)
    assert not out.exists()


def test_a_lone_carriage_return_is_written_so_that_it_loads_back(frames, tmp_path):
    """Unquoted, a CR in a text cell passed verify() and broke load(): now quoted, and read back before the swap."""
    tables, corrections = frames
    tables = {**tables, "sources": tables["sources"].copy()}
    tables["sources"].loc[0, "citation"] = "line one\rline two"
    out = tmp_path / "clean"
    pub.publish(tables, corrections, out, RAW)
    assert _store.load_folder(out, "sources").loc[0, "citation"] == "line one\rline two"


def test_a_table_that_does_not_load_back_is_never_published(frames, tmp_path, monkeypatch):
    out = tmp_path / "clean"
    shutil.copytree(CLEAN, out)
    before = _files(out)
    real = pub._csv
    monkeypatch.setattr(pub, "_csv", lambda df: real(df.iloc[:-1]) if len(df) == 13 else real(df))
    with pytest.raises(IntegrityError, match="does not load back"):
        pub.publish(*frames, out, RAW)
    assert _files(out) == before and sorted(p.name for p in tmp_path.iterdir()) == ["clean"]


def _steps(frames, tmp_path) -> list[str]:
    seen: list[str] = []
    out = tmp_path / "probe"
    pub.publish(*frames, out, RAW)  # the second build swaps: every step is seen
    orig = pub._checkpoint
    pub._checkpoint = seen.append
    try:
        pub.publish(*frames, out, RAW)
    finally:
        pub._checkpoint = orig
    return seen


def _killed_at(frames, out: Path, n: int, exchange=True) -> None:
    """Run a build in a forked child that SIGKILLs itself at its n-th step."""
    pid = os.fork()
    if pid == 0:  # the child: never returns into pytest
        try:
            count = iter(range(n, -1, -1))
            pub._checkpoint = lambda step: next(count) == 0 and os.kill(os.getpid(), signal.SIGKILL)
            if not exchange:
                pub._exchange = lambda a, b: False
            pub.publish(*frames, out, RAW)
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, status


@pytest.mark.slow(5)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the one-step swap is Linux renameat2")
def test_a_kill_at_any_step_leaves_a_loadable_clean_folder(frames, tmp_path):
    steps = _steps(frames, tmp_path)
    assert {"staging", "read back", "swap", "swapped", "done"} <= set(steps)
    picks = sorted({0, 1, len(steps) // 2} | {i for i, s in enumerate(steps) if not s.endswith(".csv")})
    out = tmp_path / "clean"
    shutil.copytree(CLEAN, out)
    for n in picks:
        _killed_at(frames, out, n)
        _loadable(out)
    pub.publish(*frames, out, RAW)  # the next build cleans up after all of them
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean", "probe"]
    _loadable(out)


def test_the_two_rename_fallback_is_repaired_by_the_next_build(frames, tmp_path, monkeypatch):
    steps = _steps(frames, tmp_path)
    out = tmp_path / "clean"
    shutil.copytree(CLEAN, out)
    (out / "it_trade.csv").write_bytes(b"old")
    with open(out / _store.MANIFEST, "a"):
        pass
    _killed_at(frames, out, steps.index("swap") + 1, exchange=False)  # between the two renames
    assert not out.exists() and (tmp_path / ".clean-old").is_dir()
    monkeypatch.setattr(pub, "_exchange", lambda a, b: False)
    pub.publish(*frames, out, RAW)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["clean", "probe"]
    _loadable(out)
    pd.testing.assert_frame_equal(_store.load_folder(out, "it_trade"), _store.load_folder(CLEAN, "it_trade"))
