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
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
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
            if y < start or rng.random() < 0.4:
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
    from kzict.ingest_bulk import ingest_bulk

    staged = ingest_bulk(zip_path, "2026-07-01", stage, snap_dir=REPO / "data" / "raw" / "snapshots")
    return {"kept": [s.row["bytes"] for s in staged], "peak_mb": _peak_mb()}


def csv_pass(zip_path: Path) -> dict:
    import csv
    import io

    with zipfile.ZipFile(zip_path) as zf, zf.open("WDICSV.csv") as raw:
        n = sum(1 for _ in csv.reader(io.TextIOWrapper(raw, encoding="utf-8", newline="")))
    return {"rows": n, "peak_mb": _peak_mb()}


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
