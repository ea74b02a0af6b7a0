"""The one answer to "where is the data", for the loaders and the pipeline alike.

An installed wheel carries the data inside the package (``kzict/_data/{raw,clean}``);
a clone (or an editable install) has it in the repository's ``data/{raw,clean}``.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


def data_dir(kind: str) -> Path | Traversable:
    """The folder of ``kind`` ('raw' or 'clean'): bundled in the package if present, else the clone's."""
    bundled = resources.files("kzict") / "_data" / kind
    if bundled.is_dir():
        return bundled
    return PACKAGE.parent / "data" / kind
