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


def write_all(out: Path, only: list[str] | None = None, workers: int | None = None) -> list[Path]:
    """Draw and save every chart (or ``only`` these), in catalogue order.

    ``workers``: processes drawing at once (default: one per core, at most two, where this process can fork
    them safely; ``KZICT_WORKERS=1`` draws in this process alone). Each chart is drawn from the same data with
    the same fixed style, so the files are the same bytes whichever process draws them.
    """
    from kzict.charts import FIGURES

    stems = [stem for stem in FIGURES if not only or stem in only]
    n = min(workers or _workers(), len(stems))
    if n <= 1:
        return [path for stem in stems for path in _draw(stem, out)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    import kzict

    for name in kzict.datasets():  # loaded once here, and each worker starts with them loaded
        kzict.load(name)
    with ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork")) as pool:
        return [path for paths in pool.map(_draw, stems, [out] * len(stems)) for path in paths]


def _draw(stem: str, out: Path) -> list[Path]:
    from kzict.charts import FIGURES

    return save(FIGURES[stem](), out, stem)


def _workers() -> int:
    """One process per core, at most two (drawing is bound by the processor), where a fork is safe:
    on Linux, in a process running no other thread."""
    import os
    import sys
    import threading

    if os.environ.get("KZICT_WORKERS") == "1" or not sys.platform.startswith("linux") or threading.active_count() > 1:
        return 1
    return min(os.cpu_count() or 1, 2)


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
