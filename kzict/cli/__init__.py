"""The ``kzict`` command (also ``python -m kzict``).

kzict --version
kzict list [--long]                       the datasets (--long: rows, years, sources)
kzict search WORD...                      datasets whose names, titles, descriptions, columns or units say WORD
kzict describe NAME                       a dataset's codebook
kzict show NAME [--format csv|table]      a dataset as CSV (default) or an aligned table
kzict cite [NAME] [--style text|bibtex|csl-json]   cite kzict, or the sources of a dataset
kzict validate                            checksums and full schemas of every clean table
kzict export --xlsx PATH [--force]        every table in one Excel workbook
kzict audit [--format md|csv]             the claims audit
kzict build [--raw DIR] [--out DIR]       rebuild the clean tables from the raw workbooks
kzict ingest wdi FILE... [--raw DIR] [--allow-drops] [--allow-revisions] [--out DIR]
                                          add World Bank downloads and rebuild, all or nothing

The metadata commands (--version, list, search, describe) read only the descriptor: they never import pandas.
Every error kzict raises on purpose is printed as ``kzict: <message>`` with exit status 2, without a traceback.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import NoReturn

COMMANDS = ("list", "search", "describe", "show", "cite", "validate", "export", "audit", "build", "ingest")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """argparse's message, plus "did you mean" for a mistyped command or choice."""
        from kzict.catalogue import did_you_mean

        m = re.search(r"invalid choice: '([^']*)' \(choose from (.*)\)", message)
        if m:
            hint = did_you_mean(m[1], re.findall(r"'([^']*)'", m[2]))
            message += f"; {hint}" if hint else ""
        self.exit(2, f"{self.format_usage()}{self.prog}: error: {message}\n")


class _Version(argparse.Action):
    def __call__(self, parser, namespace, values, option_string=None):
        import kzict

        print(f"kzict {kzict.__version__}")
        parser.exit(0)


def _parser() -> argparse.ArgumentParser:
    ap = _Parser(prog="kzict", description="Statistics of Kazakhstan's ICT sector as clean, validated, sourced tables.")
    ap.add_argument("--version", action=_Version, nargs=0, help="print kzict's version and exit")
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Parser)
    p = sub.add_parser("list", help="list the datasets with their titles", description="List the datasets.")
    p.add_argument("--long", "-l", action="store_true", help="also rows, years and sources")
    p = sub.add_parser("search", help="find datasets by word", description="Find datasets: every WORD must occur.")
    p.add_argument("words", nargs="+", metavar="WORD")
    p = sub.add_parser("describe", help="print a dataset's codebook", description="Print a dataset's codebook.")
    p.add_argument("name")
    p = sub.add_parser("show", help="print a dataset", description="Print a dataset.")
    p.add_argument("name")
    p.add_argument("--format", choices=["csv", "table"], default="csv")
    p = sub.add_parser("cite", help="how to cite kzict or a dataset's sources", description="Print a citation.")
    p.add_argument("name", nargs="?")
    p.add_argument("--style", default="text", help="text (default), bibtex or csl-json")
    sub.add_parser(
        "validate",
        help="verify checksums and schemas of every clean table",
        description="Verify checksums and run every pandera schema.",
    )
    p = sub.add_parser("export", help="export every table", description="Export every table to one workbook.")
    p.add_argument("--xlsx", type=Path, required=True, help="path of the .xlsx to write")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p = sub.add_parser("audit", help="the claims audit", description="Recompute every claim of the thesis.")
    p.add_argument("--format", choices=["md", "csv"], default="md")
    p = sub.add_parser("build", help="rebuild the clean tables from the raw workbooks", description=_BUILD_HELP)
    p.add_argument("--raw", type=Path, help="raw folder (default: the clone's data/raw, or the installed package's)")
    p.add_argument(
        "--out", type=Path, help="clean folder to write (default: data/clean in a clone, else ./kzict-clean)"
    )
    p = sub.add_parser("ingest", help="add downloaded source files, then rebuild", description="Add source files.")
    wdi = p.add_subparsers(dest="source", required=True, metavar="SOURCE", parser_class=_Parser)
    w = wdi.add_parser("wdi", help="World Bank WDI bulk downloads", description="Add World Bank WDI bulk downloads.")
    w.add_argument("files", nargs="+", type=Path, metavar="FILE", help="API_*.csv, API_*.xls or the zip")
    w.add_argument("--raw", type=Path, help="the raw folder to add to (default: the clone's data/raw)")
    w.add_argument("--allow-drops", action="store_true", help="accept a release that withdrew earlier values")
    w.add_argument(
        "--allow-revisions", action="store_true", help="accept a release that revised values tenfold or renamed"
    )
    w.add_argument("--out", type=Path, help="clean folder to rebuild (default: as for build)")
    return ap


