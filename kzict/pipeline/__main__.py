"""``python -m kzict.pipeline [--raw DIR] [--out DIR]``: rebuild data/clean; exit 1 with the cell on bad input."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kzict._extras import exit_unless_installed
from kzict.errors import KzictError


def main(argv: list[str] | None = None) -> int:
    exit_unless_installed("build", "python -m kzict.pipeline")  # before the runner imports openpyxl and yaml
    from kzict.pipeline.run import CLEAN_DIR, RAW_DIR, build

    ap = argparse.ArgumentParser(prog="python -m kzict.pipeline", description=__doc__)
    ap.add_argument("--raw", type=Path, default=RAW_DIR, help="raw folder (default: data/raw)")
    ap.add_argument("--out", type=Path, default=CLEAN_DIR, help="clean folder (default: data/clean)")
    args = ap.parse_args(argv)
    try:
        names = build(args.raw, args.out)
    except KzictError as exc:
        print(f"build failed, {args.out} left as it was:\n  {exc}", file=sys.stderr)
        return 1
    print(f"built {len(names)} datasets into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
