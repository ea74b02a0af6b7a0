"""``kzict ingest wdi`` under attack: every refusal is one line naming the user's file, and leaves data/raw and
data/clean byte for byte as they were, with nothing staged left beside them; a corrected file then goes in."""

from __future__ import annotations

import os
import re
import threading
import zipfile
from pathlib import Path

import pytest
from test_ingest import CEL_2023, SNAP, _refused, _state, _without

from kzict.cli import main as cli
from kzict.errors import BuildTargetError, RawDataError
from kzict.ingest import ingest_wdi
from kzict.pipeline import lock
from kzict.readers import download, snapshots

USER = SNAP / "wdi-IT.NET.USER.ZS-2023-05-10.csv"  # in the raw folder: the release a newer one is compared with
USER_NEW = "API_IT.NET.USER.ZS_DS2_en_csv_v2_2.csv"


@pytest.fixture
def raw(tmp_path) -> Path:
    return _without(tmp_path, (CEL_2023,))


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().split(b"\n")


def _newer(raw: Path, edit=None, release: bytes = b"2024-01-01") -> Path:
    """A newer release of the internet-users file, its lines passed through ``edit``."""
    lines = _lines(USER)
    lines[2] = lines[2].replace(b"2023-05-10", release)
    if edit:
        lines = edit(lines)
    f = raw.parent / USER_NEW
    f.write_bytes(b"\n".join(lines))
    return f


def _row(lines: list[bytes], iso3: bytes) -> int:
    return next(i for i, ln in enumerate(lines) if b'"' + iso3 + b'"' in ln[:80])


def _set(lines, iso3: bytes, fn) -> list[bytes]:
    """Apply ``fn`` to each numeric cell of an economy's row."""
    i = _row(lines, iso3)
    lines[i] = re.sub(rb'"(\d[\d.e-]*)"', lambda m: b'"%s"' % fn(m[1]), lines[i])
    return lines


def _cel(raw: Path, edit) -> Path:
    f = raw.parent / CEL_2023[1]
    lines = edit(_lines(f))
    out = raw.parent / "API_IT.CEL.SETS.P2_DS2_en_csv_v2_9.csv"
    out.write_bytes(b"\n".join(lines))
    return out


# -- the build's checks run before anything changes -------------------------------------------------


def _year(lines: list[bytes]) -> list[bytes]:
    lines[4] = lines[4].replace(b'"2021"', b'"2099"')
    return lines


@pytest.mark.parametrize(
    "edit, match",
    [
        (lambda ls: ls[:6] + [ls[_row(ls, b"KAZ")]] + ls[6:], "repeat|unique|duplicate"),  # a duplicated country row
        (lambda ls: _set(ls, b"KAZ", lambda v: b"1e400"), "finite"),
        (lambda ls: _year(ls), "year"),
    ],
    ids=["duplicate-row", "1e400", "year-2099"],
)
def test_what_the_build_refuses_changes_nothing(raw, edit, match):
    _refused(raw, [_cel(raw, edit)], match, allow_drops=True)


def test_a_negative_share_in_the_newest_release_is_refused_by_the_build(raw):
    f = _newer(raw, lambda ls: _set(ls, b"KAZ", lambda v: b"-5" if float(v) > 50 else v))
    _refused(raw, [f], r"KAZ IT\.NET\.USER\.ZS .* -> -5.*allow_revisions")  # a sign flip is a revision ...
    _refused(raw, [f], r"from 0 to 100 for the unit '% of population'.*-5", allow_revisions=True)  # ... and no share


def test_a_share_times_100_is_refused_and_a_plausible_tenfold_revision_needs_allowing(raw):
    f = _newer(raw, lambda ls: _set(ls, b"RUS", lambda v: b"%r" % (float(v) * 100)))
    _refused(raw, [f], r"revised by a factor of 10 or more \(RUS IT\.NET\.USER\.ZS")
    _refused(raw, [f], r"from 0 to 100 for the unit '% of population'.*8\d\d\d", allow_revisions=True)
    # A tenfold move that stays a share: refused, then accepted with allow_revisions and recorded.
    f = _newer(raw, lambda ls: _set(ls, b"KAZ", lambda v: b"%r" % (float(v) / 10)))
    _refused(raw, [f], r"values of wdi-IT\.NET\.USER\.ZS-2023-05-10\.csv revised .*KAZ IT\.NET\.USER\.ZS")
    assert ingest_wdi([f], raw, allow_revisions=True) == ["wdi-IT.NET.USER.ZS-2024-01-01.csv"]
    note = snapshots.read_manifest(raw / "snapshots")["wdi-IT.NET.USER.ZS-2024-01-01.csv"]["note"]
    assert "Accepted revisions:" in note and "KAZ IT.NET.USER.ZS" in note
    snapshots.verify_all(raw / "snapshots")
    from kzict import _store

    v = _store.load_folder(raw.parent / "clean", "wdi_vintages")
    kaz = v[(v["iso3"] == "KAZ") & (v["snapshot"] == "wdi-IT.NET.USER.ZS-2024-01-01.csv") & (v["year"] == 2020)]
    assert "in wdi-IT.NET.USER.ZS-2023-05-10.csv to " in kaz["revision"].item() and "(x0.1)" in kaz["revision"].item()
    flagged = v[v["revision"].notna()]  # the tenfold move, and the newer KAZ file's move back
    assert set(flagged["iso3"]) == {"KAZ"} and set(flagged["indicator_code"]) == {"IT.NET.USER.ZS"}


