"""kzict's benchmark: every measurement in fresh processes, against a bare baseline, as ratios.

    python benchmarks/run.py [--quick] [--repeat N] [--datasets a,b] [--out benchmarks/results.md] [--only wdi]

Targets:
- loading a dataset in a fresh interpreter costs at most 1.3x `import pandas; pandas.read_csv(<the same file>)`;
- the metadata commands (`kzict --version`, `list`, `describe`, `search`, `cite`) import no pandas: each costs at
  most 0.5x `python -c "import pandas"`;
- the full raw -> clean build takes at most 3 s (its ratio to the imports it cannot avoid, pandas, pandera and
  openpyxl, is shown; the former 1.6x target is withdrawn: validation and read-back cost what reliability needs);
- `kzict ingest wdi WDI_CSV.zip` (the build excluded) takes at most 1.5x a bare `csv`-module pass over the same
  member streamed from the same zip, on a generated download of the real layout and size (400,000 lines, 65 year
  columns, ~200 MB; `benchmarks/wdi_bulk.py`, in a temporary folder), with a peak RSS of at most 300 MB; time and
  memory at 50k, 100k, 200k and 400k lines grow at most linearly; then `kzict ingest wdi` of the 400,000-line
  download as a user runs it, in a copy of data/raw and data/clean: peak RSS at most 300 MB, the build included;
  the build with its full-release snapshot at most 3 s; loading `wdi_indicators` and `wdi_vintages` after it at
  most 1.3x `import pandas; read_csv` of the same file;
- `make figures` with nothing to do takes at most 0.2 s;
- from a fresh clone (full mode only): `make figures` at most 30 s and `make test` at most 60 s, the venv
  bootstrap included.
Ratios are what matter: absolute times vary from machine to machine and with its load, so each command
alternates with its baseline in one run. `--quick` (or BENCH=quick) measures a sample in under a minute.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable
LOAD_RATIO_MAX, META_RATIO_MAX, BUILD_MAX_S, NOOP_MAX_S = 1.3, 0.5, 3.0, 0.2
FRESH_FIGURES_MAX_S, FRESH_TEST_MAX_S = 30.0, 60.0
QUICK_DATASETS = ("ict_value_added", "it_trade")
META_COMMANDS = (["--version"], ["list"], ["describe", "it_trade"], ["search", "trade"], ["cite", "it_trade"])


@dataclass
class Row:
    what: str
    ours: list[float]
    base: list[float]
    target: str
    judge: Callable[[Row], bool]
    unit: str = "s"

    @property
    def median(self) -> float:
        return statistics.median(self.ours)

    @property
    def ratio(self) -> float | None:
        return self.median / statistics.median(self.base) if self.base else None

    @property
    def ok(self) -> bool:
        return self.judge(self)


def timed(cmd: list[str], cwd: Path = REPO) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    return time.perf_counter() - t


def pair(ours: list[str], base: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """Alternate the two commands so that drift in the machine's load hits both alike."""
    timed(ours), timed(base)  # warm the file cache
    a, b = [], []
    for _ in range(repeat):
        a.append(timed(ours))
        b.append(timed(base))
    return a, b


def show(r: Row) -> Row:
    ratio = f"ratio {r.ratio:.2f}" if r.ratio is not None else ""
    print(f"{r.what:<60} {r.median:7.3f}{r.unit}  {ratio:<11} {r.target:<22} {'yes' if r.ok else 'NO'}", flush=True)
    return r


def loads(names: list[str], repeat: int) -> list[Row]:
    from kzict import _store

    rows = []
    for name in names:
        path = _store.clean_dir() / _store.resource(name)["path"]
        ours, base = pair(
            [PY, "-c", f"import kzict; kzict.load({name!r})"],
            [PY, "-c", f"import pandas; pandas.read_csv({str(path)!r})"],
            repeat,
        )
        rows.append(
            show(
                Row(
                    f"load `{name}` (vs import pandas + read_csv)",
                    ours,
                    base,
                    f"ratio ≤ {LOAD_RATIO_MAX}",
                    lambda r: r.ratio <= LOAD_RATIO_MAX,
                )
            )
        )
    return rows


def metadata(commands, repeat: int) -> list[Row]:
    return [
        show(
            Row(
                f"`kzict {' '.join(args)}` (vs import pandas)",
                *pair([PY, "-m", "kzict", *args], [PY, "-c", "import pandas"], repeat),
                f"ratio ≤ {META_RATIO_MAX}",
                lambda r: r.ratio <= META_RATIO_MAX,
            )
        )
        for args in commands
    ]


def build(repeat: int) -> Row:
    out = Path(tempfile.mkdtemp(prefix="kzict-bench-"))
    try:
        ours, base = pair(
            [PY, "-m", "kzict.pipeline", "--out", str(out / "clean")],
            [PY, "-c", "import pandas, pandera.pandas, openpyxl"],
            repeat,
        )
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return show(
        Row(
            "full raw -> clean build (vs its unavoidable imports)",
            ours,
            base,
            f"≤ {BUILD_MAX_S:g} s",
            lambda r: r.median <= BUILD_MAX_S,
        )
    )


