"""The one lock of a data folder, shared by the build and ``kzict ingest``.

A build holds its raw folder's lock shared while it reads (builds read side by side), and its
target's parent exclusively while it publishes; an ingest holds the raw folder's lock exclusively
from its first read of the manifest to its last rename, so a build never reads a half-ingested raw
folder and two ingests never lose each other's manifest rows. The locks are ``flock`` locks on the
folders themselves (released by the kernel when a process dies), re-entrant within one process: the
build an ingest runs under its own lock does not wait for it.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from kzict.errors import BuildTargetError

TIMEOUT = 60.0  # seconds to wait for another build or ingest of the same folder
_local = threading.local()  # .held: real path -> held exclusively, by this thread


@contextlib.contextmanager
def locked(folder: Path, *, exclusive: bool = True, timeout: float | None = None) -> Iterator[None]:
    """Hold ``folder``'s lock (exclusive or shared) for the block; a no-op where this process already holds it."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock; every write is still staged and renamed into place
        yield
        return
    key = os.path.realpath(folder)
    held: dict[str, bool] = _local.__dict__.setdefault("held", {})
    if key in held:
        if exclusive and not held[key]:
            raise RuntimeError(f"{folder}: an exclusive lock was asked for under a shared one")
        yield
        return
    if not os.path.isdir(key):  # nothing to lock; the caller's own check reports the missing folder
        yield
        return
    fd = os.open(key, os.O_RDONLY)
    try:
        wait = TIMEOUT if timeout is None else timeout
        deadline = time.monotonic() + wait
        mode = (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB
        while True:
            try:
                fcntl.flock(fd, mode)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise BuildTargetError(
                        f"another build or ingest of {folder} has held it for {wait:g} s; try again"
                    ) from None
                time.sleep(0.05)
        held[key] = exclusive
        try:
            yield
        finally:
            del held[key]
    finally:
        os.close(fd)  # closing releases the lock
