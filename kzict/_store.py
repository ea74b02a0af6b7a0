"""Where the clean data lives and how it is read, without pandera or the build.

In a wheel the clean files ship inside the package (``kzict/_data/clean``);
in a clone they are the repository's ``data/clean``.
"""

from __future__ import annotations

import hashlib
import io
import json
from functools import cache
from importlib import resources
from pathlib import Path

DESCRIPTOR = "datapackage.json"
MANIFEST = "checksums.sha256"
INTERNAL = ("corrections",)  # resources that are not datasets


def _data_dir(kind: str):
    bundled = resources.files("kzict") / "_data" / kind
    if bundled.is_dir():
        return bundled
    return Path(__file__).resolve().parent.parent / "data" / kind


def clean_dir():
    return _data_dir("clean")


def raw_dir():
    return _data_dir("raw")


@cache
def package() -> dict:
    return json.loads(_read_checked(DESCRIPTOR))


@cache
def manifest() -> dict[str, str]:
    text = (clean_dir() / MANIFEST).read_text(encoding="utf-8")
    return {name: digest for digest, name in (line.split("  ", 1) for line in text.splitlines() if line)}


def _read_checked(fname: str) -> bytes:
    from kzict.errors import IntegrityError

    data = (clean_dir() / fname).read_bytes()
    expected = manifest().get(fname)
    if expected is None:
        raise IntegrityError(f"{fname} is not in {MANIFEST}; rebuild with `make data`")
    if hashlib.sha256(data).hexdigest() != expected:
        raise IntegrityError(
            f"{fname} differs from the checksum the build recorded in {MANIFEST}: "
            "clean files are built, never edited by hand; rebuild with `make data`"
        )
    return data


def resource(name: str, include_internal: bool = False) -> dict:
    from kzict.errors import UnknownDatasetError

    for res in package()["resources"]:
        if res["name"] == name and (include_internal or name not in INTERNAL):
            return res
    raise UnknownDatasetError(name, dataset_names())


def dataset_names() -> list[str]:
    return [r["name"] for r in package()["resources"] if r["name"] not in INTERNAL]


def read_verified(res: dict):
    import pandas as pd

    data = _read_checked(res["path"])
    dtypes = {
        f["name"]: (
            pd.CategoricalDtype(f["kzict:categories"], ordered=f["kzict:ordered"])
            if f["kzict:dtype"] == "category"
            else f["kzict:dtype"]
        )
        for f in res["schema"]["fields"]
    }
    return pd.read_csv(io.BytesIO(data), dtype=dtypes, keep_default_na=False, na_values=[""])


def verify_all() -> int:
    for fname in manifest():
        _read_checked(fname)
    return len(manifest())
