"""The ``kzict`` command (also ``python -m kzict``).

kzict --version
kzict list [--long]                       the datasets (--long: rows, years, sources)
kzict search WORD...                      datasets whose names, titles, descriptions, columns or units say WORD,
                                          or whose rows hold it (economies, ISO3 and indicator codes, units, editions)
kzict describe NAME [--data-dir DIR]      a dataset's codebook
kzict show NAME [--format csv|table] [--data-dir DIR]   a dataset as CSV (default) or an aligned table
kzict verify [--data-dir DIR]             checksums of every clean file (DIR: a folder `build --out` wrote)
kzict cite [NAME] [--style text|bibtex|csl-json]   cite kzict, or the sources of a dataset
kzict validate [--data-dir DIR]           checksums and full schemas of every clean table
kzict export --xlsx PATH [--force]        every table in one Excel workbook
kzict export --claimreview FILE.jsonld    the public statements audit as schema.org ClaimReview records
kzict audit [--format md|csv]             the claims audit
kzict statements [--verdict V]            what officials and the press say, checked (--format table|csv)
kzict build [--raw DIR] [--out DIR]       rebuild the clean tables from the raw workbooks
kzict ingest wdi FILE... [--release YYYY-MM-DD] [--raw DIR] [--allow-drops] [--allow-revisions] [--out DIR]
                                          add World Bank downloads (WDI_CSV.zip: --release) and rebuild,
                                          all or nothing

The metadata commands (--version, list, search, describe) read only the descriptor: they never import pandas.
--data-dir DIR (or the KZICT_DATA environment variable) reads a clean folder that `kzict build --out DIR`
or `kzict ingest` wrote instead of the package's data.
Every error kzict raises on purpose is printed as ``kzict: <message>`` with exit status 2, without a traceback.
build, ingest, export and audit need the ``build`` extra; without it they say so the same way (kzict/_extras.py).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import NoReturn

COMMANDS = (
    "list",
    "search",
    "describe",
    "show",
    "cite",
    "validate",
    "verify",
    "export",
    "audit",
    "statements",
    "build",
    "ingest",
)
_DATA_DIR_HELP = (
    "a clean folder that `kzict build --out DIR` or `kzict ingest` wrote (default: $KZICT_DATA, else kzict's)"
)


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
    p = sub.add_parser(
        "search",
        help="find datasets by word",
        description="Find datasets: every WORD must occur, in the metadata or in what the table holds.",
    )
    p.add_argument("words", nargs="+", metavar="WORD")
    p = sub.add_parser("describe", help="print a dataset's codebook", description="Print a dataset's codebook.")
    p.add_argument("name")
    p.add_argument("--data-dir", type=Path, help=_DATA_DIR_HELP)
    p = sub.add_parser("show", help="print a dataset", description="Print a dataset.")
    p.add_argument("name")
    p.add_argument("--format", choices=["csv", "table"], default="csv")
    p.add_argument("--data-dir", type=Path, help=_DATA_DIR_HELP)
    p = sub.add_parser("cite", help="how to cite kzict or a dataset's sources", description="Print a citation.")
    p.add_argument("name", nargs="?")
    p.add_argument("--style", default="text", help="text (default), bibtex or csl-json")
    p = sub.add_parser(
        "validate",
        help="verify checksums and schemas of every clean table",
        description="Verify checksums and run every pandera schema.",
    )
    p.add_argument("--data-dir", type=Path, help=_DATA_DIR_HELP)
    p = sub.add_parser(
        "verify", help="verify the checksums of every clean file", description="Verify every clean file's checksum."
    )
    p.add_argument("--data-dir", type=Path, help=_DATA_DIR_HELP)
    p = sub.add_parser("export", help="export every table", description="Export every table to one workbook.")
    p.add_argument("--xlsx", type=Path, help="path of the .xlsx to write")
    p.add_argument("--claimreview", type=Path, help="path of the .jsonld of ClaimReview records to write")
    p.add_argument("--force", action="store_true", help="replace the file if it exists")
    p = sub.add_parser("audit", help="the claims audit", description="Recompute every claim of the thesis.")
    p.add_argument("--format", choices=["md", "csv"], default="md")
    p = sub.add_parser("statements", help="public statements, checked", description="Public statements, checked.")
    p.add_argument("--verdict", choices=["consistent", "inconsistent", "unverifiable"], help="only this verdict")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    p = sub.add_parser("build", help="rebuild the clean tables from the raw workbooks", description=_BUILD_HELP)
    p.add_argument("--raw", type=Path, help="raw folder (default: the clone's data/raw, or the installed package's)")
    p.add_argument(
        "--out", type=Path, help="clean folder to write (default: data/clean in a clone, else ./kzict-clean)"
    )
    p = sub.add_parser("ingest", help="add downloaded source files, then rebuild", description="Add source files.")
    wdi = p.add_subparsers(dest="source", required=True, metavar="SOURCE", parser_class=_Parser)
    w = wdi.add_parser("wdi", help="World Bank WDI bulk downloads", description="Add World Bank WDI bulk downloads.")
    w.add_argument("files", nargs="+", type=Path, metavar="FILE", help="API_*.csv, API_*.xls, a zip, WDI_CSV.zip")
    w.add_argument(
        "--release", metavar="YYYY-MM-DD", help="the full download's release date (required: WDI_CSV.zip states none)"
    )
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
    from kzict._extras import NEEDS, require

    if args.command in NEEDS:  # build, ingest, export, audit: one line naming the extra, before any work
        require(args.command)
    if args.command == "list":
        from kzict import catalogue
        from kzict.cli import render

        print(render.catalogue(catalogue.entries(long=args.long), long=args.long))
    elif args.command == "search":
        return _search(args.words)
    elif args.command == "describe":
        print(kzict.describe(args.name, data_dir=args.data_dir))
    elif args.command == "show":
        df = kzict.load(args.name, data_dir=args.data_dir)
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
        from kzict import _store
        from kzict.pipeline import conformance

        summary = kzict.verify(data_dir=args.data_dir)
        conformance.check(_store.clean_folder(args.data_dir))  # the descriptor says what the models say
        for name in kzict.datasets(args.data_dir):
            kzict.load(name, validate=True, data_dir=args.data_dir)
        checked = f"{summary} files match their checksums" if isinstance(summary, int) else str(summary)
        n = len(kzict.datasets(args.data_dir))
        print(f"{checked}; the descriptor matches the models; {n} datasets pass their schemas")
    elif args.command == "verify":
        print(kzict.verify(data_dir=args.data_dir))
    elif args.command == "export":
        if (args.xlsx is None) == (args.claimreview is None):
            print("kzict: export needs one of --xlsx PATH or --claimreview FILE.jsonld", file=sys.stderr)
            return 2
        if args.claimreview is not None:
            from kzict.claimreview import export_claimreview

            print(export_claimreview(args.claimreview, force=args.force))
        else:
            from kzict.export import export_xlsx

            print(export_xlsx(args.xlsx, force=args.force))
    elif args.command == "audit":
        from kzict.claims import report

        df = kzict.audit()
        if args.format == "csv":
            df.to_csv(sys.stdout, index=False, lineterminator="\n")
        else:
            print(report(df))
    elif args.command == "statements":
        return _statements(args.verdict, args.format)
    elif args.command == "build":
        from kzict.cli.build import build

        return build(args.raw, args.out)
    elif args.command == "ingest":
        from kzict.cli.build import ingest_wdi

        return ingest_wdi(args.files, args.raw, args.allow_drops, args.out, args.allow_revisions, args.release)
    return 0


def _statements(verdict: str | None, fmt: str) -> int:
    import kzict
    from kzict.statement_audit import readable, summary

    df = kzict.statements(verdict)
    if fmt == "csv":
        df.to_csv(sys.stdout, index=False, lineterminator="\n")
        return 0
    from kzict.cli import render

    print(render.table(readable(df)))
    print(f"\n{summary(df)}" + (f" (--verdict {verdict})" if verdict else ""))
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