def noop_figures(repeat: int) -> Row | None:
    make = shutil.which("make")
    if not make:
        return None
    subprocess.run([make, "-s", "figures"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
    ours, base = pair([make, "-s", "figures"], [make, "-s", "-q", "figures"], repeat)
    return show(
        Row(
            "`make figures` with nothing to do (vs make -q figures)",
            ours,
            base,
            f"≤ {NOOP_MAX_S:g} s",
            lambda r: r.median <= NOOP_MAX_S,
        )
    )


def fresh_clone() -> list[Row]:
    """`make figures` then `make test` in a fresh clone of HEAD, with ../shared beside it, as a newcomer runs them."""
    tmp = Path(tempfile.mkdtemp(prefix="kzict-fresh-"))
    try:
        subprocess.run(["git", "clone", "-q", str(REPO), str(tmp / "kzict")], check=True)
        shared = REPO.parent / "shared"
        if shared.is_dir():
            shutil.copytree(shared, tmp / "shared")
        make = shutil.which("make") or "make"
        figures = timed([make, "figures"], cwd=tmp / "kzict")
        test = timed([make, "test"], cwd=tmp / "kzict")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return [
        show(
            Row(
                "fresh clone: `make figures` (venv bootstrap included)",
                [figures],
                [],
                f"≤ {FRESH_FIGURES_MAX_S:g} s",
                lambda r: r.median <= FRESH_FIGURES_MAX_S,
            )
        ),
        show(
            Row(
                "fresh clone, then: `make test`",
                [test],
                [],
                f"≤ {FRESH_TEST_MAX_S:g} s",
                lambda r: r.median <= FRESH_TEST_MAX_S,
            )
        ),
    ]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--quick",
        action="store_true",
        default=os.environ.get("BENCH") == "quick",
        help="a sample: two datasets, two metadata commands, no fresh clone (under a minute)",
    )
    ap.add_argument("--repeat", type=int)
    ap.add_argument("--datasets", help="comma-separated subset (default: every dataset)")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results.md")
    ap.add_argument(
        "--only", choices=["wdi"], help="measure only the full-WDI-download rows and replace them in --out (minutes)"
    )
    args = ap.parse_args(argv)
    repeat = args.repeat or (2 if args.quick else 3)

    sys.path.insert(0, str(REPO))
    import wdi_bulk  # beside this script

    import kzict

    if args.only:
        rows, scaling = wdi_bulk.bench(Row, show, args.quick, repeat)
        merge(args.out, rows, scaling, wdi_bulk.PREFIX, wdi_bulk.SECTION)
        print(f"\n{sum(r.ok for r in rows)} of {len(rows)} targets met; merged into: {args.out}")
        return 0

    names = args.datasets.split(",") if args.datasets else list(QUICK_DATASETS) if args.quick else kzict.datasets()
    rows = loads(names, repeat)
    rows += metadata(META_COMMANDS[:2] if args.quick else META_COMMANDS, repeat)
    rows.append(build(repeat))
    noop = noop_figures(repeat)
    rows += [noop] if noop else []
    bulk_rows, scaling = wdi_bulk.bench(Row, show, args.quick, repeat)
    rows += bulk_rows
    if not args.quick:
        rows += fresh_clone()
    write(args.out, rows, repeat, args.quick, scaling)
    print(f"\n{sum(r.ok for r in rows)} of {len(rows)} targets met; written: {args.out}")
    return 0


def _cells(r: Row) -> str:
    base = f"{statistics.median(r.base):.3f} {r.unit} ({min(r.base):.3f})" if r.base else "—"
    ratio = f"{r.ratio:.2f}" if r.ratio is not None else "—"
    return (
        f"| {r.what} | {r.median:.3f} {r.unit} ({min(r.ours):.3f}) | {base} | {ratio} | {r.target} | "
        f"{'yes' if r.ok else '**no**'} |"
    )


def merge(path: Path, rows: list[Row], section: list[str], prefix: str, heading: str) -> None:
    """Replace, in an existing results file, the rows starting with ``prefix`` and the section ``heading``."""
    old = path.read_text(encoding="utf-8").splitlines()
    if heading in old:
        old = old[: old.index(heading) - 1]  # the section runs to the end, after one blank line
    name = prefix.strip(": ")
    kept = [line for line in old if not line.startswith((f"| {prefix}", f"- The {name} rows"))]
    at = next(i for i, line in enumerate(kept) if line.startswith("- Each measurement"))
    load = os.getloadavg()[0]
    kept.insert(
        at + 1,
        f"- The {name} rows: `run.py --only wdi` on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average "
        f"{load:.1f} on {os.cpu_count()} cores at the end (each run alternates with its baseline, so load hits both).",
    )
    last = max(i for i, line in enumerate(kept) if line.startswith("|"))
    out = kept[: last + 1] + [_cells(r) for r in rows] + kept[last + 1 :] + section
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for mod in ("pandas", "pandera", "openpyxl", "matplotlib"):
        try:
            out.append(f"{mod} {version(mod)}")
        except PackageNotFoundError:
            out.append(f"{mod} ?")
    return ", ".join(out)


def write(path: Path, rows: list[Row], repeat: int, quick: bool, extra: list[str]) -> None:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench{' BENCH=quick' if quick else ''}` (`benchmarks/run.py`) "
        f"on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; {_versions()}",
        f"- Each measurement: {repeat} runs in fresh processes after one warm-up, alternating with its baseline;"
        " the fresh-clone rows are one run each.",
        "",
        "| measurement | kzict median (min) | baseline median (min) | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    lines += [_cells(r) for r in rows] + extra
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
