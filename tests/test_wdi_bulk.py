"""The full WDI download (WDI_CSV.zip): tracked rows cut byte for byte, streamed; every refusal one clear error."""

import hashlib
import zipfile
from datetime import date
from pathlib import Path

import pytest

from kzict import ingest_bulk as ib
from kzict.errors import RawDataError
from kzict.readers import download, snapshots, wdi_bulk

YEARS = [str(y) for y in range(1960, 2025)]
TRACKED = ("IT.NET.USER.ZS", "IT.CEL.SETS.P2")
SERIES_HEADER = (
    "Series Code,Topic,Indicator Name,Short definition,Long definition,Unit of measure,Periodicity,Base Period,"
    "Other notes,Aggregation method,Limitations and exceptions,Notes from original source,General comments,Source,"
    "Statistical concept and methodology,Development relevance,Related source links,Other web links,"
    "Related indicators,License Type"
).split(",")


def _line(fields, eol="\r\n", trailing=True) -> bytes:
    return (",".join('"' + f.replace('"', '""') + '"' for f in fields) + ("," if trailing else "") + eol).encode()


def _cells(**values) -> list[str]:
    return [values.get(f"y{y}", "") for y in YEARS]


HEADER = b"\xef\xbb\xbf" + _line(["Country Name", "Country Code", "Indicator Name", "Indicator Code", *YEARS])
ROWS = [
    _line(
        [
            "Kazakhstan",
            "KAZ",
            "Individuals using the Internet (% of population)",
            "IT.NET.USER.ZS",
            *_cells(y2020="85.9434", y2021="90.9", y2023="92.3"),
        ]
    ),
    _line(["Kazakhstan", "KAZ", "Population, total", "SP.POP.TOTL", *_cells(y2020="18755666")]),
    _line(
        [
            "Kazakhstan",
            "KAZ",
            "Mobile cellular subscriptions (per 100 people)",
            "IT.CEL.SETS.P2",
            *_cells(y2015="145.5", y2016="1.4e2"),
        ]
    ),
    _line(
        [
            "Korea, Rep.",
            "KOR",
            "Individuals using the Internet (% of population)",
            "IT.NET.USER.ZS",
            *_cells(y2020="96.5"),
        ]
    ),
    _line(["Korea, Rep.", "KOR", "Population, total", "SP.POP.TOTL", *_cells(y2020="51836239")]),
    _line(["World", "WLD", "Individuals using the Internet (% of population)", "IT.NET.USER.ZS", *_cells()]),
]
KEPT = [ROWS[0], ROWS[2], ROWS[3], ROWS[5]]
SERIES = [
    _line(
        [
            "IT.CEL.SETS.P2",
            "Infrastructure: Communications",
            "Mobile cellular subscriptions (per 100 people)",
            "",
            'Mobile cellular telephone subscriptions are "postpaid" or prepaid.\n\nSecond paragraph.',
            "",
            "Annual",
            *[""] * 6,
            "International Telecommunication Union (ITU) World Telecommunication/ICT Indicators Database",
            *[""] * 5,
            "CC BY-4.0",
        ]
    ),
    _line(
        [
            "IT.NET.USER.ZS",
            "Infrastructure: Communications",
            "Individuals using the Internet (% of population)",
            "",
            "Internet users are individuals who have used the Internet.",
            "",
            "Annual",
            *[""] * 6,
            "International Telecommunication Union (ITU)",
            *[""] * 5,
            "CC BY-4.0",
        ]
    ),
    _line(
        [
            "SP.POP.TOTL",
            "Health: Population",
            "Population, total",
            "",
            "Total population.",
            "",
            "Annual",
            *[""] * 6,
            "United Nations Population Division",
            *[""] * 5,
            "CC BY-4.0",
        ]
    ),
]
SERIES_BYTES = b"\xef\xbb\xbf" + _line(SERIES_HEADER) + b"".join(SERIES)


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _download(tmp_path: Path, data: bytes = HEADER + b"".join(ROWS), **extra: bytes) -> Path:
    members = {"WDICSV.csv": data, "WDISeries.csv": SERIES_BYTES, "WDICountry.csv": b'"Country Code",\r\n'}
    return _zip(tmp_path / "WDI_CSV.zip", members | extra)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def test_the_subset_is_the_header_and_the_tracked_lines_byte_for_byte(tmp_path):
    z = _download(tmp_path)
    cut = wdi_bulk.cut(z, TRACKED, tmp_path / "data.csv", tmp_path / "series.csv")
    assert (tmp_path / "data.csv").read_bytes() == HEADER + b"".join(KEPT)
    assert (tmp_path / "series.csv").read_bytes() == b"\xef\xbb\xbf" + _line(SERIES_HEADER) + SERIES[0] + SERIES[1]
    member = HEADER + b"".join(ROWS)
    assert cut.download == wdi_bulk.Digest("WDI_CSV.zip", z.stat().st_size, _sha(z.read_bytes()))
    assert cut.member == wdi_bulk.Digest("WDICSV.csv", len(member), _sha(member))
    assert cut.subset.sha256 == _sha(HEADER + b"".join(KEPT))
    assert cut.series_member == wdi_bulk.Digest("WDISeries.csv", len(SERIES_BYTES), _sha(SERIES_BYTES))
    assert (cut.rows_read, cut.rows_kept, cut.economies, cut.years) == (6, 4, 3, (1960, 2024))
    note = cut.note()
    assert f"member of WDI_CSV.zip, {z.stat().st_size:,} bytes, sha256 {_sha(z.read_bytes())}" in note
    assert f"{len(member):,} bytes, sha256 {_sha(member)}" in note
    assert "the 4 lines whose Indicator Code is one of 2 tracked indicators" in note
    assert "the other 2 lines dropped" in note


