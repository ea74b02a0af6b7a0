"""How the clean data is read at run time, without pandera, openpyxl or the pipeline.

Where it lives is :func:`kzict._paths.data_dir`'s answer, the same for the pipeline.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from kzict._paths import data_dir
from kzict._paths import data_folder as folder

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

    import pandas as pd

DESCRIPTOR = "datapackage.json"
MANIFEST = "checksums.sha256"
INTERNAL = ("corrections",)  # resources that are not datasets


def clean_dir() -> Path | Traversable:
    return data_dir("clean")


def raw_dir() -> Path | Traversable:
    return data_dir("raw")


REBUILD = "rebuild with `make data` in a clone, or `kzict build --out DIR`"
_LINE = re.compile(r"([0-9a-f]{64})  ([A-Za-z0-9][A-Za-z0-9_.-]*)")


@dataclass(frozen=True)
class Verified:
    """What :func:`kzict.verify` checked: every clean file against the manifest and the descriptor."""

    files: int
    datasets: int
    raw_inputs: int
    ok: bool = True
    snapshots: int = 0  # public data snapshots re-hashed against their manifest

    def __bool__(self) -> bool:
        return self.ok

    def __str__(self) -> str:
        return (
            f"{self.files} files match their checksums and the package's digests "
            f"({self.datasets} datasets, {self.raw_inputs} raw inputs as built from, "
            f"{self.snapshots} snapshots re-hashed)"
        )


def package(data_dir=None) -> dict:
    """The descriptor of the clean folder ``data_dir`` (default: ``$KZICT_DATA``, else the package's)."""
    target: Any = clean_folder(data_dir)
    return _package_at(target, _stamp(target))


def manifest(data_dir=None) -> dict[str, str]:
    """The checksum manifest of the clean folder ``data_dir`` (default as for :func:`package`)."""
    target: Any = clean_folder(data_dir)
    return _manifest_at(target, _stamp(target))


def _stamp(folder) -> tuple | None:
    """What tells a rebuilt manifest from the one read before: its inode, size and mtime (None if unknown).

    The reads are cached on it, so a running session (a notebook) sees a rebuild's new data instead of
    failing every later load against the old digests, and an unchanged folder is read once."""
    try:
        st = os.stat(os.fspath(folder / MANIFEST))
    except (OSError, TypeError):  # a folder inside a zipped install has no stat: read once
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


@cache
def _package_at(folder: Any, stamp: tuple | None) -> dict:
    return _package(folder, _manifest_at(folder, stamp))


@cache
def _manifest_at(folder: Any, stamp: tuple | None) -> dict[str, str]:
    return parse_manifest(folder)


def _clear() -> None:
    _package_at.cache_clear()
    _manifest_at.cache_clear()


# tests (and a user who edits files in place within one mtime tick) clear the reads as with functools' caches
package.cache_clear = _clear  # type: ignore[attr-defined]
manifest.cache_clear = _clear  # type: ignore[attr-defined]


def clean_folder(data_dir=None) -> Path | Traversable:
    where = folder(data_dir)
    return clean_dir() if where is None else where


def _package(folder, digests: dict[str, str]) -> dict:
    from kzict.errors import IntegrityError

    try:
        return json.loads(read_checked(folder, DESCRIPTOR, digests))
    except ValueError as exc:
        raise IntegrityError(f"{DESCRIPTOR} is not valid JSON ({exc}); {REBUILD}") from None


def _read_text(folder, fname: str) -> str:
    from kzict.errors import IntegrityError

    try:
        return (folder / fname).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise IntegrityError(f"{fname} is missing from {folder}; {REBUILD}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise IntegrityError(f"{fname} in {folder} cannot be read ({exc}); {REBUILD}") from None


def parse_manifest(folder) -> dict[str, str]:
    """The manifest's lines, strictly: ``<sha256>  <file name>``, one per file, none repeated, none empty."""
    from kzict.errors import IntegrityError

    digests: dict[str, str] = {}
    for i, line in enumerate(_read_text(folder, MANIFEST).split("\n")[:-1] or [""], start=1):
        m = _LINE.fullmatch(line)
        if m is None:
            raise IntegrityError(f"{MANIFEST} line {i} is not '<sha256>  <file name>': {line[:80]!r}; {REBUILD}")
        if m.group(2) in digests:
            raise IntegrityError(f"{MANIFEST} lists {m.group(2)} twice (line {i}); {REBUILD}")
        digests[m.group(2)] = m.group(1)
    return digests


def listed_files(folder) -> set[str] | None:
    """The names a folder's manifest lists, or None when it has no readable manifest (not a clean folder)."""
    from kzict.errors import IntegrityError

    try:
        return set(parse_manifest(folder))
    except IntegrityError:
        return None


def checksums_digest(lines) -> str:
    """The digest of the manifest's data lines (all but the descriptor's own), which the descriptor records."""
    return hashlib.sha256("".join(sorted(lines)).encode("utf-8")).hexdigest()


def _read_checked(fname: str, data_dir=None) -> bytes:
    return read_checked(clean_folder(data_dir), fname, manifest(data_dir))


def read_checked(folder, fname: str, digests: dict[str, str]) -> bytes:
    from kzict.errors import IntegrityError

    expected = digests.get(fname)
    if expected is None:
        raise IntegrityError(f"{fname} is not in {MANIFEST}; {REBUILD}")
    try:
        data = (folder / fname).read_bytes()
    except FileNotFoundError:
        raise IntegrityError(f"{fname} is missing from {folder}; {REBUILD}") from None
    if hashlib.sha256(data).hexdigest() != expected:
        raise IntegrityError(
            f"{fname} differs from the checksum the build recorded in {MANIFEST}: "
            f"clean files are built, never edited by hand; {REBUILD}"
        )
    return data


def resource(name: str, include_internal: bool = False, data_dir=None) -> dict:
    from kzict.errors import UnknownDatasetError

    for res in package(data_dir)["resources"]:
        if res["name"] == name and (include_internal or name not in INTERNAL):
            return res
    raise UnknownDatasetError(name, dataset_names(data_dir))


def dataset_names(data_dir=None) -> list[str]:
    return [r["name"] for r in package(data_dir)["resources"] if r["name"] not in INTERNAL]


def read_verified(res: dict, data_dir=None) -> pd.DataFrame:
    return _read_table(clean_folder(data_dir), res, manifest(data_dir))


def load_folder(folder, name: str) -> pd.DataFrame:
    """Table ``name`` of the clean folder ``folder``, read exactly as :func:`kzict.load` reads it."""
    return load_folder_all(folder, [name])[name]


def load_folder_all(folder, names) -> dict[str, pd.DataFrame]:
    """Tables ``names`` of ``folder`` as :func:`load_folder` reads each, the manifest and descriptor parsed once."""
    digests = parse_manifest(folder)
    pkg = _package(folder, digests)
    by_name = {r["name"]: r for r in reversed(pkg["resources"])}  # the first resource of a name, as next() finds it
    return {name: _read_table(folder, by_name[name], digests) for name in names}


def _checked_path(res: dict) -> str:
    from kzict.errors import IntegrityError

    path = res.get("path")
    if not isinstance(path, str) or not _LINE.fullmatch(f"{'0' * 64}  {path}") or path.startswith("."):
        raise IntegrityError(f"{DESCRIPTOR}: resource {res.get('name')!r} has the path {path!r}, outside the folder")
    return path


def _read_table(folder, res: dict, digests: dict[str, str]) -> pd.DataFrame:
    import pandas as pd

    from kzict.errors import IntegrityError

    path = _checked_path(res)
    data = read_checked(folder, path, digests)
    if res.get("hash") != f"sha256:{digests[path]}":
        raise IntegrityError(f"{path}: its {MANIFEST} line differs from the hash in {DESCRIPTOR}; {REBUILD}")
    dtypes = {
        f["name"]: (
            pd.CategoricalDtype(f["kzict:categories"], ordered=f["kzict:ordered"])
            if f["kzict:dtype"] == "category"
            else f["kzict:dtype"]
        )
        for f in res["schema"]["fields"]
    }
    return pd.read_csv(io.BytesIO(data), dtype=dtypes, keep_default_na=False, na_values=[""])


def read_raw(res: dict) -> pd.DataFrame:
    """The raw sheet the build recorded for ``res`` (``kzict:raw``), read with calamine: no openpyxl, no pipeline."""
    import pandas as pd

    from kzict.errors import RawDataError

    raw = res.get("kzict:raw")
    if raw is None:
        inputs = ", ".join(res.get("kzict:derived_from", []))
        raise ValueError(f"{res['name']!r} is derived from {inputs}, not transcribed from a sheet: load_raw those")
    if "snapshots" in raw:
        from kzict._snapshots import read_snapshots

        return read_snapshots(raw_dir() / "snapshots", raw["snapshots"])
    path, headers = raw_dir() / raw["workbook"], raw["headers"]
    df = pd.read_excel(
        path, sheet_name=raw["sheet"], engine="calamine", dtype=object, keep_default_na=False, na_values=[""]
    )
    if list(df.columns[: len(headers)]) != headers:
        raise RawDataError(str(path), f"expected the headers {headers}", sheet=raw["sheet"], found=list(df.columns))
    rows = [
        (i, [None if pd.isna(v) else v.strip() if isinstance(v, str) else v for v in values])
        for i, values in enumerate(df[headers].itertuples(index=False), start=2)  # row 1 holds the headers
    ]
    rows = [(i, values) for i, values in rows if any(v is not None for v in values)]
    return pd.DataFrame(
        [values for _, values in rows], index=pd.Index([i for i, _ in rows], name="sheet_row"), columns=headers
    )


def verify_all(data_dir=None) -> Verified:
    """The package's clean data against its raw inputs too; another folder on its own files (its raw
    folder is not recorded, so its raw inputs are not checked)."""
    where = folder(data_dir)
    return verify_folder(clean_dir(), raw_dir()) if where is None else verify_folder(where)


def verify_folder(folder, raw=None) -> Verified:
    """Check every file of a clean folder three ways: its bytes, its manifest line, the descriptor's record.

    The manifest must list exactly the descriptor and its resources, each once; each resource's digest
    must agree in both; the manifest's data lines must hash to what the descriptor recorded at build
    time; and where the raw folder is at hand, each raw input must be the one the build read.
    """
    from kzict.errors import IntegrityError

    digests = parse_manifest(folder)
    pkg = _package(folder, digests)
    paths = [_checked_path(r) for r in pkg.get("resources", [])]
    expected = {*paths, DESCRIPTOR}
    if set(digests) != expected or len(paths) != len(set(paths)):
        missing, extra = sorted(expected - set(digests)), sorted(set(digests) - expected)
        raise IntegrityError(f"{MANIFEST} does not list exactly the package's files: {missing=}, {extra=}; {REBUILD}")
    lines = [f"{d}  {f}\n" for f, d in digests.items() if f != DESCRIPTOR]
    if pkg.get("kzict:checksums") != f"sha256:{checksums_digest(lines)}":
        raise IntegrityError(f"{MANIFEST} differs from the digest {DESCRIPTOR} recorded at build time; {REBUILD}")
    for res in pkg["resources"]:
        if res.get("hash") != f"sha256:{digests[res['path']]}":
            raise IntegrityError(f"{res['path']}: its {MANIFEST} line differs from {DESCRIPTOR}'s hash; {REBUILD}")
        read_checked(folder, res["path"], digests)
    inputs = pkg.get("kzict:raw_inputs", [])
    checked = 0
    if raw is not None and _is_dir(raw):
        for item in inputs:
            try:
                data = (raw / item["path"]).read_bytes()
            except OSError:
                raise IntegrityError(f"raw input {item['path']} is missing; the clean data was built from it") from None
            if f"sha256:{hashlib.sha256(data).hexdigest()}" != item["hash"]:
                raise IntegrityError(f"raw input {item['path']} changed since the clean data was built; {REBUILD}")
            checked += 1
    snaps = 0
    if checked and any(i["path"] == "snapshots/MANIFEST.csv" for i in inputs):
        from kzict._snapshots import verify_snapshots

        snaps = len(verify_snapshots(raw / "snapshots"))
    datasets = sum(r["name"] not in INTERNAL for r in pkg["resources"])
    return Verified(files=len(digests) + 1, datasets=datasets, raw_inputs=checked, snapshots=snaps)  # + the manifest


def _is_dir(folder) -> bool:
    try:
        return folder.is_dir()
    except OSError:
        return False