def test_an_indicator_renamed_between_releases_is_refused_unless_allowed(raw):
    f = _cel(raw, lambda ls: [ln.replace(b"Mobile cellular subscriptions", b"Mobile phones") for ln in ls])
    _refused(raw, [f], r"1 indicators renamed since .*-> 'Mobile phones \(per 100 people\)'", allow_drops=True)


@pytest.mark.parametrize("release", [b"2026-13-45", b"9999-99-99", b"2999-01-01"])
def test_a_release_date_must_be_a_real_date_not_after_today(raw, release):
    _refused(raw, [_newer(raw, release=release)], "Last Updated Date is not a real date|release date is after today")


@pytest.mark.parametrize(
    "name, match",
    [(b"Kaz\x00akhstan", "control character"), (b"=HYPERLINK(1)", "formula"), (b"@SUM(A1)", "formula")],
)
def test_text_from_public_files_obeys_the_raw_cell_rules(raw, name, match):
    f = _newer(raw, lambda ls: [ln.replace(b'"Kazakhstan"', b'"' + name + b'"') for ln in ls])
    _refused(raw, [f], rf"{USER_NEW}: line \d+, country: .*{match}")


# -- bounded, and one line ---------------------------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes], level=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", level) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def test_a_zip_bomb_is_refused_from_its_directory(raw):
    bomb = _zip(raw.parent / "API_IT.NET.USER.ZS_DS2_en_csv_v2_3.zip", {USER_NEW: b"0" * 50_000_000})
    assert bomb.stat().st_size < 1_000_000
    _refused(raw, [bomb], r"compressed \d[\d,]* to 1")


def test_too_many_members_and_an_oversized_file_are_refused_unread(raw):
    many = _zip(raw.parent / "many.zip", {f"m{i}.csv": b"x" for i in range(download.MAX_MEMBERS + 1)})
    _refused(raw, [many], r"many\.zip: holds 51 members")
    big = raw.parent / "API_IT.NET.USER.ZS_DS2_en_csv_v2_4.csv"
    with open(big, "wb") as fh:  # sparse: the cap is read off its size, never its bytes
        fh.truncate(download.MAX_READ_BYTES + 1)
    _refused(raw, [big], r"over the 50,000,000-byte cap")
    huge = raw.parent / "API_IT.NET.USER.ZS_DS2_en_csv_v2_5.zip"
    with open(huge, "wb") as fh:
        fh.truncate(download.MAX_DOWNLOAD_BYTES + 1)
    _refused(raw, [huge], r"over the 400,000,000-byte cap of a download")


def test_a_member_that_lies_about_its_size_is_cut_off(raw, monkeypatch):
    monkeypatch.setattr(download, "MAX_READ_BYTES", 1000)
    z = _zip(raw.parent / "API_IT.NET.USER.ZS_DS2_en_csv_v2_6.zip", {USER_NEW: USER.read_bytes()})
    _refused(raw, [z], r"unpacks past the 1,000-byte cap")


def _corrupt_crc(raw: Path) -> Path:
    z = _zip(raw.parent / "API_IT.NET.USER.ZS_DS2_en_csv_v2_7.zip", {USER_NEW: _newer(raw).read_bytes()}, 0)
    data = bytearray(z.read_bytes())
    at = data.index(b"Kazakhstan")
    data[at] = ord("k")  # stored, not compressed: one byte changed, the CRC no longer matches
    z.write_bytes(bytes(data))
    return z


def _write(raw: Path, name: str, data: bytes) -> Path:
    (raw.parent / name).write_bytes(data)
    return raw.parent / name