def test_missing_codes_are_named_and_the_unpacked_csv_works_alike(tmp_path):
    data = HEADER + b"".join(ROWS)
    (tmp_path / "WDICSV.csv").write_bytes(data)
    cut = wdi_bulk.cut(tmp_path / "WDICSV.csv", (*TRACKED, "IP.PAT.RESD"), tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_bytes() == HEADER + b"".join(KEPT)
    assert cut.download == cut.member == wdi_bulk.Digest("WDICSV.csv", len(data), _sha(data))
    assert cut.missing == ("IP.PAT.RESD",) and "No rows for IP.PAT.RESD." in cut.note()
    assert cut.series_member is None


def test_the_older_and_newer_layouts_are_kept_as_they_are(tmp_path):
    """WDIData.csv in a WDI_csv/ folder; LF line ends, no byte-order mark, no trailing comma."""
    head = _line(["Country Name", "Country Code", "Indicator Name", "Indicator Code", *YEARS], "\n", False)
    rows = [
        _line(["Kazakhstan", "KAZ", "Internet", "IT.NET.USER.ZS", *_cells(y2020="85.9")], "\n", False),
        _line(["Kazakhstan", "KAZ", "Other", "SP.POP.TOTL", *_cells()], "\n", False),
    ]
    z = _zip(tmp_path / "WDI_csv.zip", {"WDI_csv/WDIData.csv": head + b"".join(rows)})
    cut = wdi_bulk.cut(z, TRACKED, tmp_path / "out.csv")
    assert (tmp_path / "out.csv").read_bytes() == head + rows[0]
    assert cut.member.name == "WDI_csv/WDIData.csv" and cut.missing == ("IT.CEL.SETS.P2",)


def test_read_subset_gives_tidy_values_located_on_the_subset_lines(tmp_path):
    wdi_bulk.cut(_download(tmp_path), TRACKED, tmp_path / "data.csv")
    df = wdi_bulk.read_subset(tmp_path / "data.csv", economies={"KAZ", "KOR"})
    kaz = df[(df["iso3"] == "KAZ") & (df["indicator_code"] == "IT.NET.USER.ZS")]
    assert kaz[["year", "value", "line"]].values.tolist() == [[2020, 85.9434, 2], [2021, 90.9, 2], [2023, 92.3, 2]]
    cel = df[df["indicator_code"] == "IT.CEL.SETS.P2"]
    assert cel[["year", "value", "line"]].values.tolist() == [[2015, 145.5, 3], [2016, 140.0, 3]]
    assert df[df["iso3"] == "KOR"]["country"].tolist() == ["Korea, Rep."]
    assert len(df) == 6  # WLD left out; its line has no value anyway


def test_looks_bulk_tells_the_full_download_from_the_per_indicator_files(tmp_path):
    z = _download(tmp_path)
    (tmp_path / "WDICSV.csv").write_bytes(HEADER + ROWS[0])
    snap = Path(__file__).resolve().parents[1] / "data" / "raw" / "snapshots" / "wdi-IT.NET.USER.ZS-2023-05-10.csv"
    assert wdi_bulk.looks_bulk(z) and wdi_bulk.looks_bulk(tmp_path / "WDICSV.csv")
    assert not wdi_bulk.looks_bulk(snap) and not wdi_bulk.looks_bulk(tmp_path / "absent.zip")


def _refused(tmp_path, path, match, codes=TRACKED):
    with pytest.raises(RawDataError, match=match) as exc:
        wdi_bulk.cut(path, codes, tmp_path / "out.csv", tmp_path / "series.csv")
    assert "\n" not in str(exc.value) and str(exc.value).startswith(str(path))
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "series.csv").exists()
    return str(exc.value)


