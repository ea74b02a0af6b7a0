"""The clean datasets, one module each: discovered, never listed by hand.

A module ``kzict/tables/<name>.py`` defines one pandera ``DataFrameModel``
whose ``Config`` names the dataset and carries its title, description, key
(``unique``) and metadata (only the keys of ``METADATA_KEYS``: ``order`` in the
catalogue, ``locator``, ``note``, ``printed_in``, ``rows``, ``licence``, ``plausible``), and a
``process`` function. A module declares its inputs, one kind or several:

- ``RAW = raw_input(...)``: a sheet of a raw workbook, handed over as ``raw``;
- ``SNAPSHOTS = snapshot_input(pattern)``: the files of ``data/raw/snapshots`` whose
  names match, each checked by the runner against the snapshot manifest (listed,
  size, sha256) and handed over as ``files`` (name -> ``SnapshotFile``);
- ``INPUTS = (names...)``: validated clean tables, handed over as ``tables``
  (name -> frame), with optionally ``RULES``, a raw sheet of rules, as ``rules``.

The runner (``kzict.pipeline.run``) resolves them in dependency order and calls
``process`` with exactly the keywords the module declares (``raw``, ``files``,
``tables``, ``rules``). Modules whose names start with ``_`` hold shared helpers.

Importing this package imports pandera; the loaders never do.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pandera.pandas as pa

from kzict.tables._fields import THESIS, Raw


@dataclass(frozen=True)
class Snapshots:
    """A dataset's raw input: the verbatim public data files of ``data/raw/snapshots`` whose names match."""

    pattern: str  # a regular expression matched against the whole file name

    def files(self, snap_dir: Path) -> list[str]:
        """The manifest's files of this input, sorted by name."""
        from kzict.readers.snapshots import read_manifest

        return sorted(n for n in read_manifest(snap_dir) if re.fullmatch(self.pattern, n))

    def match(self, name: str) -> re.Match[str]:
        """The pattern's match on ``name`` (its groups: an edition, a year), which must match."""
        m = re.fullmatch(self.pattern, name)
        if m is None:
            raise ValueError(f"{name!r} does not match the snapshot input {self.pattern!r}")
        return m


def snapshot_input(pattern: str) -> Snapshots:
    """Declare the snapshot files a dataset is read from (see ``data/raw/snapshots/MANIFEST.csv``)."""
    re.compile(pattern)
    return Snapshots(pattern)


# What ``Config.metadata`` may hold; anything else (``license`` for ``licence``) is refused by ``registry()``.
# plausible: {column: {value: (low, high)}}, ranges that replace a unit's own (kzict.pipeline.validate)
METADATA_KEYS = frozenset({"order", "locator", "note", "printed_in", "rows", "licence", "plausible"})


@dataclass(frozen=True)
class Dataset:
    """One dataset as the pipeline sees it: its model, its inputs and how it is processed."""

    name: str
    model: type[pa.DataFrameModel]
    process: Callable[..., Any]
    raw: Raw | None = None  # the sheet the table is transcribed in
    inputs: tuple[str, ...] = ()  # the clean tables it is made from (validated before it is processed)
    rules: Raw | None = None  # a raw sheet a derived table follows (not a printed table)
    snapshots: Snapshots | None = None  # the public data files it is read from

    @property
    def derived(self) -> bool:
        """Made from clean tables only: no raw sheet and no data file of its own."""
        return self.raw is None and self.snapshots is None

    def run(self, raw: Any = None, files: Any = None, tables: Any = None, rules: Any = None) -> Any:
        """``process`` called with exactly the inputs the module declares, by keyword."""
        given = {"raw": raw} if self.raw is not None else {}
        if self.snapshots is not None:
            given["files"] = files
        if self.inputs:
            given["tables"] = tables
        if self.rules is not None:
            given["rules"] = rules
        return self.process(**given)

    @property
    def config(self) -> Any:
        return self.model.Config

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(self.config.unique)

    @property
    def meta(self) -> dict[str, Any]:
        return dict(self.config.metadata or {})

    @property
    def order(self) -> int:
        return int(self.meta["order"])

    @property
    def printed_in(self) -> str:
        return self.meta.get("printed_in", THESIS)

    @property
    def sort_by(self) -> tuple[str, ...]:
        """Row order of the clean file: the key unless ``rows`` says 'printed' or names columns."""
        rows = self.meta.get("rows")
        return self.key if rows is None else () if rows == "printed" else tuple(rows)

    @property
    def schema(self) -> pa.DataFrameSchema:
        return self.model.to_schema()


def _model(module) -> type[pa.DataFrameModel]:
    found = [
        v
        for v in vars(module).values()
        if isinstance(v, type) and issubclass(v, pa.DataFrameModel) and v.__module__ == module.__name__
    ]
    if len(found) != 1:
        raise TypeError(f"{module.__name__} must define exactly one DataFrameModel, found {len(found)}")
    return found[0]


def _dataset(module) -> Dataset:
    model = _model(module)
    name = module.__name__.rsplit(".", 1)[1]
    if getattr(model.Config, "name", None) != name:
        raise TypeError(f"{module.__name__}: Config.name must be the module's name {name!r}")
    unknown = sorted(set(getattr(model.Config, "metadata", None) or {}) - METADATA_KEYS)
    if unknown:
        raise TypeError(
            f"{module.__name__}: Config.metadata has the unknown key(s) {', '.join(map(repr, unknown))}; "
            f"expected only {', '.join(sorted(METADATA_KEYS))}"
        )
    inputs = tuple(getattr(module, "INPUTS", ()))
    snaps = getattr(module, "SNAPSHOTS", None)
    raw, rules = getattr(module, "RAW", None), getattr(module, "RULES", None)
    if raw is None and snaps is None and not inputs:
        raise TypeError(
            f"{module.__name__} must declare its inputs: RAW (a raw sheet), SNAPSHOTS (public data files) "
            "and/or INPUTS (clean tables)"
        )
    if rules is not None and not inputs:
        raise TypeError(f"{module.__name__}: RULES go with INPUTS (the clean tables the rules apply to)")
    if snaps is not None and not isinstance(snaps, Snapshots):
        raise TypeError(f"{module.__name__}: SNAPSHOTS must be snapshot_input(pattern)")
    return Dataset(name, model, module.process, raw, inputs, rules, snaps)


@cache
def registry() -> dict[str, Dataset]:
    """Every dataset module of this package, in catalogue order (``Config.metadata['order']``)."""
    found = [
        _dataset(importlib.import_module(f"{__name__}.{m.name}"))
        for m in pkgutil.iter_modules(__path__)
        if not m.name.startswith("_")
    ]
    return checked({d.name: d for d in sorted(found, key=lambda d: d.order)})


def checked(datasets: dict[str, Dataset]) -> dict[str, Dataset]:
    """``datasets``, once every declared input table is one of them and no table depends on itself."""
    for d in datasets.values():
        unknown = [i for i in d.inputs if i not in datasets]
        if unknown:
            raise TypeError(f"kzict.tables.{d.name}: INPUTS names no dataset {', '.join(map(repr, unknown))}")
    state: dict[str, int] = {}  # 1: being visited, 2: done

    def visit(name: str, path: tuple[str, ...]) -> None:
        if state.get(name) == 1:
            raise TypeError(f"kzict.tables.{name}: its INPUTS lead back to it ({' -> '.join((*path, name))})")
        if name not in state:
            state[name] = 1
            for i in datasets[name].inputs:
                visit(i, (*path, name))
            state[name] = 2

    for name in datasets:
        visit(name, ())
    return datasets