@pytest.mark.parametrize(
    "make, match",
    [
        (_corrupt_crc, r"API_IT\.NET\.USER\.ZS_DS2_en_csv_v2_7\.zip: corrupt or unreadable zip \(BadZipFile: Bad CRC"),
        (
            lambda raw: _newer(raw, lambda ls: [*ls[:8], ls[8].rstrip(b"\r") + b',"1","2","3"\r', *ls[9:]]),
            rf"{USER_NEW}: line 9 has 71 fields, the header on line 5 has 68",
        ),
        (
            lambda raw: _write(raw, "Metadata_Country_API_KAZ_DS2_en_csv_v2_1.csv", "Côte,x\n".encode("latin-1")),
            r"Metadata_Country_API_KAZ_DS2_en_csv_v2_1\.csv: not UTF-8 text",
        ),
        (
            lambda raw: _write(
                raw,
                "Metadata_Country_API_KAZ_DS2_en_csv_v2_2.csv",
                b'"Country Code","Region","IncomeGroup","TableName",\n"KAZ","a","b","c","d","e","f"\n',
            ),
            r"Metadata_Country_API_KAZ_DS2_en_csv_v2_2\.csv: line 2 has 7 fields, the header 5",
        ),
        (
            lambda raw: _newer(raw, lambda ls: [*ls[:8], b"," * (download.MAX_LINE_BYTES + 1) + ls[8], *ls[9:]]),
            rf"{USER_NEW}: line 9 is over the 65,536-byte cap of a line",
        ),
    ],
    ids=["bad-crc", "ragged-row", "latin1-metadata", "ragged-metadata", "long-line"],
)
def test_every_failure_is_one_line_naming_the_users_file(raw, make, match, capsys):
    f = make(raw)
    _refused(raw, [f], match)
    before = _state(raw.parent)
    assert cli(["ingest", "wdi", str(f), "--raw", str(raw), "--out", str(raw.parent / "clean")]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("kzict: ") and f.name in err, err
    assert "/tmp" not in err.replace(str(raw.parent), "") and "Traceback" not in err
    assert _state(raw.parent) == before


# -- all or nothing, one lock -----------------------------------------------------------------------------------


def test_a_corrected_file_goes_in_after_a_failed_ingest(raw):
    bad = _newer(raw, lambda ls: _set(ls, b"KAZ", lambda v: b"1e400"))
    _refused(raw, [bad], "finite|revised")
    good = _newer(raw)  # the same release, corrected
    assert ingest_wdi([good], raw) == ["wdi-IT.NET.USER.ZS-2024-01-01.csv"]
    snapshots.verify_all(raw / "snapshots")
    import kzict._store as store

    assert store.verify_folder(raw.parent / "clean", raw).raw_inputs >= 1  # clean built from the new raw


def test_an_ingest_waits_for_a_running_build_then_gives_up(raw, monkeypatch):
    monkeypatch.setattr(lock, "TIMEOUT", 0.2)
    f = _newer(raw)
    before = _state(raw.parent)
    held, release = threading.Event(), threading.Event()

    def build_reading():
        with lock.locked(raw, exclusive=False):
            held.set()
            release.wait(10)

    t = threading.Thread(target=build_reading)
    t.start()
    held.wait(10)
    try:
        with pytest.raises(BuildTargetError, match="another build or ingest"):
            ingest_wdi([f], raw)
    finally:
        release.set()
        t.join()
    assert _state(raw.parent) == before


def test_two_ingests_at_once_keep_both_rows(raw):
    other = raw.parent / CEL_2023[1]
    errors: list[BaseException] = []

    def run(f, **kw):
        try:
            ingest_wdi([f], raw, **kw)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=run, args=(_newer(raw),)),
        threading.Thread(target=run, args=(other,), kwargs={"allow_drops": True}),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors, errors
    rows = snapshots.read_manifest(raw / "snapshots")
    assert {"wdi-IT.NET.USER.ZS-2024-01-01.csv", CEL_2023[0]} <= set(rows)
    snapshots.verify_all(raw / "snapshots")


def test_a_raw_folder_edited_while_the_build_reads_it_is_refused(raw, tmp_path, monkeypatch):
    """The descriptor records the digests the build read: an edit landing mid-build stops the publish."""
    from kzict.pipeline import run

    out = tmp_path / "clean"
    before = _state(out)
    real = run.process

    def process(raw_dir, only=None):
        result = real(raw_dir, only)
        manifest = raw_dir / "snapshots" / snapshots.MANIFEST
        manifest.write_bytes(manifest.read_bytes() + b"\n")
        return result

    monkeypatch.setattr(run, "process", process)
    with pytest.raises(RawDataError, match="changed while the build read it"):
        run.build(raw, out)
    assert _state(out) == before


def test_what_a_killed_ingest_left_is_removed_by_the_next(raw):
    dead = raw.parent / ".ingest-dead0000-raw"
    (dead / "snapshots").mkdir(parents=True)
    (dead / "snapshots" / "half.csv").write_text("x")
    os.chmod(dead / "snapshots", 0o500)  # even a folder left read-only
    assert ingest_wdi([_newer(raw)], raw) == ["wdi-IT.NET.USER.ZS-2024-01-01.csv"]
    assert not [p for p in raw.parent.iterdir() if p.name.startswith(".ingest-")]
    modes = {p: p.stat().st_mode for p in (raw / "snapshots").iterdir()}
    assert all(m & 0o777 != 0o700 for m in modes.values())  # the live files' modes untouched by the clean-up


def test_the_same_file_given_twice_goes_in_once(raw):
    f = _newer(raw)
    assert ingest_wdi([f, f], raw, build=False) == ["wdi-IT.NET.USER.ZS-2024-01-01.csv"]
    snapshots.verify_all(raw / "snapshots")