def test_a_zip_without_a_data_member_is_refused(tmp_path):
    z = _zip(tmp_path / "WDI_CSV.zip", {"WDISeries.csv": SERIES_BYTES, "WDICountry.csv": b"x"})
    _refused(
        tmp_path, z, r"expected exactly one data member \(wdicsv.csv, wdidata.csv, wdi_data.csv, any case\), found none"
    )


def test_a_zip_with_two_data_members_is_refused_naming_both(tmp_path):
    z = _download(tmp_path, **{"old/WDIData.csv": HEADER})
    _refused(tmp_path, z, r"found WDICSV.csv, old/WDIData.csv")


def test_a_member_over_the_size_cap_is_refused_before_it_is_read(tmp_path, monkeypatch):
    z = _download(tmp_path)
    monkeypatch.setattr(download, "MAX_MEMBER_BYTES", 1000)
    _refused(tmp_path, z, r"WDICSV.csv: unpacks to [\d,]+ bytes, over the 1,000-byte cap")


def test_a_bomb_is_refused_from_the_zip_directory(tmp_path):
    z = _download(tmp_path, **{"WDIfootnote.csv": b"\0" * 5_000_000})
    _refused(tmp_path, z, r"WDIfootnote.csv: is compressed [\d,]+ to 1 \(a zip bomb\?\)")


def test_too_many_members_and_a_download_over_the_cap_are_refused(tmp_path, monkeypatch):
    z = _download(tmp_path, **{f"extra{i}.csv": b"x" for i in range(download.MAX_MEMBERS)})
    _refused(tmp_path, z, rf"holds {download.MAX_MEMBERS + 3} members, over the cap of {download.MAX_MEMBERS}")
    monkeypatch.setattr(download, "MAX_DOWNLOAD_BYTES", 100)
    _refused(tmp_path, z, r"bytes, over the 100-byte cap of a download")


def test_a_record_over_the_line_cap_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(download, "MAX_RECORD_BYTES", 500)
    _refused(tmp_path, _download(tmp_path), r"WDICSV.csv: line 1: a record over 500 bytes")


@pytest.mark.parametrize(
    ("row", "match"),
    [
        (ROWS[0][:-3] + b"\r\n", r"line 3: 69 fields, the header has 70"),
        (
            ROWS[0].replace(b'"85.9434"', b'"85,9"'),
            r"WDICSV.csv \(column '2020'\): line 3: expected a finite number or nothing",
        ),
        (ROWS[0].replace(b'"85.9434"', b'"1e400"'), r"expected a finite number or nothing, found '1e400'"),
        (
            ROWS[0].replace(b'"Kazakhstan"', b'"=HYPERLINK(1)"'),
            r"WDICSV.csv \(column 'Country Name'\): line 3: text starting",
        ),
        (ROWS[0].replace(b'"KAZ"', b'"KZ"'), r"line 3: expected a three-letter economy code, found 'KZ'"),
        (ROWS[0].replace(b"Internet", b"\xff"), r"line 3: not UTF-8"),
        (ROWS[0].replace(b'"85.9434"', '"٨٥"'.encode()), r"expected a finite number or nothing, found '٨٥'"),
        (ROWS[0][:-3] + b',"7",\r\n', r"line 3: 71 fields, the header has 70"),
        (ROWS[0][:-2] + b'"7"\r\n', r"line 3: a value in the unnamed last column, found '7'"),
    ],
)
def test_a_bad_line_is_refused_with_its_line(tmp_path, row, match):
    _refused(tmp_path, _download(tmp_path, HEADER + ROWS[1] + row), match)


def test_a_second_row_for_the_same_economy_and_indicator_is_refused(tmp_path):
    _refused(tmp_path, _download(tmp_path, HEADER + ROWS[0] + ROWS[0]), r"line 3: a second row for KAZ IT.NET.USER.ZS")


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b'"Data Source","World Development Indicators",\r\n', r"a per-indicator or per-economy download"),
        (b"Country Name,Country Code,Series Name,Series Code,1960 [YR1960]\r\n", r"a DataBank export"),
        (HEADER.replace(b'"1960",', b""), r"expected one column per year from 1960"),
        (b"", r"empty file"),
        (HEADER + ROWS[1], r"holds none of the 2 indicators asked for"),
    ],
)
def test_another_layout_is_refused(tmp_path, data, match):
    _refused(tmp_path, _download(tmp_path, data), match)


def test_a_corrupt_member_is_one_line_naming_the_download(tmp_path):
    z = _download(tmp_path)
    blob = bytearray(z.read_bytes())
    at = blob.index(b"WDICSV.csv") + 200  # inside the member's compressed bytes
    blob[at] ^= 0xFF
    z.write_bytes(bytes(blob))
    _refused(tmp_path, z, r"corrupt|not CSV|not UTF-8|fields")


@pytest.fixture
def snap_dir(tmp_path) -> Path:
    d = tmp_path / "snapshots"
    d.mkdir()
    snapshots.write_manifest({}, d)
    return d


