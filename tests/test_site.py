"""The data site, built once and visited page by page in headless Chromium (Debian's chromium + chromedriver).

Screenshots of each kind of page go to .pytest-artifacts/site/ (not committed) for a reader to look at.
"""

from __future__ import annotations

import csv
import os
import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

import kzict

pytestmark = pytest.mark.slow(3)  # scheduled early: see tests/conftest.py

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
DRIVER = Path("/usr/bin/chromedriver")
SHOTS = REPO / ".pytest-artifacts" / "site"


def _build(root: Path, **kw) -> Path:
    from kzict.site.build import build

    return build(root / "site", root / "work", REPO / "data" / "clean", REPO / "figures", REPO / "CHANGELOG.md", **kw)


@pytest.fixture(scope="session")
def site(tmp_path_factory, exported) -> Path:
    # Built as `make site` builds it: the large tables as a preview (search box + download), the rest whole;
    # once for all xdist workers, with the session's Excel export (test_same_inputs_same_site makes its own).
    from conftest import shared

    return shared(tmp_path_factory, "site", lambda root: _build(root, workbook=exported))


@pytest.fixture(scope="session")
def browser():
    if not (CHROMIUM.exists() and DRIVER.exists()):
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but chromium/chromedriver are missing: .ci/run installs them")
        pytest.skip("chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)")
    os.environ["SE_OFFLINE"] = "true"  # selenium-manager must never download a driver or a browser
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900"):
        opts.add_argument(arg)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=opts)
    yield driver
    driver.quit()


PAGE_FACTS = """
const q = (s) => [...document.querySelectorAll(s)];
return {
  loads: q('script[src],link[href],img[src]').map(e => e.src || e.href),
  unloaded: q('img').filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.src),
  hrefs: [...new Set(q('a[href]').map(a => a.href))],
};
"""


VISIBLE_ROWS = "return [...arguments[0].querySelectorAll('tbody tr')].filter(r => r.offsetParent !== null).length"


def _target(page: Path, href: str) -> tuple[Path, str] | None:
    """The local file (and fragment) an href points to; None for links that leave the site."""
    url = urlparse(href)
    if url.scheme not in ("file", ""):
        return None
    return Path(unquote(url.path)) if url.scheme == "file" else (
        page.parent / unquote(url.path)
    ).resolve(), url.fragment


def _has_id(html: Path, frag: str) -> bool:
    return not frag or f'id="{frag}"' in html.read_text(encoding="utf-8")


def _shot(driver, kind: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1280, min(max(height, 900), 5000))
    driver.save_screenshot(str(SHOTS / f"{kind}.png"))
    driver.set_window_size(1280, 900)


def _kind(rel: str, site: Path) -> str:
    if rel.startswith("datasets/"):
        return "dataset_preview" if "data-preview" in (site / rel).read_text(encoding="utf-8") else "dataset"
    return rel.removesuffix(".html")


def _check_table(driver, name: str, site: Path) -> list[str]:
    """The dataset page shows all rows, or the stated preview plus a search over all rows and the full CSV."""
    from selenium.webdriver.common.by import By

    n = len(kzict.load(name))
    box = driver.find_element(By.CSS_SELECTOR, ".kzict-table")
    visible = lambda: driver.execute_script(VISIBLE_ROWS, box)  # noqa: E731
    errors = []
    if int(box.get_attribute("data-rows")) != n:
        errors.append(f"{name}: data-rows {box.get_attribute('data-rows')} != {n}")
    href = box.find_element(By.CSS_SELECTOR, "a.kzict-download").get_attribute("href")
    with open(unquote(urlparse(href).path), encoding="utf-8", newline="") as f:
        if len(list(csv.DictReader(f))) != n:
            errors.append(f"{name}: the download does not hold {n} rows")
    preview = box.get_attribute("data-preview")
    if preview is None:
        if visible() != n or f"{n} rows" not in box.text:
            errors.append(f"{name}: {visible()} rows shown, expected all {n}")
        return errors
    shown = int(box.find_element(By.CSS_SELECTOR, ".kzict-shown").text)
    if visible() != int(preview) or shown != int(preview) or int(preview) >= n:
        errors.append(f"{name}: preview shows {visible()} rows, says {shown}, expected {preview} of {n}")
    last = str(kzict.load(name).iloc[-1, 0])  # a row beyond the preview: search must find it
    box.find_element(By.CSS_SELECTOR, "input.kzict-search").send_keys(last)
    texts = driver.execute_script(VISIBLE_ROWS.replace(".length", ".map(r => r.textContent)"), box)
    if not texts or not all(last.lower() in t.lower() for t in texts):
        errors.append(f"{name}: searching {last!r} shows {len(texts)} rows")
    return errors


