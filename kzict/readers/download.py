"""A downloaded public file, read within caps: the file as given, or the members of the zip that holds it.

Every cap is checked on the file's size and the zip's directory before anything is decompressed, and
again while reading (a directory can lie), so a zip bomb or an oversized file is refused in
milliseconds and kilobytes. The caps are the ingest's, all here. They admit the World Bank's full WDI
bulk download (a ~90 MB zip whose main CSV member is ~250 MB, which kzict.readers.wdi_bulk streams
record by record) while a file that is read whole into memory (an ``API_`` download, a metadata companion: at
most about 1 MB today) may not pass ``MAX_READ_BYTES``.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from kzict.errors import RawDataError

MAX_DOWNLOAD_BYTES = 400_000_000  # the file as given (the WDI bulk zip is ~90 MB)
MAX_MEMBERS = 50  # entries of a zip (the WDI bulk zip has 6)
MAX_MEMBER_BYTES = 1_000_000_000  # one member, uncompressed (the WDI bulk CSV is ~250 MB)
MAX_UNPACKED_BYTES = 1_500_000_000  # all members, uncompressed
MAX_RATIO = 100  # uncompressed / compressed size of a member (WDI CSVs compress 3-4 to 1; a bomb, 1000 to 1)
MAX_READ_BYTES = 50_000_000  # a file read whole into memory (WDI API_ downloads are under 1 MB)
MAX_LINE_BYTES = 65_536  # one line of a CSV (a WDI line is under 1.5 KB)
MAX_RECORD_BYTES = 1_000_000  # one CSV record read as a stream: may span lines (a WDISeries.csv record, < 100 KB)

_LONG_LINE = re.compile(rb"[^\n]{%d}" % (MAX_LINE_BYTES + 1))


@dataclass(frozen=True)
class Member:
    origin: str  # how the user's file is named in messages: ``file.zip:member`` for a zip member
    name: str  # the member's own file name
    data: bytes


def members(path: Path) -> Iterator[Member]:
    """The file itself or each member of the zip, read whole, every cap checked first."""
    path = Path(path)
    if not path.is_file():
        raise RawDataError(path.name, "no such file")
    size = path.stat().st_size
    if size > MAX_DOWNLOAD_BYTES:
        raise RawDataError(path.name, f"is {size:,} bytes, over the {MAX_DOWNLOAD_BYTES:,}-byte cap of a download")
    if not zipfile.is_zipfile(path):
        if size > MAX_READ_BYTES:
            raise RawDataError(path.name, f"is {size:,} bytes, over the {MAX_READ_BYTES:,}-byte cap of a file read")
        yield Member(path.name, path.name, check_lines(path.name, path.name, path.read_bytes()))
        return
    try:
        with zipfile.ZipFile(path) as zf:
            infos = [i for i in zf.infolist() if not i.is_dir()]
            check_directory(path.name, infos)
            for info in infos:
                origin = f"{path.name}:{info.filename}"
                with zf.open(info) as fh:
                    data = fh.read(MAX_READ_BYTES + 1)
                if len(data) > MAX_READ_BYTES:
                    raise RawDataError(origin, f"unpacks past the {MAX_READ_BYTES:,}-byte cap of a file read whole")
                name = Path(info.filename).name
                yield Member(origin, name, check_lines(origin, name, data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, NotImplementedError, RuntimeError, OSError) as exc:
        raise RawDataError(path.name, f"corrupt or unreadable zip ({type(exc).__name__}: {_one_line(exc)})") from None


def check_directory(origin: str, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse a zip by its directory alone: too many members, too large, too highly compressed, encrypted."""
    if len(infos) > MAX_MEMBERS:
        raise RawDataError(origin, f"holds {len(infos):,} members, over the cap of {MAX_MEMBERS}")
    total = 0
    for i in infos:
        where = f"{origin}:{i.filename}"
        if i.flag_bits & 0x1:
            raise RawDataError(where, "is encrypted; give the file as published")
        if i.file_size > MAX_MEMBER_BYTES:
            raise RawDataError(where, f"unpacks to {i.file_size:,} bytes, over the {MAX_MEMBER_BYTES:,}-byte cap")
        if i.file_size > MAX_RATIO * max(i.compress_size, 1) and i.file_size > 1_000_000:
            raise RawDataError(where, f"is compressed {i.file_size / max(i.compress_size, 1):,.0f} to 1 (a zip bomb?)")
        total += i.file_size
    if total > MAX_UNPACKED_BYTES:
        raise RawDataError(origin, f"unpacks to {total:,} bytes, over the {MAX_UNPACKED_BYTES:,}-byte cap")


def check_lines(origin: str, name: str, data: bytes) -> bytes:
    """``data``, unless it is a CSV with a line over ``MAX_LINE_BYTES`` (checked before any parser sees it)."""
    if name.lower().endswith(".csv"):
        m = _LONG_LINE.search(data)
        if m:
            line = data.count(b"\n", 0, m.start()) + 1
            raise RawDataError(origin, f"line {line} is over the {MAX_LINE_BYTES:,}-byte cap of a line")
    return data


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200]
