"""The site never runs or fetches what the data say: hostile text in every data field that reaches a page.

Every text cell of every table (ids aside: the build allows them ASCII letters, digits, ``_ - .`` only),
every codebook text, correction, claim, source citation and URL, and the package's own title and licence
links are replaced by Markdown and HTML attacks; each page is rendered with the site's Markdown extensions
and the HTML is checked: no script link, no event attribute, no outside image or script, no new element.
"""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser

import markdown
import pandas as pd
import pytest

import kzict
from kzict import _store, citation
from kzict.site import build, pages, safe

ATTACKS = [
    "[x](javascript:alert(1))",
    "[x](#){: onmouseover=alert(1) }",
    "![t](https://evil.example/t.png)",
    "<img src=https://evil.example/i.png onerror=alert(1)>",
    "<a href='javascript:alert(1)'>x</a>",
    "<https://evil.example/auto>",
    "```\n<script src=https://evil.example/s.js></script>\n```",
    "[ref]\n\n[ref]: javascript:alert(1)",
    "{: onclick=alert(1) }",
    '" onmouseover="alert(1)',
    "<iframe src=//evil.example></iframe>",
]
HOSTILE = "\n\n".join(ATTACKS)
EVIL_URL = "javascript:alert(1)"


def _hostile_frame(df: pd.DataFrame, ids: set[str]) -> pd.DataFrame:
    out = df.copy()
    for c in out.columns:
        if c not in ids and not pd.api.types.is_numeric_dtype(out[c].dtype) and not pd.api.types.is_bool_dtype(out[c]):
            out[c] = pd.Series([HOSTILE] * len(out), index=out.index, dtype=object)
    return out


@pytest.fixture(scope="module")
def rendered():
    names = kzict.datasets()
    books = {n: kzict.describe(n) for n in names}
    ids = {n: {c["column"] for c in books[n].columns if c.get("unit") == "id"} for n in names}
    frames = {n: _hostile_frame(kzict.load(n), ids[n]) for n in names}
    hostile_books = {
        n: dataclasses.replace(
            b,
            title=HOSTILE,
            description=HOSTILE,
            locator=HOSTILE,
            printed_in=HOSTILE,
            note=HOSTILE,
            columns=[{**c, "description": HOSTILE, "unit": HOSTILE, "type": HOSTILE} for c in b.columns],
        )
        for n, b in books.items()
    }
    fixes = kzict.corrections()
    fixes = _hostile_frame(fixes, {"dataset"})
    audit = _hostile_frame(kzict.audit(), set())
    sources = {
        i: {**{k: HOSTILE for k in row}, "url": EVIL_URL if n % 2 else "https://ok.example/src"}
        for n, (i, row) in enumerate(citation.sources().items())
    }
    package = {**_store.package(), "title": HOSTILE, "description": HOSTILE}
    package["licenses"] = [{"name": HOSTILE, "title": HOSTILE, "path": EVIL_URL}]
    mp = pytest.MonkeyPatch()
    mp.setattr(kzict, "describe", lambda n: hostile_books[n])
    mp.setattr(kzict, "corrections", lambda: fixes)
    mp.setattr(kzict, "audit", lambda: audit)
    mp.setattr(kzict, "cite", lambda name=None, style="text": HOSTILE)
    mp.setattr(citation, "sources", lambda: sources)
    try:
        site = pages.Site(package, frames, {n: [] for n in names})
        site.package["resources"] = [{**r, "licenses": package["licenses"]} for r in site.package["resources"]]
        texts = {
            "index": pages.home(site),
            "scorecard": pages.scorecard(site),
            "audit": pages.audit(),
            "corrections": pages.corrections(site),
            "downloads": pages.downloads(site, build.WORKBOOK),
            **{f"datasets/{n}": pages.dataset(site, n) for n in names},
        }
    finally:
        mp.undo()
    exts = [e if isinstance(e, str) else next(iter(e)) for e in build.MARKDOWN_EXTENSIONS]
    configs = {k: v for e in build.MARKDOWN_EXTENSIONS if isinstance(e, dict) for k, v in e.items()}
    return {page: markdown.markdown(t, extensions=exts, extension_configs=configs) for page, t in texts.items()}


class _Check(HTMLParser):
    OURS = ("assets/", "../assets/", "datasets/", "../downloads/", "downloads/", "#", "scorecard.md", "corrections.md")

    def __init__(self):
        super().__init__()
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in ("iframe", "object", "embed", "form", "base", "meta", "link"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            v = "".join((value or "").split()).lower()
            if name.startswith("on"):
                self.problems.append(f"event attribute {name}={value!r} on <{tag}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and v.startswith(
                ("javascript:", "vbscript:", "data:")
            ):
                self.problems.append(f"script URL {name}={value!r} on <{tag}>")
            if name == "src" and not v.startswith(self.OURS):
                self.problems.append(f"outside src {value!r} on <{tag}>")
            if name == "href" and "evil.example" in v:
                self.problems.append(f"link from data {value!r}")


def test_hostile_text_in_every_field_is_shown_as_text(rendered):
    problems = []
    for page, html in rendered.items():
        check = _Check()
        check.feed(html)
        problems += [f"{page}: {p}" for p in check.problems]
    assert not problems, "\n".join(problems[:20])
    # ... and the text is there, as text, for a reader to see.
    assert "[x](javascript:alert(1))" in _text(rendered["corrections"])
    assert "https://ok.example/src" in rendered["datasets/it_trade"]  # a validated url field is a link


def _text(html: str) -> str:
    from html import unescape

    return unescape(html)


@pytest.mark.parametrize(
    "url, ok",
    [
        ("https://data.worldbank.org/indicator/IT.NET.USER.ZS", True),
        ("http://stat.gov.kz/?a=1&b=2", True),
        ("javascript:alert(1)", False),
        ("https://x.example/a) onmouseover=(", False),
        ("https://x.example/<script>", False),
        ("data:text/html,hi", False),
        ("//evil.example", False),
    ],
)
def test_only_plain_http_urls_become_links(url, ok):
    assert safe.is_url(url) is ok
    assert ("](<" in safe.link("x", url)) is ok
