"""``kzict build`` and ``kzict ingest``: where they read and write, for a clone and for an installed wheel alike.

A clone builds ``data/raw`` into ``data/clean``. An installed package ships its raw data inside
``site-packages``; building it writes to a folder the user names, ``./kzict-clean`` by default,
and never into the installed package, whose clean data the loaders read.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kzict import _paths
from kzict._paths import loads_from
from kzict.errors import BuildTargetError, RawDataError

WHEEL_DEFAULT_OUT = "kzict-clean"


def installed() -> bool:
    """True when the data ship inside the package (a wheel), False in a clone."""
    return Path(str(_paths.data_dir("raw"))).resolve().is_relative_to(_paths.PACKAGE)


def _out(out: Path | None) -> Path:
    if out is None:
        if not installed():
            return Path(str(_paths.data_dir("clean")))
        out = Path.cwd() / WHEEL_DEFAULT_OUT
        print(f"no --out given: building into {out}", file=sys.stderr)
    if installed() and out.resolve().is_relative_to(_paths.PACKAGE):
        raise BuildTargetError(f"{out} is inside the installed kzict package; give --out a folder of your own")
    existing = next(p for p in (out.absolute(), *out.absolute().parents) if p.exists())
    if not existing.is_dir():
        raise BuildTargetError(f"cannot build into {out}: {existing} is a file, not a folder")
    return out


def build(raw: Path | None, out: Path | None) -> int:
    from kzict.pipeline.run import build as run_build

    raw = raw or Path(str(_paths.data_dir("raw")))
    out = _out(out)
    try:
        names = run_build(raw, out)
    except RawDataError as exc:
        print(f"kzict: build failed, {out} left as it was: {exc}", file=sys.stderr)
        return 2
    print(loads_from(f"built {len(names)} datasets into", out, names))
    return 0


def ingest_wdi(
    files: list[Path],
    raw: Path | None,
    allow_drops: bool,
    out: Path | None,
    allow_revisions: bool = False,
    release: str | None = None,
) -> int:
    """Add the files and rebuild, all or nothing: the build runs before ``data/raw`` changes (kzict.ingest)."""
    from kzict import ingest

    if raw is None and installed():
        raise BuildTargetError(
            "the installed package's raw data are read-only: copy them and give --raw DIR (and --out DIR)"
        )
    argv = [str(f) for f in files] + (["--raw", str(raw)] if raw else []) + ["--out", str(_out(out))]
    argv += (["--allow-drops"] if allow_drops else []) + (["--allow-revisions"] if allow_revisions else [])
    argv += ["--release", release] if release is not None else []
    return ingest.main(argv)
