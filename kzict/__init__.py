"""kzict: statistics of Kazakhstan's ICT sector as clean, validated, sourced tables.

>>> import kzict
>>> kzict.datasets()                 # names of the clean tables
>>> kzict.load("ict_value_added")    # a plain pandas DataFrame
>>> kzict.describe("it_trade")       # codebook: columns, types, units, source, locator
>>> kzict.corrections()              # every departure from the print, with reason and evidence

Every row carries ``source_id`` (a row of ``kzict.load("sources")``) and
``locator`` (where the thesis prints it). Loading reads only pandas and the
package's own descriptor; pandera is imported only for ``validate=True``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kzict import _store, catalogue
from kzict.codebook import Codebook
from kzict.compare import indicators, peers, wdi

if TYPE_CHECKING:
    from pathlib import Path

    import pandas as pd


def __getattr__(name: str) -> str:
    # __version__ is looked up on first use: importlib.metadata would cost every `import kzict` a tenth of
    # the time the metadata commands take.
    if name != "__version__":
        raise AttributeError(f"module 'kzict' has no attribute {name!r}")
    from importlib import metadata

    try:
        version = metadata.version("kzict")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        version = "0+unknown"
    globals()["__version__"] = version
    return version


__all__ = [
    "datasets",
    "load",
    "load_raw",
    "describe",
    "corrections",
    "verify",
    "audit",
    "statements",
    "cite",
    "peers",
    "wdi",
    "indicators",
    "__version__",
]


def datasets(data_dir: str | Path | None = None) -> list[str]:
    """Names of the clean datasets, in catalogue order."""
    return _store.dataset_names(data_dir)


def load(name: str, validate: bool = False, data_dir: str | Path | None = None) -> pd.DataFrame:
    """The clean table ``name`` as a pandas DataFrame with typed columns.

    ``data_dir`` reads a clean folder that ``kzict build --out DIR`` or ``kzict ingest`` wrote instead
    of the package's data (so does the ``KZICT_DATA`` environment variable), with the same checks.

    ``df.attrs`` carries its metadata: name, title, description, ``units`` (column -> unit),
    ``sources`` (rows of ``sources``), locator, printed_in, licence and the data ``version``.

    The file is checked against the build's checksum manifest, so a hand-edited
    clean file raises :class:`kzict.errors.IntegrityError`. ``validate=True``
    also runs the full pandera schema.
    """
    res = _store.resource(name, data_dir=data_dir)
    df = _store.read_verified(res, data_dir)
    if validate:
        from kzict.tables import registry

        df = registry()[name].model.validate(df)
    df.attrs.update(catalogue.attrs(res, data_dir))
    return df


def load_raw(name: str) -> pd.DataFrame:
    """The table as printed: the raw sheet's cells under their printed headers, indexed by sheet row.

    A derived table (a scorecard) has no sheet of its own: asking for it names the tables it is made from.
    """
    return _store.read_raw(_store.resource(name))


def describe(name: str, data_dir: str | Path | None = None) -> Codebook:
    """Codebook of ``name``: title, source, locator, key, and per column its type, unit and meaning."""
    return Codebook.from_resource(_store.resource(name, data_dir=data_dir), _store.package(data_dir))


def corrections() -> pd.DataFrame:
    """Every correction the build applied: dataset, key, field, printed and used values, reason, evidence."""
    return _store.read_verified(_store.resource("corrections", include_internal=True))


def verify(data_dir: str | Path | None = None) -> _store.Verified:
    """Check every clean file against the manifest and the descriptor, and the raw inputs against the build's record.

    ``data_dir`` (or ``KZICT_DATA``) checks a rebuilt clean folder instead, on its own files.
    Returns a summary (files, datasets, raw_inputs, ok); raises :class:`kzict.errors.IntegrityError` on a mismatch.
    """
    return _store.verify_all(data_dir)


def audit() -> pd.DataFrame:
    """The claims audit: every numeric claim of the thesis recomputed from the clean data.

    One row per claim: claim_id, locator, claim, printed, recomputed, status
    (consistent | inconsistent | unverifiable, judging the sentence as printed), explanation,
    status_corrected (after kzict's corrections; equals status unless one touches the claim),
    recomputed_corrected, correction_effect, and chapter, check, tolerance, correction_id.
    The registry is ``data/raw/claims.yaml``.
    """
    from kzict._extras import require

    require("audit", "kzict.audit()")  # claims.yaml is YAML: PyYAML comes with an extra
    from kzict.claims import audit as _audit

    return _audit()


def statements(verdict: str | None = None) -> pd.DataFrame:
    """What officials and the press say about the sector, each number checked against kzict's tables.

    One row per statement of ``data/raw/statements.yaml`` (the clean table ``public_statements``): the
    quote, speaker, date and url, what it claims in data terms (kind, dataset, indicator, economy, year,
    value), and the verdict (consistent | inconsistent | unverifiable) with data_value, data_year,
    release, tolerance, definition, reason and the data's locator. ``verdict`` keeps only that verdict.
    """
    df = load("public_statements")
    if verdict is None:
        return df
    from kzict.statement_audit import VERDICTS

    if verdict not in VERDICTS:
        raise ValueError(f"unknown verdict {verdict!r}; expected one of {list(VERDICTS)}")
    return df[df["verdict"] == verdict].reset_index(drop=True)


def cite(name: str | None = None, style: str = "text") -> str:
    """Citation of kzict (``name=None``) or of the sources behind dataset ``name``; style 'text' or 'bibtex'."""
    from kzict.citation import cite as _cite

    return _cite(name, style)


def __dir__() -> list[str]:
    return sorted([*__all__, "errors"])


del annotations, TYPE_CHECKING
