"""Writing the clean folder: refuse a wrong target, write a staging copy, read it back, swap it in atomically.

Guarantees (each tested in tests/test_reliability_publish.py):

- the target is empty, absent, or a kzict clean folder (every entry a file its manifest lists), and
  never the raw folder or inside it: nothing the build did not write is ever deleted;
- one build at a time per parent folder (an ``fcntl`` lock); leftovers of an interrupted build
  (``.<name>-*`` folders beside the target) are removed by the next one;
- the staging copy is read back with the loaders' own code and compared with the validated frames
  before it is published;
- on Linux the swap is one ``renameat2(RENAME_EXCHANGE)``: a kill at any moment leaves the old or the
  new folder in place, never neither; elsewhere two renames under the lock, repaired by the next build;
- any failure before the swap (bad input, disk full, permissions) leaves the target as it was.
"""

from __future__ import annotations

import contextlib
import csv
import ctypes
import errno
import hashlib
import json
import os
import secrets
import shutil
import stat
import sys
from pathlib import Path
from typing import cast

import pandas as pd

from kzict import _store
from kzict.errors import BuildTargetError


def FLOAT_FORMAT(x: object) -> str:  # noqa: N802 (pandas' float_format, a callable)
    """The shortest text that reads back as the same float (Python's repr), without a trailing '.0'."""
    return repr(float(cast(float, x))).removesuffix(".0")


LOCK_TIMEOUT = 60.0  # seconds a build waits for another build of the same folder
# What the build reads, recorded in the descriptor so that ``kzict.verify()`` sees a raw file changed since:
# the workbooks, the corrections, the public statements registry and the snapshot manifest (which pins
# every snapshot file by its sha256).
# claims.yaml is not among them: the audit reads it, no clean table does. The Makefile's RAW (the
# prerequisites of ``make data``) covers the same files; tests/test_recorded_inputs.py keeps them in step.
RAW_INPUTS = ("*.xlsx", "corrections.yaml", "statements.yaml", "snapshots/MANIFEST.csv")


