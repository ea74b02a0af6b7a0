"""The public statements audit as schema.org ``ClaimReview`` records (JSON-LD), the format fact-checkers publish.

One ``ClaimReview`` per checked statement: ``claimReviewed`` (the quote), ``itemReviewed`` (a ``Claim``
with its ``author``, ``datePublished`` and ``appearance``: the page that published it), and a
``reviewRating`` whose ``ratingValue`` is on the scale ``SCALE`` (README, 'Public statements'), with the
verdict in words as ``alternateName``, ``url``, ``author`` (kzict) and ``datePublished``.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

import kzict

SCALE = {"inconsistent": 1, "unverifiable": 2, "consistent": 3}  # worst 1, best 3
HOME = "https://github.com/OWNER/kzict"  # CITATION.cff's repository-code; the maintainers replace OWNER
KZICT = {"@type": "Organization", "name": "kzict", "url": HOME}
PAGE = "statements.html"  # the site page of the statements; each review links to its card


def _clean(v: Any) -> Any:
    return None if v is None or (isinstance(v, float) and pd.isna(v)) or v is pd.NA else v


def review(row: pd.Series, published: str) -> dict:
    """One statement of ``kzict.statements()`` as a ClaimReview."""
    said = _clean(row["quote_en"])
    data = _clean(row["data_value"])
    located = _clean(row["data_locator"])
    explanation = str(row["reason"]) + (f". Data: {row['release']}, {located}." if located else ".")
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{HOME}/{PAGE}#{row['id']}",
        "claimReviewed": str(row["quote"]) + (f" [English: {said}]" if said else ""),
        "datePublished": published,
        "author": KZICT,
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": str(row["speaker"])},
            "datePublished": str(row["date"]),
            "appearance": {"@type": "CreativeWork", "url": str(row["url"])},
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": SCALE[str(row["verdict"])],
            "bestRating": max(SCALE.values()),
            "worstRating": min(SCALE.values()),
            "alternateName": str(row["verdict"]),
            "ratingExplanation": explanation,
            "url": f"{HOME}/{PAGE}#{row['id']}",
            "author": KZICT,
            "datePublished": published,
        },
        "kzict:dataValue": data,
        "kzict:identifier": str(row["id"]),
    }


def reviews(df: pd.DataFrame | None = None) -> list[dict]:
    """Every checked statement as a ClaimReview, dated today (or by ``SOURCE_DATE_EPOCH``, for equal files)."""
    df = kzict.statements() if df is None else df
    published = _today()
    return [review(r, published) for _, r in df.iterrows()]


def _today() -> str:
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return when.date().isoformat()


def export_claimreview(path: Path, force: bool = False) -> str:
    from kzict.export import _replace, check_target

    path = check_target(Path(path), force, ".jsonld", "a JSON-LD file")
    items = reviews()
    _replace(path, (json.dumps(items, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return f"wrote {len(items)} ClaimReview records to {path}"
