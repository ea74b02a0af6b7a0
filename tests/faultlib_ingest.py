"""The fault kinds of ``kzict ingest wdi``: each makes a bad download beside a copy of data/raw.

A kind returns the files to ingest and the options (an ``allow_*`` that lets the file past an ingest check,
so that the build's own check is what must refuse it). tests/test_faults.py runs every kind and requires a
one-line refusal naming the file, with data/raw and data/clean byte for byte as they were.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

from test_ingest import SNAP, _state
from test_ingest_attacks import USER_NEW, _cel, _corrupt_crc, _newer, _row, _set, _write, _year, _zip

from kzict.errors import KzictError
from kzict.ingest import ingest_wdi
from kzict.readers import download

DROPS = {"allow_drops": True}  # the 2023 mobile file withdrew Kosovo's values: allowed, to reach later checks


def duplicate_row(raw):
    return [_cel(raw, lambda ls: ls[:6] + [ls[_row(ls, b"KAZ")]] + ls[6:])], DROPS


def non_finite(raw):
    return [_newer(raw, lambda ls: _set(ls, b"KAZ", lambda v: b"1e400"))], {}


def year_2099(raw):
    return [_cel(raw, _year)], DROPS


def negative_share(raw):
    return [_newer(raw, lambda ls: _set(ls, b"KAZ", lambda v: b"-5" if float(v) > 50 else v))], {
        "allow_revisions": True
    }


def share_x100(raw):
    return [_newer(raw, lambda ls: _set(ls, b"RUS", lambda v: b"%r" % (float(v) * 100)))], {"allow_revisions": True}


def tenfold_revision(raw):
    return [_newer(raw, lambda ls: _set(ls, b"KAZ", lambda v: b"%r" % (float(v) / 10)))], {}


def renamed_indicator(raw):
    return [_cel(raw, lambda ls: [ln.replace(b"Mobile cellular subscriptions", b"Mobile phones") for ln in ls])], DROPS


def impossible_release_date(raw):
    return [_newer(raw, release=b"2026-13-45")], {}


def future_release_date(raw):
    return [_newer(raw, release=b"2999-01-01")], {}


def nul_in_name(raw):
    return [_newer(raw, lambda ls: [ln.replace(b'"Kazakhstan"', b'"Kaz\x00akhstan"') for ln in ls])], {}


def formula_in_name(raw):
    return [_newer(raw, lambda ls: [ln.replace(b'"Kazakhstan"', b'"=1+1"') for ln in ls])], {}


def zip_bomb(raw):
    return [_zip(raw.parent / "API_IT.NET.USER.ZS_DS2_en_csv_v2_3.zip", {USER_NEW: b"0" * 50_000_000})], {}


def too_many_members(raw):
    return [_zip(raw.parent / "many.zip", {f"m{i}.csv": b"x" for i in range(download.MAX_MEMBERS + 1)})], {}


def oversized_file(raw):
    big = raw.parent / "API_IT.NET.USER.ZS_DS2_en_csv_v2_4.csv"
    with open(big, "wb") as fh:
        fh.truncate(download.MAX_READ_BYTES + 1)
    return [big], {}


def bad_crc(raw):
    return [_corrupt_crc(raw)], {}


def ragged_row(raw):
    return [_newer(raw, lambda ls: [*ls[:8], ls[8].rstrip(b"\r") + b',"1"\r', *ls[9:]])], {}


def latin1_metadata(raw):
    return [_write(raw, "Metadata_Country_API_KAZ_DS2_en_csv_v2_1.csv", "Côte,x\n".encode("latin-1"))], {}


def ragged_metadata(raw):
    text = b'"Country Code","Region","IncomeGroup","TableName",\n"KAZ","a","b","c","d","e","f"\n'
    return [_write(raw, "Metadata_Country_API_KAZ_DS2_en_csv_v2_2.csv", text)], {}


def long_line(raw):
    return [_newer(raw, lambda ls: [*ls[:8], b"," * (download.MAX_LINE_BYTES + 1) + ls[8], *ls[9:]])], {}


def unknown_layout(raw):
    f = raw.parent / "API_IT.NET.USER.ZS_DS2_en_csv_v2_8.csv"
    shutil.copy(SNAP / "egdi-2016.csv", f)
    return [f], {}


def name_contradicts_rows(raw):
    f = raw.parent / "API_IT.NET.BBND.P2_DS2_en_csv_v2_1.csv"
    shutil.copy(_newer(raw), f)
    return [f], {}


def dropped_values(raw):
    return [_newer(raw, lambda ls: [ln for ln in ls if b'"KAZ"' not in ln[:80]])], {}


def not_a_zip_member(raw):
    z = raw.parent / "API_IT.NET.USER.ZS_DS2_en_csv_v2_9.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.writestr("readme.txt", "hello")
    return [z], {}


INGEST_FAULTS = [
    duplicate_row,
    non_finite,
    year_2099,
    negative_share,
    share_x100,
    tenfold_revision,
    renamed_indicator,
    impossible_release_date,
    future_release_date,
    nul_in_name,
    formula_in_name,
    zip_bomb,
    too_many_members,
    oversized_file,
    bad_crc,
    ragged_row,
    latin1_metadata,
    ragged_metadata,
    long_line,
    unknown_layout,
    name_contradicts_rows,
    dropped_values,
    not_a_zip_member,
]


def ingest_fault(fault, raw: Path) -> str:
    """'caught' when the ingest refuses in one line naming the file and changes nothing; else what went wrong."""
    files, options = fault(raw)
    before, around = _state(raw.parent), sorted(p.name for p in raw.parent.iterdir())
    try:
        ingest_wdi(files, raw, **options)
    except KzictError as exc:
        message = str(exc)
        if "\n" in message or not any(f.name in message for f in files):
            return f"vague: {message[:200]}"
    else:
        return "MISSED: accepted"
    if _state(raw.parent) != before or sorted(p.name for p in raw.parent.iterdir()) != around:
        return "MISSED: changed the folders"
    return "caught"
