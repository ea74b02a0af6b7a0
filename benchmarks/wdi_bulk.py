"""The full-WDI ingest benchmark: a generated ``WDI_CSV.zip`` of the real layout and size, never committed.

    python benchmarks/wdi_bulk.py make ZIP ROWS          # write the benchmark download
    python benchmarks/wdi_bulk.py ingest ZIP STAGE      # kzict's ingest of it (the build excluded)
    python benchmarks/wdi_bulk.py csv ZIP               # the baseline: a bare csv pass over its data member
    python benchmarks/wdi_bulk.py whole ZIP RAW CLEAN   # `kzict ingest wdi` of it, the build included

``ingest`` and ``csv`` print one JSON line with the process's peak RSS, so ``run.py`` can time each in a
fresh process and read its memory.

The generated data member has the real header (names, codes, 65 year columns 1960-2024, a byte-order
mark, every field quoted, a trailing comma, CRLF line ends), about 500 bytes a line (200 MB at 400,000
lines), 266 economies and aggregates, the tracked indicators among made-up ones, names with commas,
and about a third of the cells filled; beside it the five other members of the real zip.
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SIZES, QUICK_SIZES = (50_000, 100_000, 200_000, 400_000), (50_000,)
RATIO_MAX, RSS_MAX_MB, GROWTH_SLACK = 1.5, 300.0, 1.1
BUILD_MAX_S, LOAD_RATIO_MAX = 3.0, 1.3  # as benchmarks/run.py's, here with a full-release snapshot
PREFIX = "WDI download: "  # run.py --only wdi replaces the rows that start with it
SECTION = "## Full WDI download: cost by size"
YEARS = list(range(1960, 2025))  # 65 year columns
ECONOMIES = 266
RELEASE = "2026-07-01"  # newer than every committed snapshot: the whole comparison takes it
SERIES_HEADER = (
    "Series Code,Topic,Indicator Name,Short definition,Long definition,Unit of measure,Periodicity,Base Period,"
    "Other notes,Aggregation method,Limitations and exceptions,Notes from original source,General comments,Source,"
    "Statistical concept and methodology,Development relevance,Related source links,Other web links,"
    "Related indicators,License Type"
).split(",")


def _q(fields: list[str]) -> str:
    return ",".join('"' + f.replace('"', '""') + '"' for f in fields) + ",\r\n"


def _economies() -> list[tuple[str, str]]:
    real = [("KAZ", "Kazakhstan"), ("KGZ", "Kyrgyz Republic"), ("RUS", "Russian Federation"), ("WLD", "World")]
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    made = [(f"Q{a}{b}", f"Economy Q{a}{b}, Rep.") for a in letters for b in letters]
    return (real + [m for m in made if m[0] not in dict(real)])[:ECONOMIES]


def _tracked() -> list[str]:
    """kzict's tracked codes, read in a child process: importing the tables here would raise this process's
    peak RSS, which Linux hands on to every child measured after it."""
    code = "from kzict.tables._wdi import INDICATORS; print(' '.join(INDICATORS))"
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True, cwd=REPO
    ).stdout.split()


def _indicators(per_economy: int) -> list[tuple[str, str]]:
    """``per_economy`` codes, every tracked one spread among made-up ones, as in the real file's order."""
    tracked = _tracked()
    made = [(f"XX.SYN.{i:04d}", f"Made-up indicator {i}, total (% of GDP)") for i in range(per_economy)]
    step = max(1, per_economy // len(tracked))
    for k, code in enumerate(tracked[:per_economy]):
        made[min(k * step, per_economy - 1)] = (code, f"Tracked indicator {code} (per 100 people)")
    return sorted(made)


def _tails(rng: random.Random, n: int = 4096, plausible: bool = False) -> list[str]:
    """Year cells for a line: ~1/3 filled, numbers of the lengths WDI prints; ``plausible``: within every
    tracked unit's range (0-100), so that the build accepts them."""
    out = []
    for _ in range(n):
        start = rng.choice((1960, 1970, 1990, 2000))
        cells = []
        for y in YEARS:
            if y < start or rng.random() < 0.53:
                cells.append("")
            elif plausible:
                cells.append(f"{rng.uniform(0.5, 99):.{rng.choice((4, 9))}g}")
            else:
                cells.append(f"{rng.lognormvariate(3, 3):.{rng.choice((4, 9, 15))}g}")
        out.append(",".join(f'"{c}"' for c in cells) + ",\r\n")
    return out


def make(zip_path: Path, rows: int, seed: int = 25) -> Path:
    """Write a ``WDI_CSV.zip`` whose data member has ``rows`` lines after the header."""
    rng = random.Random(seed)
    economies = _economies()
    per = -(-rows // len(economies))
    indicators = _indicators(per)
    tails, kept_tails = _tails(rng), _tails(rng, 512, plausible=True)
    tracked = set(_tracked())
    with tempfile.TemporaryDirectory(dir=zip_path.parent) as tmp:
        data = Path(tmp) / "WDICSV.csv"
        with open(data, "w", encoding="utf-8", newline="") as fh:
            fh.write(
                "\ufeff" + _q(["Country Name", "Country Code", "Indicator Name", "Indicator Code", *map(str, YEARS)])
            )
            n = 0
            for iso, name in sorted(economies, key=lambda e: e[1]):
                for code, label in indicators:
                    if n == rows:
                        break
                    pool = kept_tails if code in tracked else tails
                    fh.write(_q([name, iso, label, code])[:-3] + "," + pool[rng.randrange(len(pool))])
                    n += 1
        series = Path(tmp) / "WDISeries.csv"
        with open(series, "w", encoding="utf-8", newline="") as fh:
            fh.write("\ufeff" + _q(SERIES_HEADER))
            for code, label in indicators:
                long = f'{label} is defined at length.\n\nA second paragraph, with a comma, and "quotes".'
                fh.write(
                    _q([code, "Topic", label, "", long, "", "Annual", *[""] * 6, "World Bank", *[""] * 5, "CC BY-4.0"])
                )
        small = {
            "WDICountry.csv": _q(["Country Code", "Short Name", "Region"])
            + "".join(_q([i, n, ""]) for i, n in economies),
            "WDIcountry-series.csv": _q(["CountryCode", "SeriesCode", "DESCRIPTION"]),
            "WDIfootnote.csv": _q(["CountryCode", "SeriesCode", "Year", "DESCRIPTION"]),
            "WDIseries-time.csv": _q(["SeriesCode", "Year", "DESCRIPTION"]),
        }
        with zipfile.ZipFile(zip_path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.write(data, "WDICSV.csv")
            zf.write(series, "WDISeries.csv")
            for name, text in small.items():
                zf.writestr(name, text.encode("utf-8"))
    return zip_path


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def ingest(zip_path: Path, stage: Path) -> dict:
    sys.path.insert(0, str(REPO))
    # The modules ingest_bulk imports lazily (pandas, pandera with the tables) are the build's too:
    # imported before the clock starts, so ``work_s`` is the ingest's own work.
    import kzict.ingest  # noqa: F401
    import kzict.tables._wdi  # noqa: F401
    from kzict.ingest_bulk import ingest_bulk

    t = time.perf_counter()
    staged = ingest_bulk(zip_path, RELEASE, stage, snap_dir=REPO / "data" / "raw" / "snapshots")
    work = time.perf_counter() - t
    return {"kept": [s.row["bytes"] for s in staged], "work_s": work, "peak_mb": _peak_mb()}


def whole(zip_path: Path, raw: Path, clean: Path) -> dict:
    """``kzict ingest wdi`` as a user runs it (the checks against earlier releases, the build, the publish)."""
    sys.path.insert(0, str(REPO))
    from kzict.ingest import main as ingest_main

    t = time.perf_counter()
    # Made-up names and values: every drop and revision against the real snapshots is allowed, and recorded.
    args = [str(zip_path), "--release", RELEASE, "--raw", str(raw), "--out", str(clean)]
    if ingest_main([*args, "--allow-drops", "--allow-revisions"]):
        raise SystemExit("the ingest was refused")
    return {"work_s": time.perf_counter() - t, "peak_mb": _peak_mb()}


def _alternate(ours: list[str], base: list[str], repeat: int) -> tuple[list[float], list[float]]:
    def timed(cmd: list[str]) -> float:
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        return time.perf_counter() - t

    timed(ours), timed(base)  # warm the file cache
    a, b = [], []
    for _ in range(repeat):
        a.append(timed(ours))
        b.append(timed(base))
    return a, b


def after_ingest(row, show, zip_path: Path, lines: int, tmp: Path, repeat: int) -> list:
    """The whole ingest's peak RSS (the build included), then the build and the WDI loads with its snapshot."""
    raw, clean = tmp / "data" / "raw", tmp / "data" / "clean"
    shutil.copytree(REPO / "data" / "raw", raw)
    shutil.copytree(REPO / "data" / "clean", clean)
    runs = [_run([sys.executable, __file__, "whole", str(zip_path), str(raw), str(clean)])]
    rows = [
        show(
            row(
                f"{PREFIX}peak RSS of the whole `kzict ingest wdi`, the build included ({lines:,} lines)",
                [r[1] for r in runs],
                [],
                f"≤ {RSS_MAX_MB:g} MB",
                lambda r: r.median <= RSS_MAX_MB,
                "MB",
            )
        )
    ]
    build = [sys.executable, "-m", "kzict.pipeline", "--raw", str(raw), "--out", str(tmp / "rebuilt")]
    plain = [sys.executable, "-m", "kzict.pipeline", "--out", str(tmp / "plain")]
    ours, base = _alternate(build, plain, repeat)
    rows.append(
        show(
            row(
                f"{PREFIX}full raw -> clean build with that full-release snapshot (vs the build without it)",
                ours,
                base,
                f"≤ {BUILD_MAX_S:g} s",
                lambda r: r.median <= BUILD_MAX_S,
            )
        )
    )
    for name in ("wdi_indicators", "wdi_vintages"):
        path = clean / f"{name}.csv"
        load = f"import kzict; kzict.load({name!r}, data_dir={str(clean)!r})"
        ours, base = _alternate(
            [sys.executable, "-c", load],
            [sys.executable, "-c", f"import pandas; pandas.read_csv({str(path)!r})"],
            repeat,
        )
        rows.append(
            show(
                row(
                    f"{PREFIX}load `{name}` after that ingest, {path.stat().st_size / 1e6:.1f} MB "
                    "(vs import pandas + read_csv)",
                    ours,
                    base,
                    f"ratio ≤ {LOAD_RATIO_MAX}",
                    lambda r: r.ratio <= LOAD_RATIO_MAX,
                )
            )
        )
    return rows


def csv_pass(zip_path: Path) -> dict:
    import csv
    import io

    t = time.perf_counter()
    with zipfile.ZipFile(zip_path) as zf, zf.open("WDICSV.csv") as raw:
        n = sum(1 for _ in csv.reader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))
    return {"rows": n, "work_s": time.perf_counter() - t, "peak_mb": _peak_mb()}


def _run(cmd: list[str]) -> tuple[float, float, float]:
    """The work time ``cmd`` reports from a fresh process, its peak RSS, and the process's wall time."""
    t = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    wall = time.perf_counter() - t
    got = json.loads(out.splitlines()[-1])
    return got["work_s"], got["peak_mb"], wall


def bench(row, show, quick: bool, repeat: int) -> tuple[list, list[str]]:
    """Rows for ``run.py`` (its ``Row`` and ``show``), and a Markdown table of cost by size."""
    sizes = QUICK_SIZES if quick else SIZES
    tmp = Path(tempfile.mkdtemp(prefix="kzict-wdi-bulk-"))
    got: dict[int, tuple[list[tuple[float, float, float]], list[tuple[float, float, float]], int, int]] = {}
    whole_rows: list = []
    try:
        stage = tmp / "stage"
        stage.mkdir()
        for n in sizes:
            z = make(tmp / f"WDI_CSV-{n}.zip", n)
            with zipfile.ZipFile(z) as zf:
                member = zf.getinfo("WDICSV.csv").file_size
            ours_cmd = [sys.executable, __file__, "ingest", str(z), str(stage)]
            base_cmd = [sys.executable, __file__, "csv", str(z)]
            _run(ours_cmd), _run(base_cmd)  # warm the file cache
            ours, base = [], []
            for _ in range(repeat):
                ours.append(_run(ours_cmd))
                base.append(_run(base_cmd))
            got[n] = (ours, base, member, z.stat().st_size)
            if n == max(sizes):
                whole_rows = after_ingest(row, show, z, n, tmp / "whole", repeat)
            z.unlink()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    def med(runs: list[tuple[float, float, float]], i: int) -> float:
        return statistics.median(r[i] for r in runs)

    big, small = max(sizes), min(sizes)
    ours, base, member, _ = got[big]
    rows = [
        show(
            row(
                f"{PREFIX}ingest, {big:,} lines, {member / 1e6:.0f} MB (vs bare csv pass)",
                [r[0] for r in ours],
                [r[0] for r in base],
                f"ratio ≤ {RATIO_MAX}",
                lambda r: r.ratio <= RATIO_MAX,
            )
        ),
        show(
            row(
                f"{PREFIX}peak RSS of that ingest (vs the csv pass's)",
                [r[1] for r in ours],
                [r[1] for r in base],
                f"≤ {RSS_MAX_MB:g} MB",
                lambda r: r.median <= RSS_MAX_MB,
                "MB",
            )
        ),
    ]
    if big > small:
        k = big / small
        for what, i in (("time", 0), ("peak RSS", 1)):
            # Linear: at most k times the cost, or growing no faster than the csv pass, which is linear by
            # construction (on a shared machine, load can change between the sizes for both alike).
            growth = med(got[big][0], i) / med(got[small][0], i)
            base_growth = med(got[big][1], i) / med(got[small][1], i)
            rows.append(
                show(
                    row(
                        f"{PREFIX}ingest {what}, {small:,} -> {big:,} lines ({k:g}x; vs the csv pass's growth)",
                        [growth],
                        [base_growth],
                        f"≤ {k:g}x, or ratio ≤ {GROWTH_SLACK}",
                        lambda r, k=k: r.median <= k or r.ratio <= GROWTH_SLACK,
                        "x",
                    )
                )
            )
    rows += whole_rows
    table = [
        "",
        SECTION,
        "",
        "Generated `WDI_CSV.zip` (`benchmarks/wdi_bulk.py`: the real header, 65 year columns, about a third of the "
        "cells filled; in a temporary folder, never committed). Ingest = `kzict.ingest_bulk.ingest_bulk` in a fresh "
        "process (hashing the download, the streaming cut of the tracked indicators' lines and series records, "
        "writing them; the build excluded); baseline = a bare `csv.reader` pass over the same member streamed from "
        "the same zip, in its own fresh process. `ingest` and `csv pass` time that work alone; the wall columns add "
        "interpreter start and imports (for the ingest pandas and pandera, which the build that follows it imports "
        f"anyway). Medians of {repeat} runs, alternating.",
        "",
        "| lines | data member | zip | ingest | csv pass | ratio | µs per line | wall: ingest | wall: csv pass | "
        "peak RSS: ingest | peak RSS: csv pass |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for n, (o, b, member, size) in sorted(got.items()):
        table.append(
            f"| {n:,} | {member / 1e6:.0f} MB | {size / 1e6:.0f} MB | {med(o, 0):.2f} s | {med(b, 0):.2f} s | "
            f"{med(o, 0) / med(b, 0):.2f} | {med(o, 0) / n * 1e6:.1f} | {med(o, 2):.2f} s | {med(b, 2):.2f} s | "
            f"{med(o, 1):.0f} MB | {med(b, 1):.0f} MB |"
        )
    return rows, table


def main(argv: list[str]) -> int:
    what, zip_path = argv[0], Path(argv[1])
    if what == "make":
        make(zip_path, int(argv[2]))
        return 0
    if what == "whole":
        out = whole(zip_path, Path(argv[2]), Path(argv[3]))
    else:
        out = ingest(zip_path, Path(argv[2])) if what == "ingest" else csv_pass(zip_path)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
