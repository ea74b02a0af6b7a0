"""Writing a generated document from its own command line (``--out PATH``), shared by the docs and the audit."""

from __future__ import annotations

import argparse
from pathlib import Path


def write_generated(argv, prog: str, description: str, default: Path, render_text) -> int:
    """The command line of a generated document: ``--out PATH``, written with Unix line ends."""
    ap = argparse.ArgumentParser(prog=prog, description=description)
    ap.add_argument("--out", type=Path, default=default)
    args = ap.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render_text(), encoding="utf-8", newline="\n")
    print(args.out)
    return 0
