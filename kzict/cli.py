"""The ``kzict`` command: ``kzict list``, ``kzict describe NAME``, ``kzict show NAME``, ``kzict build``."""
from __future__ import annotations

import argparse
import sys


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="kzict", description="Statistics of Kazakhstan's ICT sector.")
    sub = ap.add_subparsers(dest="command", required=True)
    sub.add_parser("list", help="list the datasets")
    for cmd, text in (("describe", "print a dataset's codebook"), ("show", "print a dataset as CSV")):
        sub.add_parser(cmd, help=text).add_argument("name")
    sub.add_parser("build", help="rebuild data/clean from data/raw")
    args = ap.parse_args(argv)

    import kzict
    from kzict.errors import UnknownDatasetError

    try:
        if args.command == "list":
            for name in kzict.datasets():
                print(name)
        elif args.command == "describe":
            print(kzict.describe(args.name))
        elif args.command == "show":
            kzict.load(args.name).to_csv(sys.stdout, index=False, lineterminator="\n")
        elif args.command == "build":
            from kzict.build.__main__ import main as build_main
            return build_main([])
    except UnknownDatasetError as exc:
        print(f"kzict: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
