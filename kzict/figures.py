"""``python -m kzict.figures --out figures``: write every chart as byte-reproducible PNG and SVG."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

# Fixed metadata: no software version or date in the files, so equal inputs give equal bytes.
PNG_METADATA = {"Software": None}
SVG_METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}


def save(fig: Figure, out: Path, stem: str, close: bool = True) -> list[Path]:
    import matplotlib.pyplot as plt

    from kzict.charts import house_style

    out.mkdir(parents=True, exist_ok=True)
    paths = [out / f"{stem}.png", out / f"{stem}.svg"]
    with house_style():
        fig.savefig(paths[0], metadata=PNG_METADATA)
        fig.savefig(paths[1], metadata=SVG_METADATA)
    if close:
        plt.close(fig)
    return paths


def write_all(out: Path, only: list[str] | None = None) -> list[Path]:
    from kzict.charts import FIGURES

    written = []
    for stem, draw in FIGURES.items():
        if only and stem not in only:
            continue
        written += save(draw(), out, stem)
    return written


def main(argv: list[str] | None = None) -> int:
    from kzict._extras import exit_unless_installed

    exit_unless_installed("charts", "python -m kzict.figures")
    import matplotlib

    matplotlib.use("Agg")  # files only: headless and the same on every machine; never done on import
    ap = argparse.ArgumentParser(prog="python -m kzict.figures", description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("figures"))
    ap.add_argument("names", nargs="*", help="only these figures (default: all)")
    args = ap.parse_args(argv)
    for p in write_all(args.out, args.names or None):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
