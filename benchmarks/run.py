"""kzict's benchmark: every measurement in fresh processes, against a bare baseline, as ratios.

    python benchmarks/run.py [--repeat N] [--datasets a,b] [--out benchmarks/results.md]

Targets (issue #8): loading a dataset in a fresh interpreter costs at most 1.3x
`import pandas; pandas.read_csv(<the same file>)`; the full raw -> clean build takes at most
3 s; `make figures` with nothing to do takes at most 0.2 s. Ratios are what matter: absolute
times vary from machine to machine, so the build is also set against the imports it cannot
avoid (pandas, pandera, openpyxl).
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
from datetime import UTC, datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PY = sys.executable
LOAD_RATIO_MAX, BUILD_MAX_S, NOOP_MAX_S = 1.3, 3.0, 0.2


def timed(cmd: list[str], **kw) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=REPO, **kw)
    return time.perf_counter() - t


def pair(ours: list[str], base: list[str], repeat: int) -> tuple[list[float], list[float]]:
    """Alternate the two commands so that drift in the machine's load hits both alike."""
    timed(ours), timed(base)  # warm the file cache and the bytecode
    a, b = [], []
    for _ in range(repeat):
        a.append(timed(ours))
        b.append(timed(base))
    return a, b


def row(label, ours, base, target: str, ok: bool) -> dict:
    return {
        "what": label,
        "kzict_median": statistics.median(ours),
        "kzict_min": min(ours),
        "base_median": statistics.median(base) if base else None,
        "base_min": min(base) if base else None,
        "ratio": statistics.median(ours) / statistics.median(base) if base else None,
        "target": target,
        "ok": ok,
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--datasets", help="comma-separated subset (default: every dataset)")
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results.md")
    args = ap.parse_args(argv)

    sys.path.insert(0, str(REPO))
    import kzict
    from kzict import _store

    names = args.datasets.split(",") if args.datasets else kzict.datasets()
    rows = []
    for name in names:
        path = _store.clean_dir() / _store.resource(name)["path"]
        ours, base = pair(
            [PY, "-c", f"import kzict; kzict.load({name!r})"],
            [PY, "-c", f"import pandas; pandas.read_csv({str(path)!r})"],
            args.repeat,
        )
        r = row(f"load `{name}`", ours, base, f"ratio ≤ {LOAD_RATIO_MAX}", False)
        r["ok"] = r["ratio"] <= LOAD_RATIO_MAX
        rows.append(r)
        print(
            f"{r['what']:<44} {r['kzict_median']:.3f}s vs {r['base_median']:.3f}s  ratio {r['ratio']:.2f}", flush=True
        )

    ours, base = pair(
        [PY, "-c", "import kzict; kzict.load('it_trade', validate=True)"],
        [PY, "-c", f"import pandas; pandas.read_csv({str(_store.clean_dir() / 'it_trade.csv')!r})"],
        args.repeat,
    )
    rows.append(row("load `it_trade`, validate=True (full pandera schema)", ours, base, "information", True))

    out = Path(tempfile.mkdtemp(prefix="kzict-bench-"))
    try:
        ours, base = pair(
            [PY, "-m", "kzict.pipeline", "--out", str(out / "clean")],
            [PY, "-c", "import pandas, pandera.pandas, openpyxl"],
            args.repeat,
        )
    finally:
        shutil.rmtree(out, ignore_errors=True)
    r = row("full raw -> clean build (baseline: its unavoidable imports)", ours, base, f"≤ {BUILD_MAX_S} s", False)
    r["ok"] = r["kzict_median"] <= BUILD_MAX_S
    rows.append(r)
    print(f"{r['what']:<44} {r['kzict_median']:.3f}s vs {r['base_median']:.3f}s  ratio {r['ratio']:.2f}", flush=True)

    make = shutil.which("make")
    if make:
        subprocess.run([make, "-s", "figures"], cwd=REPO, check=True, stdout=subprocess.DEVNULL)
        ours, base = pair([make, "-s", "figures"], [make, "-s", "-q", "figures"], args.repeat)
        r = row("`make figures` with nothing to do (baseline: make -q figures)", ours, base, f"≤ {NOOP_MAX_S} s", False)
        r["ok"] = r["kzict_median"] <= NOOP_MAX_S
        rows.append(r)

    write(args.out, rows, args.repeat)
    width = max(len(r["what"]) for r in rows)
    print(f"\n{'measurement':<{width}}  kzict med/min      baseline med/min   ratio  target     ok")
    for r in rows:
        base = f"{r['base_median']:.3f}/{r['base_min']:.3f}" if r["base_median"] is not None else "-"
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "-"
        print(
            f"{r['what']:<{width}}  {r['kzict_median']:.3f}/{r['kzict_min']:.3f}s  {base:>17}s  {ratio:>5}  "
            f"{r['target']:<9}  {'yes' if r['ok'] else 'NO'}"
        )
    print(f"\nwritten: {args.out}")
    return 0


def _versions() -> str:
    out = []
    for mod in ("pandas", "pandera", "openpyxl", "matplotlib"):
        try:
            from importlib.metadata import version

            out.append(f"{mod} {version(mod)}")
        except Exception:  # noqa: BLE001
            out.append(f"{mod} ?")
    return ", ".join(out)


def write(path: Path, rows: list[dict], repeat: int) -> None:
    lines = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (`benchmarks/run.py`) on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC.",
        "",
        f"- Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
        f"- Python {platform.python_version()}; {_versions()}",
        f"- Each measurement: {repeat} runs in fresh processes after one warm-up, alternating with its baseline.",
        "",
        "| measurement | kzict median (min) | baseline median (min) | ratio | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        base = f"{r['base_median']:.3f} s ({r['base_min']:.3f})" if r["base_median"] is not None else "—"
        ratio = f"{r['ratio']:.2f}" if r["ratio"] is not None else "—"
        lines.append(
            f"| {r['what']} | {r['kzict_median']:.3f} s ({r['kzict_min']:.3f}) | {base} | {ratio} | "
            f"{r['target']} | {'yes' if r['ok'] else '**no**'} |"
        )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    raise SystemExit(main())
