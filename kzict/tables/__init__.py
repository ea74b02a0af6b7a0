"""The clean datasets, one module each: discovered, never listed by hand.

A module ``kzict/tables/<name>.py`` defines one pandera ``DataFrameModel``
whose ``Config`` names the dataset and carries its title, description, key
(``unique``) and metadata (``order`` in the catalogue, ``locator``, ``note``,
``printed_in``, ``rows``), and a ``process`` function. A dataset read from a
raw sheet declares it as ``RAW`` and processes it with ``process(raw)``; a
derived one declares the clean tables it is made from as ``INPUTS`` (and,
optionally, a raw sheet of rules as ``RULES``) and makes itself with
``process(tables, rules)``. A dataset read from public data files declares them as
``SNAPSHOTS = snapshot_input(pattern)`` (files of ``data/raw/snapshots`` whose names match) and
makes itself with ``process(snap_dir)`` through the pipeline's verified readers, which check each
file's sha256 against the snapshot manifest first. Modules whose names start with ``_`` hold shared helpers.

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


def snapshot_input(pattern: str) -> Snapshots:
    """Declare the snapshot files a dataset is read from (see ``data/raw/snapshots/MANIFEST.csv``)."""
    re.compile(pattern)
    return Snapshots(pattern)


@dataclass(frozen=True)
class Dataset:
    """One dataset as the pipeline sees it: its model, its inputs and how it is processed."""

    name: str
    model: type[pa.DataFrameModel]
    process: Callable[..., Any]
    raw: Raw | None = None  # the sheet the table is transcribed in; None for a derived table
    inputs: tuple[str, ...] = ()  # the clean tables a derived table is made from
    rules: Raw | None = None  # a raw sheet a derived table follows (not a printed table)
    snapshots: Snapshots | None = None  # the public data files a table is read from

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
    inputs = tuple(getattr(module, "INPUTS", ()))
    snaps = getattr(module, "SNAPSHOTS", None)
    if [bool(inputs), hasattr(module, "RAW"), snaps is not None].count(True) != 1:
        raise TypeError(
            f"{module.__name__} must declare one of RAW (a raw sheet), SNAPSHOTS (public data files) "
            "or INPUTS (clean tables)"
        )
    raw, rules = getattr(module, "RAW", None), getattr(module, "RULES", None)
    return Dataset(name, model, module.process, raw, inputs, rules, snaps)


@cache
def registry() -> dict[str, Dataset]:
    """Every dataset module of this package, in catalogue order (``Config.metadata['order']``)."""
    found = [
        _dataset(importlib.import_module(f"{__name__}.{m.name}"))
        for m in pkgutil.iter_modules(__path__)
        if not m.name.startswith("_")
    ]
    return {d.name: d for d in sorted(found, key=lambda d: d.order)}