def test_every_page_in_a_browser(site, browser):
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert len([p for p in pages if p.startswith("datasets/")]) == len(kzict.datasets())
    errors: list[str] = []
    shot: set[str] = set()
    for rel in pages:
        page = site / rel
        browser.get(page.as_uri())
        seen = browser.execute_script(PAGE_FACTS)
        errors += [
            f"{rel}: loads {src} from the network" for src in seen["loads"] if not src.startswith(("file:", "data:"))
        ]
        errors += [f"{rel}: image not loaded: {src}" for src in seen["unloaded"]]
        for href in seen["hrefs"]:
            target = _target(page, href)
            if target and not (target[0].is_file() and (target[0].suffix != ".html" or _has_id(*target))):
                errors.append(f"{rel}: broken link {href}")
        errors += [f"{rel}: console: {e['message']}" for e in browser.get_log("browser") if e["level"] == "SEVERE"]
        if _kind(rel, site) not in shot:
            shot.add(_kind(rel, site))
            _shot(browser, _kind(rel, site))
        if rel.startswith("datasets/"):
            errors += _check_table(browser, rel.removeprefix("datasets/").removesuffix(".html"), site)
    assert {"dataset", "dataset_preview", "index"} <= shot
    assert not errors, "\n".join(errors)


def test_search_works_from_file(site, browser):
    """Material's search runs in a worker; from file:// only the vendored shim makes that work."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get((site / "index.html").as_uri())
    browser.find_element(By.CSS_SELECTOR, "input.md-search__input").send_keys("export")
    hits = WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item"))
    assert hits
    _shot(browser, "search")
    assert not [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def test_same_inputs_same_site(site, tmp_path):
    again = _build(tmp_path)  # as `make site` does, with its own export: equal to the session's, byte for byte
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    assert [f for f in files if (site / f).read_bytes() != (again / f).read_bytes()] == []


def test_every_chart_is_on_a_dataset_page(site):
    shown = set(
        re.findall(
            r'src="\.\./assets/figures/([^"]+)"',
            "".join(p.read_text(encoding="utf-8") for p in (site / "datasets").glob("*.html")),
        )
    )
    assert shown == {p.name for p in (REPO / "figures").glob("*.png")}


def test_downloads(site):
    from openpyxl import load_workbook

    down = site / "downloads"
    assert {p.stem for p in down.glob("*.csv")} >= set(kzict.datasets())
    assert set(kzict.datasets()) <= set(load_workbook(down / "kzict.xlsx", read_only=True).sheetnames)
    assert (down / "datapackage.json").read_bytes() == (REPO / "data" / "clean" / "datapackage.json").read_bytes()


def test_the_coverage_page_holds_the_matrix(site):
    page = (site / "coverage.html").read_text(encoding="utf-8")
    assert "Coverage of the WDI indicators" in page and "wdi-KAZ-all-indicators-2026-04-08.csv" in page
    assert re.search(r"<code>IT\.NET\.USER\.ZS</code></td>\s*<td>% of population</td>\s*<td>2024 a</td>", page)
