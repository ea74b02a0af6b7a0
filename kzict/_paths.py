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


ENV = "KZICT_DATA"  # a clean folder that `kzict build --out DIR` or `kzict ingest` wrote, read instead of the package's


def data_folder(data_dir: str | Path | None = None) -> Path | None:
    """The clean folder the loaders read instead of the package's: ``data_dir``, else ``$KZICT_DATA``, else None."""
    import os

    chosen = data_dir if data_dir is not None else os.environ.get(ENV) or None
    return None if chosen is None else Path(chosen).expanduser().absolute()


def loads_from(what: str, out: Path, names) -> str:
    """The success message: the folder written and the exact line that loads from it (the package's own
    data need no ``data_dir``)."""
    where = out.absolute()
    first = next(iter(names), "NAME")
    if where == Path(str(data_dir("clean"))).absolute():
        return f"{what} {where}\nload with: kzict.load({first!r})"
    return (
        f"{what} {where}\nload with: kzict.load({first!r}, data_dir={str(where)!r})"
        f"  (or KZICT_DATA={where} kzict show {first})"
    )
