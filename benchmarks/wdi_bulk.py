"""The full-WDI ingest benchmark: a generated ``WDI_CSV.zip`` of the real layout and size, never committed.

    python benchmarks/wdi_bulk.py make ZIP ROWS          # write the benchmark download
    python benchmarks/wdi_bulk.py ingest ZIP STAGE      # kzict's ingest of it (the build excluded)
    python benchmarks/wdi_bulk.py csv ZIP               # the baseline: a bare csv pass over its data member

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
PREFIX = "WDI download: "  # run.py --only wdi replaces the rows that start with it
SECTION = "## Full WDI download: cost by size"
YEARS = list(range(1960, 2025))  # 65 year columns
ECONOMIES = 266
TRACKED = (  # kzict.tables._wdi.INDICATORS, listed here so that generating needs no kzict import
    "TX.VAL.ICTG.ZS.UN TM.VAL.ICTG.ZS.UN BX.GSR.CCIS.CD BX.GSR.CCIS.ZS BX.GSR.CMCP.ZS BM.GSR.CMCP.ZS "
    "IT.NET.USER.ZS IT.NET.BBND.P2 IT.NET.BBND IT.MLT.MAIN.P2 IT.MLT.MAIN IT.CEL.SETS.P2 IT.CEL.SETS "
    "IT.NET.SECR.P6 TX.VAL.TECH.MF.ZS TX.VAL.TECH.CD TX.VAL.MRCH.CD.WT TM.VAL.MRCH.CD.WT NY.GDP.MKTP.CD "
    "GB.XPD.RSDV.GD.ZS SP.POP.SCIE.RD.P6 IP.JRN.ARTC.SC IP.PAT.RESD"
).split()
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


def _indicators(per_economy: int) -> list[tuple[str, str]]:
    """``per_economy`` codes, the tracked ones spread among made-up ones, as in the real file's order."""
    made = [(f"XX.SYN.{i:04d}", f"Made-up indicator {i}, total (% of GDP)") for i in range(per_economy)]
    step = max(1, per_economy // len(TRACKED))
    for k, code in enumerate(TRACKED[:per_economy]):
        made[min(k * step, per_economy - 1)] = (code, f"Tracked indicator {code} (per 100 people)")
    return sorted(made)


def _tails(rng: random.Random, n: int = 4096) -> list[str]:
    """Year cells for a line: ~1/3 filled, numbers of the lengths WDI prints."""
    out = []
    for _ in range(n):
        start = rng.choice((1960, 1970, 1990, 2000))
        cells = []
        for y in YEARS:
            if y < start or rng.random() < 0.53:
                cells.append("")
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
    tails = _tails(rng)
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
                    fh.write(_q([name, iso, label, code])[:-3] + "," + tails[rng.randrange(len(tails))])
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
    staged = ingest_bulk(zip_path, "2026-07-01", stage, snap_dir=REPO / "data" / "raw" / "snapshots")
    work = time.perf_counter() - t
    return {"kept": [s.row["bytes"] for s in staged], "work_s": work, "peak_mb": _peak_mb()}


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
    out = ingest(zip_path, Path(argv[2])) if what == "ingest" else csv_pass(zip_path)
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
