"""Reading a large download without trusting it: bounded, hashed as it passes, record by record.

A zip's directory is checked against the caps (kzict.readers.download) before a byte is decompressed; a
member is then read
through :class:`Tap`, which hashes and counts the bytes actually unpacked and stops at the cap
(the directory can lie); :func:`records` hands out CSV records with the exact bytes they were
read from, so a subset can be written verbatim. Every refusal is a RawDataError naming the file.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO

from kzict.errors import RawDataError

CHUNK = 1 << 20
_BOM = "\ufeff"


@dataclass(frozen=True)
class Digest:
    name: str
    size: int
    sha256: str


class Tap(io.RawIOBase):
    """A readable stream that hashes and counts what passes, and refuses to pass more than ``cap`` bytes."""

    def __init__(self, src: IO[bytes], origin: str, cap: int):
        self.src, self.origin, self.cap = src, origin, cap
        self.sha, self.size = hashlib.sha256(), 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:  # type: ignore[override]
        data = self.src.read(len(b))
        n = len(data)
        self.size += n
        if self.size > self.cap:
            raise RawDataError(self.origin, f"unpacks to over {self.cap:,} bytes, the cap")
        self.sha.update(data)
        b[:n] = data
        return n

    def close(self) -> None:
        self.src.close()
        super().close()

    def digest(self, name: str) -> Digest:
        return Digest(name, self.size, self.sha.hexdigest())

    def buffered(self) -> io.BufferedReader:
        return io.BufferedReader(self, CHUNK)


def file_digest(path: Path | str) -> Digest:
    sha, size = hashlib.sha256(), 0
    with open(path, "rb") as fh:
        while chunk := fh.read(CHUNK):
            sha.update(chunk)
            size += len(chunk)
    return Digest(Path(path).name, size, sha.hexdigest())


def records(fh: BinaryIO, origin: str, max_record: int) -> Iterator[tuple[list[str], bytes, int]]:
    """(fields, the record's exact bytes, its last line) for every record of a UTF-8 CSV, through the csv module.

    A record (one line, or a quoted field over several) over ``max_record`` bytes is refused
    before more of it is read, so a file with no line ends cannot fill memory.
    """
    pending: list[bytes] = []  # the lines of the record being read; the consumer empties it

    def lines() -> Iterator[str]:
        readline = fh.readline
        number = 0
        while raw := readline(max_record + 1):
            number += 1
            if len(raw) > max_record or (pending and sum(map(len, pending)) + len(raw) > max_record):
                raise RawDataError(origin, f"line {number}: a record over {max_record:,} bytes")
            pending.append(raw)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise RawDataError(origin, f"line {number}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
            # Before a quote, a byte-order mark would make the csv module read the quote as text.
            yield text.removeprefix(_BOM) if number == 1 else text

    reader = csv.reader(lines(), strict=True)
    try:
        for fields in reader:
            raw = pending[0] if len(pending) == 1 else b"".join(pending)
            pending.clear()
            yield fields, raw, reader.line_num
    except csv.Error as exc:
        raise RawDataError(origin, f"line {reader.line_num + 1}: not CSV ({exc})") from None


def open_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, origin: str, cap: int) -> Tap:
    try:
        return Tap(zf.open(info), origin, cap)
    except NotImplementedError as exc:
        raise RawDataError(origin, f"cannot be unpacked here ({exc}); unpack it and pass the CSV") from None