def _checkpoint(step: str) -> None:
    """A named moment of the build; tests replace this to kill the build there."""


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _put(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    _checkpoint(f"wrote {path.name}")


def _csv(df: pd.DataFrame) -> bytes:
    """The table as CSV; a text cell holding a carriage return forces quoting, which csv's minimal quoting misses."""
    text = df.to_csv(index=False, lineterminator="\n", float_format=FLOAT_FORMAT, quoting=csv.QUOTE_MINIMAL)
    if "\r" in text:  # every cell's text is in the CSV: without a carriage return there, no cell holds one
        text_cols = [c for c in df.columns if not pd.api.types.is_numeric_dtype(df[c].dtype)]
        if any(df[c].astype("string").str.contains("\r", regex=False).any() for c in text_cols):
            text = df.to_csv(index=False, lineterminator="\n", float_format=FLOAT_FORMAT, quoting=csv.QUOTE_NONNUMERIC)
    return text.encode("utf-8")


def raw_inputs(raw_dir: Path) -> list[dict]:
    """Every raw file the clean data is made from, with its digest: recorded in the descriptor."""
    paths = sorted({p for pattern in RAW_INPUTS for p in Path(raw_dir).glob(pattern) if p.is_file()})
    return [{"path": p.relative_to(raw_dir).as_posix(), "hash": f"sha256:{sha256(p)}"} for p in paths]


def write(
    tables: dict[str, pd.DataFrame],
    corrections: pd.DataFrame,
    out_dir: Path,
    raw_dir: Path,
    inputs: list[dict] | None = None,
) -> None:
    """Write the clean folder: CSVs, the descriptor (with each file's digest), the checksum manifest.

    ``inputs``: the raw inputs' digests as the build hashed them before reading (default: hashed now)."""
    from kzict.pipeline.descriptor import descriptor

    files = {f"{name}.csv": df for name, df in tables.items()}
    files["corrections.csv"] = corrections
    digests = {}
    for fname, df in files.items():
        data = _csv(df)
        _put(out_dir / fname, data)
        digests[fname] = (hashlib.sha256(data).hexdigest(), len(data))
    desc = descriptor(tables, corrections)
    for res in desc["resources"]:
        res["hash"], res["bytes"] = f"sha256:{digests[res['path']][0]}", digests[res["path"]][1]
    lines = {f: f"{digests[f][0]}  {f}\n" for f in files}
    desc["kzict:raw_inputs"] = raw_inputs(raw_dir) if inputs is None else inputs
    desc["kzict:checksums"] = f"sha256:{_store.checksums_digest(lines.values())}"
    text = (json.dumps(desc, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    _put(out_dir / _store.DESCRIPTOR, text)
    lines[_store.DESCRIPTOR] = f"{hashlib.sha256(text).hexdigest()}  {_store.DESCRIPTOR}\n"
    _put(out_dir / _store.MANIFEST, "".join(lines[f] for f in sorted(lines)).encode("utf-8"))


def read_back(folder: Path, tables: dict[str, pd.DataFrame], corrections: pd.DataFrame, raw_dir: Path) -> None:
    """Load every table from ``folder`` as users load it, and compare with what was validated."""
    from kzict.errors import IntegrityError

    _store.verify_folder(folder, raw_dir)
    expected = {**tables, "corrections": corrections}
    loaded = _store.load_folder_all(folder, list(expected))
    for name, df in expected.items():
        got = loaded[name]
        if _same(got, df):
            continue
        try:
            pd.testing.assert_frame_equal(_plain(got), _plain(df), check_dtype=False, rtol=RTOL)
        except AssertionError as exc:
            raise IntegrityError(f"{name}.csv does not load back as it was validated: {exc}") from None
    _checkpoint("read back")


RTOL, ATOL = 1e-9, 1e-8  # as the slow comparison applies them: math.isclose(rel_tol=RTOL, abs_tol=ATOL)


def _same(got: pd.DataFrame, want: pd.DataFrame) -> bool:
    """A fast, column-wise proof that ``got`` passes read_back's comparison; False means: compare the slow way.

    Accepts only what the slow comparison accepts: the same column names in the same order, the same
    length, and in every column the same missing cells and values equal (numbers within RTOL/ATOL).
    """
    import numpy as np

    if list(got.columns) != list(want.columns) or len(got) != len(want):
        return False
    for c in got.columns:
        a, b = got[c], want[c]
        if pd.api.types.is_numeric_dtype(a.dtype) and pd.api.types.is_numeric_dtype(b.dtype):
            if pd.api.types.is_bool_dtype(a.dtype) != pd.api.types.is_bool_dtype(b.dtype):
                return False
            x = a.to_numpy(dtype="float64", na_value=np.nan)
            y = b.to_numpy(dtype="float64", na_value=np.nan)
            nx, ny = np.isnan(x), np.isnan(y)
            if not (
                np.array_equal(nx, ny)
                and np.all(
                    np.abs(x[~nx] - y[~ny]) <= np.maximum(RTOL * np.maximum(np.abs(x[~nx]), np.abs(y[~ny])), ATOL)
                )
            ):
                return False
        elif a.dtype == b.dtype and not pd.api.types.is_numeric_dtype(a.dtype):
            na, nb = a.isna().to_numpy(), b.isna().to_numpy()
            if not np.array_equal(na, nb):
                return False
            x, y = a.to_numpy(dtype=object)[~na], b.to_numpy(dtype=object)[~nb]
            # a text dtype holds text only; any other (object, category) is looked at, value by value
            text = isinstance(a.dtype, pd.StringDtype)
            if (
                len(x)
                and not text
                and (pd.api.types.infer_dtype(x) != "string" or pd.api.types.infer_dtype(y) != "string")
            ):
                return False
            if not np.array_equal(x, y):
                return False
                return False
        else:
            return False
    return True


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Values only: one spelling of missing (None), no dtype, so what differs is a value."""
    out = df.reset_index(drop=True).astype(object)
    return out.where(out.notna(), None)


def check_target(out_dir: Path, raw_dir: Path) -> None:
    """Refuse a target that is the raw folder, inside it, a link, not a folder, read-only, or holds other files."""
    out, raw = Path(os.path.abspath(out_dir)), Path(os.path.realpath(raw_dir))
    real = Path(os.path.realpath(out))
    for a, b in ((real, raw), (raw, real)):
        if a == b or b in a.parents:
            raise BuildTargetError(f"{out_dir}: the build target must not be, hold or sit in the raw folder {raw}")
    if not os.path.lexists(out):
        return
    if out.is_symlink() or not out.is_dir():
        raise BuildTargetError(f"{out_dir}: not a folder (a file or a link); give a new or kzict clean folder")
    if not out.stat().st_mode & stat.S_IWUSR:
        raise BuildTargetError(f"{out_dir} is read-only; make it writable to rebuild it")
    entries = os.listdir(out)
    if not entries:
        return
    listed = _store.listed_files(out) or set()
    foreign = sorted(e for e in entries if e != _store.MANIFEST and (e not in listed or not (out / e).is_file()))
    if _store.DESCRIPTOR not in listed or foreign:
        shown = ", ".join(foreign[:3]) if foreign else "no kzict manifest"
        raise BuildTargetError(
            f"{out_dir} holds files a kzict build did not write ({shown}); "
            "give an empty folder, a new one, or a kzict clean folder: nothing else is overwritten"
        )


def _locked(parent: Path):
    """An exclusive lock on the target's parent folder: two builds of one folder never race (kzict.pipeline.lock)."""
    from kzict.pipeline.lock import locked

    return locked(parent, exclusive=True, timeout=LOCK_TIMEOUT)


def _remove(path: Path) -> None:
    """Remove a folder this build or an earlier one wrote, read-only files included."""

    def retry(func, p, _exc):
        with contextlib.suppress(OSError):
            os.chmod(os.path.dirname(p), 0o700)
            os.chmod(p, 0o700)
            func(p)

    if sys.version_info >= (3, 12):
        shutil.rmtree(path, onexc=retry)
    else:
        shutil.rmtree(path, onerror=retry)


def _leftovers(out: Path) -> list[Path]:
    return [p for p in out.parent.glob(f".{out.name}-*") if p.is_dir() and not p.is_symlink()]


def _recover(out: Path) -> None:
    """A fallback swap killed between its two renames left ``.<name>-old`` and no target: put it back."""
    old = out.with_name(f".{out.name}-old")
    if not os.path.lexists(out) and old.is_dir() and _store.DESCRIPTOR in (_store.listed_files(old) or ()):
        os.rename(old, out)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    fn = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if fn is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if fn(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _swap(staging: Path, out: Path) -> None:
    """Put ``staging`` at ``out``; afterwards ``staging`` holds the old folder (or nothing)."""
    _checkpoint("swap")
    if not os.path.lexists(out):
        os.rename(staging, out)
    elif not _exchange(staging, out):
        old = out.with_name(f".{out.name}-old")
        os.rename(out, old)
        _checkpoint("between renames")
        os.rename(staging, out)
        os.rename(old, staging)
    _checkpoint("swapped")


def publish(
    tables: dict[str, pd.DataFrame],
    corrections: pd.DataFrame,
    out_dir: Path,
    raw_dir: Path,
    inputs: list[dict] | None = None,
) -> None:
    """Write ``out_dir`` from validated frames, all at once or not at all.

    ``inputs``: the raw inputs' digests hashed before the frames were read; a raw folder that no longer
    matches them (edited while the build read it) is refused, so the descriptor vouches only for what was read.
    """
    out, raw = Path(out_dir), Path(raw_dir)
    check_target(out, raw)
    out.parent.mkdir(parents=True, exist_ok=True)
    with _locked(out.parent):
        _recover(out)
        for path in _leftovers(out):
            _remove(path)
        check_target(out, raw)  # again, under the lock
        if inputs is not None and raw_inputs(raw) != inputs:
            from kzict.errors import RawDataError

            raise RawDataError(raw, "changed while the build read it; nothing was written, run the build again")
        staging = out.with_name(f".{out.name}-build-{secrets.token_hex(4)}")
        try:
            os.mkdir(staging)
            if out.is_dir():
                os.chmod(staging, stat.S_IMODE(out.stat().st_mode))
            _checkpoint("staging")
            write(tables, corrections, staging, raw, inputs)
            read_back(staging, tables, corrections, raw)
            fd = os.open(staging, os.O_RDONLY)
            os.fsync(fd)
            os.close(fd)
            _swap(staging, out)
        except OSError as exc:
            where = exc.filename or staging
            raise BuildTargetError(
                f"cannot write the build ({exc.strerror or exc}: {where}); {out} left as it was"
            ) from None
        finally:
            if os.path.lexists(staging):
                _remove(staging)
        _checkpoint("done")
