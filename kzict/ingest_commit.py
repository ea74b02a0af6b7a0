"""Publishing an ingest: the raw folder and the clean folder change together, or neither does.

The new snapshots and manifest are written into a staged copy of the raw folder (hard links to the
unchanged files), the whole build runs from it into a staged clean folder, and only then, under the
locks, are the new files renamed into ``data/raw/snapshots``, the manifest replaced and the clean
folder swapped in. Any failure before that leaves both folders byte for byte as they were and removes
every staged file; a failure during the renames puts the old manifest back. A process killed in
the middle (``kill -9``, power loss) leaves at worst a hidden ``.ingest-*`` folder, which the next
ingest removes, or a raw folder one step ahead of its clean folder, which ``make data`` rebuilds.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
from collections.abc import Mapping
from pathlib import Path

from kzict.errors import BuildTargetError, KzictError, RawDataError
from kzict.readers import snapshots

PREFIX = ".ingest-"


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _write(path: Path, data: bytes | Path) -> None:
    """Write a staged file; it may be a hard link to the live one, so it is replaced, never written through.

    ``data`` a path: a file already written (the cut of a full download), moved in without reading it."""
    path.unlink(missing_ok=True)
    if isinstance(data, Path):
        shutil.move(data, path)
        return
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _remove_linked(folder: Path) -> None:
    """Remove a staged raw folder: its files may be hard links to the live ones, so only its own folders
    are ever made writable (a file's mode is its inode's, shared with the live file)."""
    for top, _dirs, _files in os.walk(folder):
        with contextlib.suppress(OSError):
            os.chmod(top, 0o700)
    shutil.rmtree(folder, ignore_errors=True)


def leftovers(parent: Path) -> None:
    """Remove what an ingest killed in the middle left beside the raw folder."""
    for p in parent.glob(f"{PREFIX}*"):
        if p.is_dir() and not p.is_symlink():
            _remove_linked(p)


def commit(
    raw: Path,
    out: Path | None,
    files: Mapping[str, bytes | Path],
    rows: dict[str, dict[str, str]],
    origins: dict[str, str] | None = None,
) -> None:
    """Add ``files`` to ``raw/snapshots`` with the manifest ``rows``, and rebuild ``out`` from it, all or nothing.

    The caller holds ``raw``'s lock exclusively. ``out`` None: raw only (no build). ``origins``: the user's
    name of each new snapshot's file, for the message when the build refuses it.
    """
    from kzict.pipeline.publish import _locked, _remove, check_target

    token = secrets.token_hex(4)
    staged_raw = raw.parent / f"{PREFIX}{token}-raw"
    staged_out = out.parent / f"{PREFIX}{token}-clean" if out is not None else None
    snap = raw / "snapshots"
    if not os.access(snap, os.W_OK) or not os.access(snap / snapshots.MANIFEST, os.R_OK):
        raise BuildTargetError(f"{snap} is read-only; make it writable to ingest into it")
    for name in files:
        if os.path.lexists(snap / name):
            raise RawDataError(snap / name, "already exists; a snapshot is never replaced")
    try:
        shutil.copytree(raw, staged_raw, symlinks=True, copy_function=_link_or_copy)
        for name, data in files.items():
            _write(staged_raw / "snapshots" / name, data)
        (staged_raw / "snapshots" / snapshots.MANIFEST).unlink()
        snapshots.write_manifest(rows, staged_raw / "snapshots")
        if out is not None and staged_out is not None:
            from kzict.pipeline.run import build

            check_target(out, raw)
            try:
                build(staged_raw, staged_out)
            except KzictError as exc:  # named as the user knows the folders, not as staged
                text = str(exc).replace(str(staged_raw), str(raw)).replace(str(staged_out), str(out))
                given = ", ".join((origins or {}).get(n, n) for n in files)
                exc.args = (f"{given}: the build refuses the new data: {text}",)
                raise
        with _locked(out.parent) if out is not None else contextlib.nullcontext():
            if out is not None:
                check_target(out, raw)  # again, under the lock
            _publish(snap, staged_raw / "snapshots", files, out, staged_out)
    finally:
        if os.path.lexists(staged_raw):
            _remove_linked(staged_raw)
        if staged_out is not None and os.path.lexists(staged_out):
            _remove(staged_out)


def _publish(
    snap: Path, staged: Path, files: Mapping[str, bytes | Path], out: Path | None, staged_out: Path | None
) -> None:
    from kzict.pipeline.publish import _swap

    manifest = snap / snapshots.MANIFEST
    old = manifest.read_bytes()
    placed: list[Path] = []
    replaced = False
    try:
        for name in files:
            os.replace(staged / name, snap / name)
            placed.append(snap / name)
        os.replace(staged / snapshots.MANIFEST, manifest)
        replaced = True
        if out is not None and staged_out is not None:
            if out.is_dir():
                os.chmod(staged_out, stat.S_IMODE(out.stat().st_mode))
                _swap(staged_out, out)
            else:
                os.rename(staged_out, out)
    except BaseException:
        if replaced:
            _write(staged / snapshots.MANIFEST, old)
            os.replace(staged / snapshots.MANIFEST, manifest)
        for p in placed:
            p.unlink(missing_ok=True)
        raise