@pytest.mark.parametrize(
    ("release", "match"),
    [
        (None, r"states no release date; pass --release YYYY-MM-DD"),
        ("", r"states no release date"),
        ("2026-13-45", r"--release is not a date YYYY-MM-DD, found '2026-13-45'"),
        ("9999-99-99", r"--release is not a date"),
        ("2026-7-1", r"--release is not a date"),
        ("2026-12-07", r"--release 2026-12-07 is after today \(2026-12-06\)"),
    ],
)
def test_the_release_is_required_and_a_real_date_not_after_today(tmp_path, snap_dir, release, match):
    z = _download(tmp_path)
    stage = tmp_path / "stage"
    stage.mkdir()
    with pytest.raises(RawDataError, match=match) as exc:
        ib.ingest_bulk(z, release, stage, snap_dir=snap_dir, today=date(2026, 12, 6), codes=TRACKED)
    assert str(exc.value).startswith(str(z)) and list(stage.iterdir()) == []


def test_ingest_bulk_stages_two_subsets_with_their_manifest_rows(tmp_path, snap_dir):
    z = _download(tmp_path)
    stage = tmp_path / "stage"
    stage.mkdir()
    staged = ib.ingest_bulk(z, "2026-07-01", stage, snap_dir=snap_dir, today=date(2026, 12, 6), codes=TRACKED)
    assert [s.name for s in staged] == ["wdi-bulk-2026-07-01-subset.csv", "wdi-bulk-2026-07-01-metadata-series.csv"]
    data, series = staged
    assert data.path.read_bytes() == HEADER + b"".join(KEPT)
    assert data.row["sha256"] == _sha(data.path.read_bytes()) and data.row["bytes"] == str(data.path.stat().st_size)
    assert (data.row["release"], data.row["extent"], data.row["source_id"]) == ("2026-07-01", "subset", "wb_wdi")
    assert data.row["publisher"] == "World Bank" and data.row["licence"].startswith("CC BY 4.0")
    assert _sha(z.read_bytes()) in data.row["note"] and "Ingested 2026-12-06 from WDI_CSV.zip" in data.row["note"]
    assert set(data.row) == set(snapshots.COLUMNS)
    assert series.row["sha256"] == _sha(series.path.read_bytes()) and "WDISeries.csv" in series.row["note"]
    # The same subset again: nothing new; a different one under the same name: refused, nothing left staged.
    snapshots.write_manifest({s.name: s.row for s in staged}, snap_dir)
    assert ib.ingest_bulk(z, "2026-07-01", stage, snap_dir=snap_dir, today=date(2026, 12, 6), codes=TRACKED) == []
    with pytest.raises(RawDataError, match=r"a different wdi-bulk-2026-07-01-subset.csv is already"):
        ib.ingest_bulk(z, "2026-07-01", stage, snap_dir=snap_dir, today=date(2026, 12, 6), codes=TRACKED[:1])
    assert list(stage.iterdir()) == []


def test_the_tracked_codes_are_the_wdi_tables_indicators():
    from kzict.tables._wdi import INDICATORS

    assert ib.tracked_codes() == list(INDICATORS) and "IT.NET.USER.ZS" in ib.tracked_codes()


def test_read_series_gives_definition_source_unit_and_licence_per_indicator(tmp_path):
    wdi_bulk.cut(_download(tmp_path), TRACKED, tmp_path / "data.csv", tmp_path / "series.csv")
    df = wdi_bulk.read_series(tmp_path / "series.csv")
    assert df["indicator_code"].tolist() == ["IT.CEL.SETS.P2", "IT.NET.USER.ZS"]
    cel = df.iloc[0]
    assert (
        cel["definition"] == 'Mobile cellular telephone subscriptions are "postpaid" or prepaid.\n\nSecond paragraph.'
    )
    assert cel["source"].startswith("International Telecommunication Union (ITU) World Telecommunication")
    assert (cel["unit"], cel["licence"], cel["indicator"]) == (
        "",
        "CC BY-4.0",
        "Mobile cellular subscriptions (per 100 people)",
    )


def test_a_download_without_a_series_member_stages_the_data_subset_alone(tmp_path, snap_dir):
    z = _zip(tmp_path / "WDI_CSV.zip", {"WDICSV.csv": HEADER + b"".join(ROWS)})
    stage = tmp_path / "stage"
    stage.mkdir()
    staged = ib.ingest_bulk(z, "2026-07-01", stage, snap_dir=snap_dir, today=date(2026, 12, 6), codes=TRACKED)
    assert [s.name for s in staged] == ["wdi-bulk-2026-07-01-subset.csv"]
    assert sorted(p.name for p in stage.iterdir()) == ["wdi-bulk-2026-07-01-subset.csv"]
