"""The ``kzict`` command (also ``python -m kzict``).

kzict list                       the datasets
kzict describe NAME              a dataset's codebook
kzict show NAME [--format csv]   a dataset as CSV (default) or a table
kzict build [--raw DIR] [--out DIR]   rebuild data/clean from data/raw
kzict validate                   checksums and full schemas of every clean table
kzict export --xlsx PATH         every table in one Excel workbook
kzict audit [--format md|csv]    the claims audit
kzict cite [NAME] [--style text|bibtex]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="kzict", description="Statistics of Kazakhstan's ICT sector.")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("list", help="list the datasets", description="List the datasets.")
    p = sub.add_parser("describe", help="print a dataset's codebook", description="Print a dataset's codebook.")
    p.add_argument("name")
    p = sub.add_parser("show", help="print a dataset", description="Print a dataset.")
    p.add_argument("name")
    p.add_argument("--format", choices=["csv", "table"], default="csv")
    p = sub.add_parser("build", help="rebuild data/clean from data/raw", description="Rebuild data/clean.")
    p.add_argument("--raw", type=Path)
    p.add_argument("--out", type=Path)
    sub.add_parser(
        "validate",
        help="verify checksums and schemas of every clean table",
        description="Verify checksums and run every pandera schema.",
    )
    p = sub.add_parser("export", help="export every table", description="Export every table to one workbook.")
    p.add_argument("--xlsx", type=Path, required=True, help="path of the .xlsx to write")
    p = sub.add_parser("audit", help="the claims audit", description="Recompute every claim of the thesis.")
    p.add_argument("--format", choices=["md", "csv"], default="md")
    p = sub.add_parser("cite", help="how to cite kzict or a dataset's sources", description="Print a citation.")
    p.add_argument("name", nargs="?")
    p.add_argument("--style", choices=["text", "bibtex"], default="text")
    return ap


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    import kzict
    from kzict.errors import IntegrityError, RawDataError, UnknownDatasetError

    try:
        if args.command == "list":
            for name in kzict.datasets():
                print(name)
        elif args.command == "describe":
            print(kzict.describe(args.name))
        elif args.command == "show":
            df = kzict.load(args.name)
            if args.format == "csv":
                df.to_csv(sys.stdout, index=False, lineterminator="\n")
            else:
                print(df.to_string(index=False))
        elif args.command == "build":
            from kzict.pipeline.__main__ import main as build_main

            return build_main(
                [a for k in ("raw", "out") if getattr(args, k) for a in (f"--{k}", str(getattr(args, k)))]
            )
        elif args.command == "validate":
            n = kzict.verify().files
            for name in kzict.datasets():
                kzict.load(name, validate=True)
            print(f"{n} files match their checksums; {len(kzict.datasets())} datasets pass their schemas")
        elif args.command == "export":
            from kzict.export import export_xlsx

            print(export_xlsx(args.xlsx))
        elif args.command == "audit":
            from kzict.claims import report

            df = kzict.audit()
            if args.format == "csv":
                df.to_csv(sys.stdout, index=False, lineterminator="\n")
            else:
                print(report(df))
        elif args.command == "cite":
            print(kzict.cite(args.name, style=args.style))
    except (UnknownDatasetError, IntegrityError, RawDataError) as exc:
        print(f"kzict: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `kzict show x | head`
        return 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
