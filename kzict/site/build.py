"""``python -m kzict.site``: generate the static data site (a mkdocs-material project) and build it.

The Markdown is written into a work folder (``build/site`` by default, never committed), then mkdocs
builds the HTML into ``site/``. Everything comes from kzict's public API and the clean data folder, so
a new dataset gets its page without a change here. Equal inputs give equal files: mkdocs takes its
build date from ``SOURCE_DATE_EPOCH`` (set to the newest release date of the changelog) and the Excel
workbook's zip and document dates are pinned to the same day.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import shutil
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path

import kzict
from kzict.site import brief as brief_page
from kzict.site import coverage, pages
from kzict.site import statements as statements_page
from kzict.site.charts import match, read_charts
from kzict.site.tables import PREVIEW_OVER, PREVIEW_ROWS, rows_script

WORKBOOK = "downloads/kzict.xlsx"
# attr_list stays for the pages' own Markdown: data text reaches them through kzict.site.safe only.
MARKDOWN_EXTENSIONS: list = ["admonition", "attr_list", "tables", {"toc": {"permalink": True}}, "pymdownx.superfences"]


def release_date(changelog: Path) -> datetime:
    """The newest dated heading of the changelog ('## 0.1.0 — 2026-11-24'), or the epoch."""
    text = changelog.read_text(encoding="utf-8") if changelog.is_file() else ""
    found = re.search(r"^##.*?(\d{4}-\d{2}-\d{2})", text, re.M)
    return (
        datetime.strptime(found.group(1), "%Y-%m-%d").replace(tzinfo=UTC) if found else datetime.fromtimestamp(0, UTC)
    )


def pin_workbook(path: Path, when: datetime) -> None:
    """Re-date an exported workbook to ``when`` (zip entries and document dates), as the export pins its own."""
    from kzict.export import _pinned

    path.write_bytes(_pinned(path.read_bytes(), when))


def _key_values(df, key) -> set[str]:
    return {v for k in key if k in df for v in df[k].dropna() if isinstance(v, str)}


def write_project(
    work: Path,
    out: Path,
    clean: Path,
    figures: Path,
    changelog: Path,
    preview_over: int = PREVIEW_OVER,
    preview_rows: int = PREVIEW_ROWS,
    workbook: Path | None = None,
) -> Path:
    """Write the mkdocs project (mkdocs.yml + docs/) into ``work``; return the mkdocs.yml path.
    ``workbook``: an export of the same ``clean`` already made (the tests share one), used instead of a new one."""
    if work.exists():
        shutil.rmtree(work)
    docs = work / "docs"
    for sub in ("datasets", "downloads", "assets/figures"):
        (docs / sub).mkdir(parents=True)
    package = json.loads((clean / "datapackage.json").read_text(encoding="utf-8"))
    frames = {name: kzict.load(name) for name in kzict.datasets()}
    books = {name: kzict.describe(name) for name in frames}
    charts = match(
        read_charts(figures),
        {n: b.locator for n, b in books.items()},
        {n: _key_values(frames[n], books[n].key) for n in frames},
    )
    site = pages.Site(package, frames, charts, preview_over, preview_rows)

    for asset in resources.files("kzict.site").joinpath("assets").iterdir():
        (docs / "assets" / asset.name).write_bytes(asset.read_bytes())
    for name, df in frames.items():
        if len(df) > preview_over:
            rows = (docs / "datasets" / pages.rows_src(name)).resolve()  # the path the page links to
            rows.parent.mkdir(parents=True, exist_ok=True)
            rows.write_text(rows_script(pages.rows_src(name), pages.reading_order(site, name)), encoding="utf-8")
    for png in sorted(figures.glob("*.png")):
        shutil.copyfile(png, docs / "assets" / "figures" / png.name)
    for res in package["resources"]:
        shutil.copyfile(clean / res["path"], docs / "downloads" / res["path"])
    shutil.copyfile(clean / "datapackage.json", docs / "downloads" / "datapackage.json")
    if workbook is not None:
        shutil.copyfile(workbook, docs / WORKBOOK)
    else:
        with contextlib.redirect_stdout(io.StringIO()):
            from kzict.cli import main as cli

            cli(["export", "--xlsx", str(docs / WORKBOOK)])
    pin_workbook(docs / WORKBOOK, release_date(changelog))

    written = {
        "index.md": pages.home(site),
        "scorecard.md": pages.scorecard(site),
        "coverage.md": coverage.markdown(frames[coverage.DATASET], heading="#"),
        "audit.md": pages.audit(),
        "corrections.md": pages.corrections(site),
        "downloads.md": pages.downloads(site, WORKBOOK),
        "changelog.md": changelog.read_text(encoding="utf-8") if changelog.is_file() else "# Changelog\n",
        **{f"datasets/{name}.md": pages.dataset(site, name) for name in frames},
    }
    if "public_statements" in frames:  # the statements' cards: their own module (kzict/site/statements.py)
        written[statements_page.PAGE] = statements_page.page(frames["public_statements"])
    if "wdi_indicators" in frames:  # the peer brief: its own module (kzict/site/brief.py)
        from kzict.brief import peer_brief

        written[brief_page.PAGE] = brief_page.page(peer_brief(), {p.stem for p in figures.glob("*.png")})
    for rel, text in written.items():
        (docs / rel).write_text(text, encoding="utf-8")
    config = {
        "site_name": "kzict",
        "site_description": package.get("description", ""),
        "docs_dir": "docs",
        "site_dir": str(out.resolve()),
        "use_directory_urls": False,  # links end in .html, so the site works from file://
        "strict": True,
        "theme": {
            "name": "material",
            "font": False,  # no Google Fonts: the site must work offline
            "features": ["content.code.copy", "navigation.top", "navigation.sections"],
        },
        "plugins": ["search", "offline"],  # offline: search works from file:// too
        "markdown_extensions": MARKDOWN_EXTENSIONS,
        # The offline plugin would load this shim from a CDN; a vendored copy keeps the site offline.
        "extra": {"polyfills": ["assets/iframe-worker-shim.js"]},
        "extra_css": ["assets/kzict.css", "assets/statements.css"],
        "extra_javascript": ["assets/kzict.js", "assets/statements.js"],
        "nav": [
            {"Home": "index.md"},
            {"Datasets": [{books[n].title: f"datasets/{n}.md"} for n in frames]},
            {coverage.TITLE: "coverage.md"},
            {"Targets and outcomes": "scorecard.md"},
            {"Claims audit": "audit.md"},
            *([{statements_page.TITLE: statements_page.PAGE}] if "public_statements" in frames else []),
            *([{brief_page.TITLE: brief_page.PAGE}] if "wdi_indicators" in frames else []),
            {"Corrections": "corrections.md"},
            {"Downloads": "downloads.md"},
            {"Changelog": "changelog.md"},
        ],
    }
    yml = work / "mkdocs.yml"
    yml.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")  # JSON is YAML
    return yml


def build(out: Path, work: Path, clean: Path, figures: Path, changelog: Path, **kw) -> Path:
    """Generate the project in ``work`` and build the HTML into ``out``; return ``out``."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    yml = write_project(work, out, clean, figures, changelog, **kw)
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(release_date(changelog).timestamp()))
    try:
        mkdocs_build(load_config(str(yml)))
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
    # mkdocs' 404 page links from the server root, which is wrong from file:// and under a sub-path.
    (out / "404.html").unlink(missing_ok=True)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kzict.site", description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path("site"), help="where the HTML goes (default: site)")
    ap.add_argument("--work", type=Path, default=Path("build/site"), help="the generated mkdocs project")
    ap.add_argument("--clean", type=Path, default=Path("data/clean"), help="the clean data (for datapackage.json)")
    ap.add_argument("--figures", type=Path, default=Path("figures"))
    ap.add_argument("--changelog", type=Path, default=Path("CHANGELOG.md"))
    args = ap.parse_args(argv)
    print(build(args.out, args.work, args.clean, args.figures, args.changelog) / "index.html")
    return 0
