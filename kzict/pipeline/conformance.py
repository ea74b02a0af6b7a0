"""Does the clean folder's descriptor say what the models say? (``kzict validate``)

The checksum manifest proves the descriptor is the one the manifest lists, but whoever edits
``datapackage.json`` (a category, a unit, a type) can rewrite its manifest line too, and the loaders,
which read dtypes and categories from it, would then turn values into NaN without a word. The models
are code, not data: the descriptor each would make from the loaded tables is compared with the one on
disk, field by field. This needs pandera (the build side), so it runs in ``kzict validate`` and not in
``kzict.verify()``, which the loaders' import-light runtime keeps free of it.
"""

from __future__ import annotations

import pandas as pd

from kzict import _store
from kzict.errors import IntegrityError
from kzict.pipeline import corrections as corr
from kzict.pipeline.descriptor import descriptor, resource
from kzict.tables import registry

MADE_AT_BUILD = ("hash", "bytes")  # written after the descriptor is made: the manifest checks them


def check(folder=None) -> int:
    """Raise IntegrityError at the first part of the descriptor that differs from the models'; return resources checked.

    ``folder``: a clean folder (default: the one the loaders read)."""
    folder = _store.clean_dir() if folder is None else folder
    digests = _store.parse_manifest(folder)
    pkg = _store._package(folder, digests)
    by_name = {r.get("name"): r for r in pkg.get("resources", [])}
    names = [n for n in registry() if n in by_name]
    if set(by_name) != {*registry(), "corrections"}:
        raise IntegrityError(_differs("the list of resources", sorted(by_name), [*registry(), "corrections"]))
    frames = _store.load_folder_all(folder, [*names, "corrections"])
    want = descriptor({n: frames[n] for n in names}, pd.DataFrame(columns=corr.COLUMNS))
    for key in ("$schema", "name", "title", "description", "licenses", "sources"):
        if pkg.get(key) != want[key]:
            raise IntegrityError(_differs(key, pkg.get(key), want[key]))
    made = {r["name"]: r for r in want["resources"]}
    for name in names:
        _compare(name, by_name[name], resource(name, frames[name]))
    fixed = dict(made["corrections"], **{"kzict:rows": len(frames["corrections"])})
    _compare("corrections", by_name["corrections"], fixed)
    return len(names) + 1


def _compare(name: str, got: dict, want: dict) -> None:
    for key in sorted(set(got) | set(want)):
        if key in MADE_AT_BUILD:
            continue
        if key == "schema" and isinstance(got.get(key), dict):
            for part in sorted(set(got[key]) | set(want[key])):
                a, b = got[key].get(part), want[key].get(part)
                if a != b:
                    what = part
                    if part == "fields" and isinstance(a, list) and len(a) == len(b):
                        diff = next((x, y) for x, y in zip(a, b) if x != y)
                        what, a, b = f"field {diff[1].get('name')!r}", diff[0], diff[1]
                    raise IntegrityError(_differs(f"resource {name!r}, schema {what}", a, b))
        elif got.get(key) != want.get(key):
            raise IntegrityError(_differs(f"resource {name!r}, {key}", got.get(key), want.get(key)))


def _differs(what: str, got, want) -> str:
    shown = " ".join(f"{got!r}".split())[:200], " ".join(f"{want!r}".split())[:200]
    return (
        f"{_store.DESCRIPTOR}: {what} is {shown[0]}, the models make {shown[1]}: "
        f"the descriptor was edited (or built by another kzict); {_store.REBUILD}"
    )
