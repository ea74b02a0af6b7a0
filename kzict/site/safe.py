"""Text from the data on the site: shown as text, never run, never fetched.

Site pages are Markdown, and Markdown turns ``[x](javascript:...)`` into a link, ``![t](https://...)``
into an image every visitor fetches and ``{: onmouseover=...}`` into an attribute; HTML escaping alone
stops none of them. So every character of data text that Markdown or HTML could read as syntax is
written as a numeric character reference, which both show as the character itself. Links come only
from :func:`link`, for a URL that is plain http or https.
"""

from __future__ import annotations

import re

_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9._~!$&'*+,;=:@%/?#-]*)?")
_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def text(value: object) -> str:
    """``value`` as inert text for Markdown and HTML alike: letters, digits, spaces and non-ASCII as they are,
    every other character (ASCII punctuation) as ``&#NN;``, runs of whitespace and control characters as one space."""
    flat = _SPACE.sub(" ", str(value))
    return "".join(c if c.isalnum() or c == " " or ord(c) > 127 else f"&#{ord(c)};" for c in flat)


def is_url(value: object) -> bool:
    """True for a plain http(s) URL: no script scheme, no spaces, quotes, brackets or markup."""
    return isinstance(value, str) and _URL.fullmatch(value) is not None


def link(label: object, url: object) -> str:
    """A Markdown link to ``url`` when it is a plain http(s) URL, else ``label`` (and the URL) as text."""
    if is_url(url):
        return f"[{text(label)}](<{url}>)"
    return text(label) + (f" ({text(url)})" if url else "")


def code_block(value: object, language: str = "") -> str:
    """Preformatted text on one raw-HTML line, so that nothing in it can close a Markdown fence."""
    body = "".join(
        "&#10;" if c == "\n" else c if c.isalnum() or c == " " or ord(c) > 127 else f"&#{ord(c)};" for c in str(value)
    )
    lang = f' class="language-{language}"' if re.fullmatch(r"[a-z]+", language) else ""
    return f"<pre><code{lang}>{body}</code></pre>"
