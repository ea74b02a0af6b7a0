"""The contract of declared inputs: a dataset reads what it declares, and every snapshot file only once verified.

Each case comes from the registry, so a dataset added tomorrow is covered without a line here.
"""

import inspect
import re
import shutil
import types
from dataclasses import replace
from pathlib import Path

import pandera.pandas as pa
import pytest
from conftest import RAW
from pandera.typing import Series

from kzict.errors import RawDataError
from kzict.pipeline.run import in_dependency_order, process, snapshot_files
from kzict.readers import snapshots
from kzict.tables import METADATA_KEYS, _dataset, registry, snapshot_input
from kzict.tables._fields import Strict

SNAP_DIR = RAW / "snapshots"
SNAPSHOT_DATASETS = [d for d in registry().values() if d.snapshots is not None]


def test_every_snapshot_dataset_matches_files():
    assert {d.name for d in SNAPSHOT_DATASETS} >= {"wdi_indicators", "wdi_vintages", "egov_index", "nri_index"}
    for d in SNAPSHOT_DATASETS:
        assert d.snapshots is not None and d.snapshots.files(SNAP_DIR), d.name


@pytest.fixture(scope="module")
def raw_tmp(tmp_path_factory) -> Path:
    dst = tmp_path_factory.mktemp("tamper") / "raw"
    shutil.copytree(RAW, dst)
    return dst


def _flip_one_byte(path: Path) -> bytes:
    """Change one byte in the middle of the file (same size: only the sha256 can tell); return the original."""
    data = path.read_bytes()
    i = len(data) // 2
    path.write_bytes(data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :])
    return data


@pytest.mark.parametrize("name", [d.name for d in SNAPSHOT_DATASETS])
def test_a_tampered_snapshot_stops_the_build_naming_the_file(raw_tmp, name):
    """For each file the dataset matches: one changed byte in a copy, and the build refuses, naming the file."""
    ds = registry()[name]
    assert ds.snapshots is not None
    files = ds.snapshots.files(raw_tmp / "snapshots")
    assert files
    for file in files:
        path = raw_tmp / "snapshots" / file
        original = _flip_one_byte(path)
        try:
            with pytest.raises(RawDataError, match=rf"{re.escape(file)}: sha256 differs"):
                process(raw_tmp, only=[name])
        finally:
            path.write_bytes(original)


def test_a_dataset_is_handed_only_verified_files_of_its_pattern():
    for d in SNAPSHOT_DATASETS:
        assert d.snapshots is not None
        files = snapshot_files(d, SNAP_DIR)
        rows = snapshots.read_manifest(SNAP_DIR)
        assert list(files) == d.snapshots.files(SNAP_DIR)
        for f in files.values():
            assert isinstance(f, snapshots.SnapshotFile) and f.sha256 == rows[f.name]["sha256"]
            assert re.fullmatch(d.snapshots.pattern, f.name)


def test_a_declared_pattern_matching_no_file_is_refused(raw_tmp):
    ds = replace(registry()["nri_index"], snapshots=snapshot_input(r"no-such-file\.csv"))
    with pytest.raises(RawDataError, match=r"MANIFEST\.csv.*'nri_index': no file matches"):
        snapshot_files(ds, raw_tmp / "snapshots")


def test_clean_inputs_come_first_and_are_validated_tables():
    order = [d.name for d in in_dependency_order(registry())]
    for d in registry().values():
        for i in d.inputs:
            assert order.index(i) < order.index(d.name), (i, d.name)
    # indicator_outcomes combines a raw sheet with three clean tables read from snapshots
    outcomes = registry()["indicator_outcomes"]
    assert outcomes.raw is not None
    assert set(outcomes.inputs) == {"wdi_indicators", "egov_index", "doing_business_rank"}


def test_a_snapshot_dataset_is_handed_files_not_a_folder():
    """``process`` takes the verified files only: no folder it could list and read unverified files from."""
    for d in SNAPSHOT_DATASETS:
        assert list(inspect.signature(d.process).parameters) == ["files"], d.name


def _module(name: str, metadata: dict) -> types.ModuleType:
    """A dataset module, as the registry would import it, whose Config.metadata is ``metadata``."""
    module = types.ModuleType(f"kzict.tables.{name}")
    config = type("Config", (Strict,), {"name": name, "unique": ["year"], "metadata": metadata})
    model = type(
        "Toy",
        (pa.DataFrameModel,),
        {"__module__": module.__name__, "__annotations__": {"year": Series[int]}, "Config": config},
    )
    module.Toy = model  # type: ignore[attr-defined]
    module.INPUTS = ("sources",)  # type: ignore[attr-defined]
    module.process = lambda tables: None  # type: ignore[attr-defined]
    return module


@pytest.mark.parametrize("key", ["license", "licence_", "Order", "notes"])
def test_an_unknown_metadata_key_is_refused_naming_the_module_and_key(key):
    with pytest.raises(TypeError, match=rf"kzict\.tables\.toy: Config\.metadata has the unknown key\(s\) '{key}'"):
        _dataset(_module("toy", {"order": 1, key: "x"}))


def test_the_known_metadata_keys_are_accepted_and_every_dataset_uses_only_them():
    ds = _dataset(_module("toy", {k: "x" for k in METADATA_KEYS} | {"order": 1}))
    assert ds.meta["licence"] == "x"
    assert all(set(d.meta) <= METADATA_KEYS for d in registry().values())


def test_inputs_naming_no_dataset_or_leading_back_are_refused():
    from kzict.tables import checked

    reg = registry()
    typo = {**reg, "trade_crosscheck": replace(reg["trade_crosscheck"], inputs=("wdi_vintage", "it_trade"))}
    with pytest.raises(TypeError, match=r"kzict\.tables\.trade_crosscheck: INPUTS names no dataset 'wdi_vintage'"):
        checked(typo)
    loop = {**reg, "it_trade": replace(reg["it_trade"], inputs=("trade_crosscheck",))}
    with pytest.raises(TypeError, match=r"lead back to it \(.*trade_crosscheck -> it_trade.*\)"):
        checked(loop)
    assert checked(dict(reg)) == reg
