"""Integrity that means what it says: snapshots re-hashed, the descriptor checked against the models, and a
running session that sees a rebuild's data instead of failing every later load."""

from __future__ import annotations

import hashlib
import json

import pytest
from conftest import RAW

import kzict
from kzict import _store
from kzict.cli import main as cli
from kzict.errors import IntegrityError

SNAP = "wdi-IT.NET.USER.ZS-2023-05-10.csv"


def test_an_edited_snapshot_fails_verify_and_load_raw(raw_copy, monkeypatch):
    monkeypatch.setattr(_store, "raw_dir", lambda: raw_copy)
    assert kzict.verify().snapshots >= 20
    path = raw_copy / "snapshots" / SNAP
    data = path.read_bytes()
    path.write_bytes(data.replace(b'"Kazakhstan"', b'"Kazakhstam"', 1))  # same size, another value
    with pytest.raises(IntegrityError, match=f"snapshot {SNAP} differs from its sha256"):
        kzict.verify()
    with pytest.raises(IntegrityError, match=f"snapshot {SNAP}"):
        kzict.load_raw("wdi_vintages")


def _edit_descriptor(clean, edit) -> None:
    """Edit datapackage.json and its own checksum line, as a tamperer who read the manifest would."""
    path = clean / _store.DESCRIPTOR
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    pkg = json.loads(path.read_text(encoding="utf-8"))
    edit(pkg)
    path.write_text(json.dumps(pkg, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    new = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest = clean / _store.MANIFEST
    manifest.write_text(manifest.read_text().replace(old, new))


def _field(pkg, resource, field):
    res = next(r for r in pkg["resources"] if r["name"] == resource)
    return next(f for f in res["schema"]["fields"] if f["name"] == field)


@pytest.mark.parametrize(
    "edit, needle",
    [
        (lambda p: _field(p, "electronics_business_models", "tier").update({"kzict:categories": ["x", "y"]}), "tier"),
        (lambda p: _field(p, "it_trade", "value_usd_mn").update({"kzict:unit": "KZT bn"}), "value_usd_mn"),
        (lambda p: _field(p, "it_trade", "year").update({"kzict:dtype": "float64"}), "year"),
        (lambda p: p["resources"][0].update({"title": "Something else"}), "title"),
    ],
    ids=["categories", "unit", "dtype", "title"],
)
@pytest.mark.filterwarnings("ignore:Constructing a Categorical")  # what the edited categories do to a load
def test_a_descriptor_edited_with_its_checksum_line_is_caught_by_validate(clean_copy, capsys, edit, needle):
    from kzict.pipeline import conformance

    assert conformance.check() == len(kzict.datasets()) + 1
    _edit_descriptor(clean_copy, edit)
    kzict.verify()  # the checksums agree with each other: only the models can tell
    with pytest.raises(IntegrityError, match=f"{needle}.*the models make"):
        conformance.check()
    assert cli(["validate"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kzict: datapackage.json:") and needle in err


def test_a_running_session_sees_a_rebuild(clean_copy):
    """A notebook loaded data, then `make data` rebuilt the folder: later loads see the new data, no error."""
    from kzict.pipeline.publish import publish

    before = kzict.load("ict_value_added")
    tables = {n: kzict.load(n) for n in kzict.datasets()}
    tables["ict_value_added"].loc[0, "ict_share_pct"] = 19.5
    publish(tables, kzict.corrections(), clean_copy, RAW)  # the build's own writer and atomic swap
    after = kzict.load("ict_value_added")
    assert after.loc[0, "ict_share_pct"] == 19.5 != before.loc[0, "ict_share_pct"]
    kzict.verify()
