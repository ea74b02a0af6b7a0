"""What the catalogue holds, from the descriptor alone: titles, years, sources, search, name suggestions.

Nothing here imports pandas, so ``kzict list``, ``describe`` and ``search`` start as fast as Python does.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass

from kzict import _store


def suggest(word: str, choices: list[str], cutoff: float = 0.6) -> list[str]:
    """The names in ``choices`` closest to ``word``, best first (for "did you mean ...")."""
    return difflib.get_close_matches(word, choices, n=3, cutoff=cutoff)


def did_you_mean(word: str, choices: list[str], cutoff: float = 0.6) -> str:
    close = suggest(word, choices, cutoff)
    return f"did you mean {' or '.join(repr(c) for c in close)}?" if close else ""


def year_column(res: dict) -> str | None:
    """The table's time axis: its first column measured in years, if any."""
    return next((f["name"] for f in res["schema"]["fields"] if f.get("kzict:unit") == "year"), None)


def years(res: dict) -> str:
    """'2006-2016', '2014', or '' when the table has no year column (no year is ever guessed)."""
    col = year_column(res)
    if col is None:
        return ""
    text = _store._read_checked(res["path"]).decode("utf-8")
    found = sorted({int(row[col]) for row in csv.DictReader(io.StringIO(text)) if row[col]})
    if not found:
        return ""
    return str(found[0]) if found[0] == found[-1] else f"{found[0]}-{found[-1]}"


@dataclass(frozen=True)
class Entry:
    name: str
    title: str
    rows: int
    years: str
    sources: tuple[str, ...]


def entries(long: bool = False) -> list[Entry]:
    """One entry per dataset, in catalogue order; ``years`` is read from the data only when ``long``."""
    return [
        Entry(
            name=res["name"],
            title=res["title"],
            rows=res["kzict:rows"],
            years=years(res) if long else "",
            sources=tuple(res.get("kzict:sources", ())),
        )
        for res in (_store.resource(n) for n in _store.dataset_names())
    ]


@dataclass(frozen=True)
class Hit:
    name: str
    title: str
    where: tuple[str, ...]  # 'name', 'title', 'description', 'column year', 'unit of share_pct: %', ...


def _haystack(res: dict, content: bool = True) -> list[tuple[str, str]]:
    """(where, text) pairs a search looks in: the metadata, then (``content``) what the table holds,
    as the build recorded it in the descriptor (``kzict:content``: the distinct values of its naming columns)."""
    out = [("name", res["name"]), ("title", res["title"]), ("description", res.get("description", ""))]
    for f in res["schema"]["fields"]:
        out.append((f"column {f['name']}", f["name"]))
        if f.get("kzict:unit"):
            out.append((f"unit of {f['name']}: {f['kzict:unit']}", f["kzict:unit"]))
        if f.get("description"):
            out.append((f"column {f['name']}", f["description"]))
    if content:
        for column, values in res.get("kzict:content", {}).items():
            out += [(f"{column} {value!r}", value) for value in values]
    return out


SHOWN_VALUES = 3  # values named per word and column in a hit's "where"; the rest are counted


def _where(matches: list[str]) -> list[str]:
    """Each place a word matched, with the values of one column cut to a few and counted."""
    by_column: dict[str, list[str]] = {}
    for where in matches:
        column, sep, value = where.partition(" '")
        key = column if sep and " " not in column else where  # content hits are "<column> '<value>'"
        by_column.setdefault(key, []).append(where)
    out = []
    for key, found in by_column.items():
        out += found[:SHOWN_VALUES]
        if len(found) > SHOWN_VALUES:
            out.append(f"{key}: {len(found) - SHOWN_VALUES} more")
    return out


def search(*words: str) -> list[Hit]:
    """Datasets in which every word occurs (case-insensitive) in the name, title, description,
    a column's name, description or unit, or in what the table holds (economy names and ISO3 codes,
    indicator codes and names, units, editions, categories); with where each word was found."""
    wanted = [w.casefold() for w in words if w.strip()]
    hits = []
    for name in _store.dataset_names():
        res = _store.resource(name)
        pairs = _haystack(res)
        found = [[where for where, text in pairs if w in text.casefold()] for w in wanted]
        if wanted and all(found):
            hits.append(Hit(name, res["title"], tuple(dict.fromkeys(w for ws in found for w in _where(ws)))))
    return hits


def vocabulary() -> list[str]:
    """Every word a search could match whole: for suggestions when nothing matches."""
    words: set[str] = set()
    for name in _store.dataset_names():
        for _, text in _haystack(_store.resource(name)):
            words.update(t.strip(".,;:()'\"").casefold() for t in text.replace("_", " ").split())
    return sorted(w for w in words if len(w) > 2)


def attrs(res: dict, data_dir=None) -> dict:
    """The metadata ``kzict.load`` attaches as ``df.attrs``, read from the descriptor."""
    pkg = _store.package(data_dir)
    licences = res.get("licenses") or pkg.get("licenses", [])
    return {
        "name": res["name"],
        "title": res["title"],
        "description": res.get("description", ""),
        "units": {f["name"]: f.get("kzict:unit") for f in res["schema"]["fields"]},
        "sources": list(res.get("kzict:sources", ())),
        "locator": res.get("kzict:locator", ""),
        "printed_in": res.get("kzict:printed_in", ""),
        "licence": ", ".join(lic["name"] for lic in licences),
        "version": pkg.get("version", ""),
    }