_BUILD_HELP = (
    "Rebuild the clean tables from the raw workbooks, validated, all or nothing. From an installed "
    "package, the shipped raw data are built into ./kzict-clean unless --out names a folder; the "
    "package's own data are never written."
)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    if not (sys.argv[1:] if argv is None else argv):
        parser.print_help()
        return 0
    args = parser.parse_args(argv)
    from kzict.errors import KzictError

    try:
        return _run(args)
    except KzictError as exc:
        print(f"kzict: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `kzict show x | head`: the reader has all it wants
        import os

        # Python flushes stdout at exit and would complain about the closed pipe: point it at devnull.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:  # an output path that cannot be written
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"kzict: {where}{exc.strerror or exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    import kzict

    if args.command == "list":
        from kzict import catalogue
        from kzict.cli import render

        print(render.catalogue(catalogue.entries(long=args.long), long=args.long))
    elif args.command == "search":
        return _search(args.words)
    elif args.command == "describe":
        print(kzict.describe(args.name))
    elif args.command == "show":
        df = kzict.load(args.name)
        if args.format == "csv":
            df.to_csv(sys.stdout, index=False, lineterminator="\n")
        else:
            from kzict.cli import render

            print(render.table(df))
    elif args.command == "cite":
        try:
            print(kzict.cite(args.name, style=args.style))
        except ValueError as exc:  # a style cite() does not know
            print(f"kzict: {exc}", file=sys.stderr)
            return 2
    elif args.command == "validate":
        from kzict.pipeline import conformance

        summary = kzict.verify()
        conformance.check()  # the descriptor says what the models say (an edit plus its checksum line is caught)
        for name in kzict.datasets():
            kzict.load(name, validate=True)
        checked = f"{summary} files match their checksums" if isinstance(summary, int) else str(summary)
        print(f"{checked}; the descriptor matches the models; {len(kzict.datasets())} datasets pass their schemas")
    elif args.command == "export":
        from kzict.export import export_xlsx

        print(export_xlsx(args.xlsx, force=args.force))
    elif args.command == "audit":
        from kzict.claims import report

        df = kzict.audit()
        if args.format == "csv":
            df.to_csv(sys.stdout, index=False, lineterminator="\n")
        else:
            print(report(df))
    elif args.command == "build":
        from kzict.cli.build import build

        return build(args.raw, args.out)
    elif args.command == "ingest":
        from kzict.cli.build import ingest_wdi

        return ingest_wdi(args.files, args.raw, args.allow_drops, args.out, args.allow_revisions)
    return 0


def _search(words: list[str]) -> int:
    from kzict import catalogue
    from kzict.cli import render

    found = catalogue.search(*words)
    if found:
        print(render.hits(found))
        return 0
    vocabulary = catalogue.vocabulary()
    hints = [h for w in words if (h := catalogue.did_you_mean(w.casefold(), vocabulary, cutoff=0.75))]
    said = " ".join(words)
    print(f"kzict: no dataset mentions {said!r}" + (f"; {' '.join(hints)}" if hints else ""), file=sys.stderr)
    return 1
