"""Tamper evidence that protects itself: the manifest, the descriptor's digests and the raw inputs agree."""

from __future__ import annotations

import hashlib
import json
import re

import pytest

import kzict
from kzict import _store
from kzict.errors import IntegrityError

REBUILD = "kzict build --out DIR"


def _reset():
    _store.package.cache_clear()
    _store.manifest.cache_clear()


def _manifest(clean):
    return (clean / _store.MANIFEST).read_text()


def test_verify_returns_a_summary(clean_copy):
    v = kzict.verify()
    assert v and v.ok and v.files == len(list(clean_copy.iterdir())) and v.datasets == len(kzict.datasets())
    assert v.raw_inputs >= 5  # the workbooks, corrections.yaml, the snapshot manifest


def test_a_csv_edited_together_with_its_manifest_line_is_caught(clean_copy):
    path = clean_copy / "ict_value_added.csv"
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_text(path.read_text().replace("6.3", "7.3"))
    new = hashlib.sha256(path.read_bytes()).hexdigest()
    (clean_copy / _store.MANIFEST).write_text(_manifest(clean_copy).replace(old, new))
    _reset()
    with pytest.raises(IntegrityError, match=REBUILD):
        kzict.verify()
    with pytest.raises(IntegrityError, match="ict_value_added.csv"):
        kzict.load("ict_value_added")


@pytest.mark.parametrize(
    "edit, needle",
    [
        (lambda text: text + text.splitlines(keepends=True)[0], "twice"),
        (lambda text: "", "line 1"),
        (lambda text: "".join(text.splitlines(keepends=True)[1:]), "does not list exactly"),
        (lambda text: text.replace("  ", " ", 1), "line 1"),
    ],
    ids=["duplicated line", "empty", "missing line", "malformed line"],
)
def test_a_damaged_manifest_is_caught(clean_copy, edit, needle):
    (clean_copy / _store.MANIFEST).write_text(edit(_manifest(clean_copy)))
    _reset()
    with pytest.raises(IntegrityError, match=needle):
        kzict.verify()


@pytest.mark.parametrize("fname", ["it_trade.csv", _store.MANIFEST, _store.DESCRIPTOR])
def test_a_deleted_file_is_an_error_naming_it(clean_copy, fname):
    (clean_copy / fname).unlink()
    _reset()
    with pytest.raises(IntegrityError, match=re.escape(fname)):
        kzict.verify()


def _rewrite_descriptor(clean, edit):
    """Edit datapackage.json and its manifest line consistently, as a careful tamperer would."""
    path = clean / _store.DESCRIPTOR
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    doc = json.loads(path.read_text())
    edit(doc)
    path.write_text(json.dumps(doc, indent=2) + "\n")
    new = hashlib.sha256(path.read_bytes()).hexdigest()
    (clean / _store.MANIFEST).write_text(_manifest(clean).replace(old, new))
    _reset()


def test_a_resource_path_cannot_leave_the_clean_folder(clean_copy):
    def edit(doc):
        doc["resources"][0]["path"] = "../raw/secret.csv"

    _rewrite_descriptor(clean_copy, edit)
    with pytest.raises(IntegrityError, match="outside the folder"):
        kzict.verify()
    with pytest.raises(IntegrityError, match="outside the folder"):
        _store.load_folder(clean_copy, _first(clean_copy))


def _first(clean):
    return json.loads((clean / _store.DESCRIPTOR).read_text())["resources"][0]["name"]


def test_a_csv_its_manifest_line_and_its_descriptor_hash_edited_together_is_caught(clean_copy):
    """All three record one digest; the descriptor also recorded the digest of the whole manifest."""
    path = clean_copy / "it_trade.csv"
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_text(path.read_text().replace("2990.2", "2999.9"))
    new = hashlib.sha256(path.read_bytes()).hexdigest()
    (clean_copy / _store.MANIFEST).write_text(_manifest(clean_copy).replace(old, new))

    def edit(doc):
        for res in doc["resources"]:
            if res["path"] == "it_trade.csv":
                res["hash"] = f"sha256:{new}"

    _rewrite_descriptor(clean_copy, edit)
    with pytest.raises(IntegrityError, match="digest datapackage.json recorded at build time"):
        kzict.verify()


def test_a_raw_input_changed_after_the_build_is_caught(clean_copy, raw_copy, monkeypatch):
    monkeypatch.setattr(_store, "raw_dir", lambda: raw_copy)
    assert kzict.verify().raw_inputs >= 5
    (raw_copy / "corrections.yaml").write_text((raw_copy / "corrections.yaml").read_text() + "\n# edited\n")
    with pytest.raises(IntegrityError, match="corrections.yaml changed since"):
        kzict.verify()


@pytest.mark.parametrize(
    "text, needle",
    [
        ("claims: [", "cannot be read as YAML"),
        ("- just a list\n", "a list under 'claims'"),
        ("claims:\n  - 3\n", "malformed claims"),
        (b"\xff\xfe", "is not UTF-8 text"),
    ],
)
def test_claims_yaml_errors_name_the_file(tmp_path, text, needle):
    from kzict.claims import load_registry
    from kzict.errors import RawDataError

    path = tmp_path / "claims.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    with pytest.raises(RawDataError, match=needle) as err:
        load_registry(path)
    assert "claims.yaml" in str(err.value)
