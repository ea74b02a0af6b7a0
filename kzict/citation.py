"""Citations: of kzict itself, or of the sources behind one dataset."""

from __future__ import annotations

import re

import kzict

TITLE = "kzict: statistics of Kazakhstan's ICT sector as clean, validated, sourced tables"
AUTHORS = "kzict contributors"
YEAR = 2026
URL = None  # not yet published at a stable address


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", text.lower())


def cite(name: str | None = None, style: str = "text") -> str:
    """The citation of the kzict dataset (``name=None``), or of the sources of dataset ``name``.

    ``style`` is ``"text"`` or ``"bibtex"``.
    """
    if style not in ("text", "bibtex"):
        raise ValueError(f"style must be 'text' or 'bibtex', not {style!r}")
    if name is None:
        if style == "text":
            return f"{AUTHORS} ({YEAR}). {TITLE}. Version {kzict.__version__}. Data licence CC-BY-4.0."
        return (
            f"@misc{{kzict{YEAR},\n  author = {{{{{AUTHORS}}}}},\n  title = {{{TITLE}}},\n"
            f"  year = {{{YEAR}}},\n  version = {{{kzict.__version__}}},\n  note = {{Data licence CC-BY-4.0}}\n}}"
        )
    df = kzict.load(name)
    sources = kzict.load("sources").set_index("source_id")
    ids = list(dict.fromkeys(df["source_id"].dropna())) if "source_id" in df.columns else list(sources.index)
    printed_in = kzict.describe(name).printed_in
    ids += [s for s in (printed_in,) if s not in ids and s in sources.index]
    if style == "text":
        return "\n".join(
            sources.loc[s, "citation"] + (f" {sources.loc[s, 'url']}" if isinstance(sources.loc[s, "url"], str) else "")
            for s in ids
        )
    entries = []
    for s in ids:
        row = sources.loc[s]
        fields = {"title": row["citation"], "note": f"kind: {row['kind']}"}
        if isinstance(row["url"], str):
            fields["url"] = row["url"]
        body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields.items())
        entries.append(f"@misc{{{_key(s)},\n{body}\n}}")
    return "\n\n".join(entries)


def short_citation(citation: str) -> str:
    """'OECD (2010). OECD ...' -> 'OECD (2010)'; 'Alibayev, Yerdaulet (2017). ...' -> 'Alibayev (2017)'."""
    first = citation.split(". ")[0].rstrip(".")
    return re.sub(r"^([^,(]+), [^,()]+ (\([^)]*\))$", r"\1 \2", first)
