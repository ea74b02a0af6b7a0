"""Citations: of kzict itself, or of the sources behind one dataset, as text, BibTeX or CSL-JSON.

Read from the clean descriptor and ``sources.csv`` (both checked against the build's
checksums) with the standard library only: citing imports no pandas, so ``kzict cite``
stays quick.
"""

from __future__ import annotations

import csv
import io
import json
import re

from kzict import _store

TITLE = "kzict: statistics of Kazakhstan's ICT sector as clean, validated, sourced tables"
AUTHORS = "kzict contributors"
YEAR = 2026
URL = None  # not yet published at a stable address (CITATION.cff holds the placeholder the maintainers fill)
STYLES = ("text", "bibtex", "csl-json")
# sources.kind -> CSL item type
CSL_TYPE = {
    "thesis": "thesis",
    "report": "report",
    "decree": "legislation",
    "database": "dataset",
    "web": "webpage",
    "paper": "paper-conference",
}


def _version() -> str:
    import kzict

    return kzict.__version__


def sources() -> dict[str, dict[str, str]]:
    """The rows of ``sources`` keyed by source_id, every field a string ('' where missing)."""
    text = _store._read_checked("sources.csv").decode("utf-8")
    return {row["source_id"]: row for row in csv.DictReader(io.StringIO(text))}


COMPILED = "kzict"  # printed_in of the tables kzict compiled from many publishers (indicator_outcomes)


def source_ids(name: str) -> list[str]:
    """What dataset ``name`` cites: its rows' sources and the work that printed it, then its inputs'.

    An input's rows stand behind every row of a derived table (the targets behind the scorecard), so its
    sources are cited too; a compiled input (``printed_in`` kzict) is cited through the rows that use it,
    since the derived rows carry the source of the figure each one judged.
    """
    res = _store.resource(name)
    ids = [*res.get("kzict:sources", []), res.get("kzict:printed_in", "")]
    for inp in res.get("kzict:derived_from", []):
        ids += [COMPILED] if _store.resource(inp).get("kzict:printed_in") == COMPILED else source_ids(inp)
    return list(dict.fromkeys(i for i in ids if i))


def cite(name: str | None = None, style: str = "text") -> str:
    """The citation of the kzict dataset (``name=None``), or of the sources of dataset ``name``.

    ``style`` is ``"text"``, ``"bibtex"`` or ``"csl-json"``. A derived table (a scorecard) cites its own
    sources and those of the tables it is built from (the targets' decree and the thesis as well as the
    outcomes' publishers). For ``name='sources'``, every source.
    """
    if style not in STYLES:
        raise ValueError(f"style must be one of {', '.join(STYLES)}, not {style!r}")
    if name is None:
        return _self(style)
    rows = sources()
    ids = list(rows) if name == "sources" else [i for i in source_ids(name) if i in rows]
    items = [rows[i] for i in ids]
    if style == "text":
        return "\n".join(r["citation"] + (f" {r['url']}" if r["url"] else "") for r in items)
    if style == "bibtex":
        return "\n\n".join(bibtex(r) for r in items)
    return json.dumps([csl(r) for r in items], indent=2, ensure_ascii=False)


def _self(style: str) -> str:
    version = _version()
    if style == "text":
        return f"{AUTHORS} ({YEAR}). {TITLE}. Version {version}. Data licence CC-BY-4.0."
    if style == "bibtex":
        return (
            f"@misc{{kzict{YEAR},\n  author = {{{{{AUTHORS}}}}},\n  title = {{{TITLE}}},\n"
            f"  year = {{{YEAR}}},\n  version = {{{version}}},\n  note = {{Data licence CC-BY-4.0}}\n}}"
        )
    item: dict[str, object] = {"id": "kzict", "type": "dataset", "author": [{"literal": AUTHORS}], "title": TITLE}
    item |= {"issued": {"date-parts": [[YEAR]]}, "version": version, "note": "Data licence CC-BY-4.0"}
    return json.dumps([item], indent=2, ensure_ascii=False)


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def _is_person(author: str) -> bool:
    """'Alibayev, Yerdaulet' is a person; 'World Bank' or 'Kant.kg' is an organisation."""
    return bool(re.fullmatch(r"[^,]+, [^,]+", author))


def _bib_escape(text: str) -> str:
    return re.sub(r"([&%$#_])", r"\\\1", text)


def bibtex(row: dict[str, str]) -> str:
    """One ``@misc`` entry: author (an organisation in double braces), title, year where known, container
    as howpublished, url and urldate where kzict read it, the kind as a note."""
    author = row["author"]
    fields = {}
    if author:
        fields["author"] = author if _is_person(author) else f"{{{author}}}"
    fields["title"] = row["title"]
    if row["year"]:
        fields["year"] = row["year"]
    if row["container"]:
        fields["howpublished"] = row["container"]
    if row["url"]:
        fields["url"] = row["url"]
    if row["accessed"]:
        fields["urldate"] = row["accessed"]
    fields["note"] = f"kind: {row['kind']}" + (f"; via {row['via']}" if row["via"] else "")
    body = ",\n".join(f"  {k} = {{{v if k == 'url' else _bib_escape(v)}}}" for k, v in fields.items())
    return f"@misc{{{_key(row['source_id'])},\n{body}\n}}"


def csl(row: dict[str, str]) -> dict:
    """One CSL-JSON item (the format of Zotero, Pandoc and citation.js)."""
    item: dict = {"id": row["source_id"], "type": CSL_TYPE.get(row["kind"], "document"), "title": row["title"]}
    author = row["author"]
    if author:
        family, _, given = author.partition(", ")
        item["author"] = [{"family": family, "given": given} if _is_person(author) else {"literal": author}]
    if row["year"]:
        item["issued"] = {"date-parts": [[int(row["year"])]]}
    if row["container"]:
        item["container-title"] = row["container"]
    if row["url"]:
        item["URL"] = row["url"]
    if row["accessed"]:
        item["accessed"] = {"date-parts": [[int(p) for p in row["accessed"].split("-")]]}
    item["note"] = row["citation"]
    return item


def short_citation(citation: str) -> str:
    """'OECD (2010). OECD ...' -> 'OECD (2010)'; 'Alibayev, Yerdaulet (2017). ...' -> 'Alibayev (2017)'."""
    first = citation.split(". ")[0].rstrip(".")
    return re.sub(r"^([^,(]+), [^,()]+ (\([^)]*\))$", r"\1 \2", first)
