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


def test_statements_page_cards_and_filters_in_a_browser(site, browser):
    """One card per statement; the verdict and topic filters show exactly the matching cards."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    df = kzict.statements()
    browser.get((site / "statements.html").as_uri())
    cards = browser.find_elements(By.CSS_SELECTOR, ".kzict-statement")
    assert [c.get_attribute("id") for c in cards] == list(df["id"])
    shown = lambda: [c.get_attribute("id") for c in cards if c.is_displayed()]  # noqa: E731
    verdict, topic = (
        Select(browser.find_element(By.CSS_SELECTOR, f"select[data-filter='{f}']")) for f in ("verdict", "topic")
    )
    verdict.select_by_value("inconsistent")
    assert shown() == list(df.loc[df["verdict"] == "inconsistent", "id"])
    topic.select_by_value("broadband")
    assert shown() == list(df.loc[(df["verdict"] == "inconsistent") & (df["topic"] == "broadband"), "id"]) == ["C23"]
    assert browser.find_element(By.CSS_SELECTOR, ".kzict-filters .kzict-shown").text == f"1 of {len(df)} shown"
    verdict.select_by_value("")
    topic.select_by_value("")
    assert len(shown()) == len(df)
    card = browser.find_element(By.ID, "C11")
    assert "90.924" in card.text and "WDI release 2026-07-13" in card.text and "consistent" in card.text.lower()
    links = card.find_elements(By.TAG_NAME, "a")
    assert [a.get_attribute("href") for a in links] == [df.set_index("id").loc["C11", "url"]]
    assert not [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def test_statements_page_shows_data_text_as_text():
    """A quote, note or address is escaped; Markdown in it stays text; a non-http(s) address is no link."""
    from kzict.site.statements import page

    df = kzict.statements().head(1).copy()
    df.loc[0, "quote"] = "<script>alert(1)</script>\n\n[click](javascript:alert(1)) **bold**"
    df.loc[0, "url"] = "javascript:alert(1)"
    md = page(df)
    assert "<script>alert" not in md and "&lt;script&gt;alert(1)&lt;/script&gt;" in md
    assert 'href="javascript' not in md and "[click](javascript:alert(1)) **bold**" in md


KEY_COLUMNS = {  # page -> the columns a reader must see at 1280 px without scrolling sideways
    "datasets/wdi_indicators.html": ("year", "value"),
    "datasets/wdi_vintages.html": ("year", "value", "release"),
    "datasets/egov_index.html": ("edition", "egdi_rank"),
    "scorecard.html": ("status",),
    "datasets/ik2020_scorecard.html": ("status",),
    "audit.html": ("status", "explanation"),
}
BOXES = """
const out = {};
for (const th of document.querySelectorAll('.kzict-scroll table thead th')) {
  if (th.textContent in out) continue;
  const r = th.getBoundingClientRect(), c = th.closest('.kzict-scroll').getBoundingClientRect();
  out[th.textContent] = [r.left, r.right, Math.max(c.left, 0), Math.min(c.right, window.innerWidth)];
}
return out;
"""


def test_key_columns_are_visible_without_scrolling_sideways(site, browser):
    assert browser.execute_script("return window.innerWidth") == 1280
    errors = []
    for page, columns in KEY_COLUMNS.items():
        browser.get((site / page).as_uri())
        boxes = browser.execute_script(BOXES)
        for col in columns:
            left, right, lo, hi = boxes[col]
            if not (lo <= left and right <= hi):
                errors.append(f"{page}: {col} spans {left:.0f}-{right:.0f} px, the table shows {lo:.0f}-{hi:.0f}")
    assert not errors, "\n".join(errors)


def test_the_table_filter_keeps_rows_holding_every_word(site, browser):
    from selenium.webdriver.common.by import By

    browser.get((site / "datasets" / "wdi_indicators.html").as_uri())
    box = browser.find_element(By.CSS_SELECTOR, ".kzict-table")
    box.find_element(By.CSS_SELECTOR, "input.kzict-search").send_keys("KAZ IT.NET.USER.ZS")
    texts = browser.execute_script(VISIBLE_ROWS.replace(".length", ".map(r => r.textContent.toLowerCase())"), box)
    df = kzict.load("wdi_indicators")
    both = df[(df["iso3"] == "KAZ") & (df["indicator_code"] == "IT.NET.USER.ZS")]
    assert len(texts) == len(both) > 0  # no other row holds "kaz" (Kazakhstan) and the code
    assert all("kaz" in t and "it.net.user.zs" in t for t in texts)
    assert box.find_element(By.CSS_SELECTOR, ".kzict-shown").text == str(len(both))


def test_site_search_finds_what_the_tables_hold_with_cells_apart(site, browser):
    import json

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get((site / "index.html").as_uri())
    browser.find_element(By.CSS_SELECTOR, "input.md-search__input").send_keys("Uzbekistan")
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item"))
    links = {a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, ".md-search-result__link")}
    assert any("datasets/wdi_indicators.html" in h for h in links) and any("egov_index.html" in h for h in links)
    # the index's text keeps table cells apart: a row reads "KAZ Kazakhstan", never "KAZKazakhstan"
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    text = " ".join(d["text"] for d in docs if d["location"].startswith("datasets/ict_value_added.html"))
    row = kzict.load("ict_value_added").iloc[0]
    assert f"{row['country']} {row['iso3']}" in text or f"{row['iso3']} {row['country']}" in text
    assert f"{row['country']}{row['iso3']}" not in text


def test_the_coverage_page_holds_the_matrix(site):
    page = (site / "coverage.html").read_text(encoding="utf-8")
    assert "Coverage of the WDI indicators" in page and "wdi-IT.NET.USER.ZS-2026-07-13.csv" in page
    assert re.search(r"<code>IT\.NET\.USER\.ZS</code></td>\s*<td>% of population</td>\s*<td>2024 b</td>", page)


def test_peer_brief_page_in_a_browser(site, browser):
    """The brief's page: one table row per indicator of peer_brief, its numbers, and its charts."""
    from selenium.webdriver.common.by import By

    from kzict.brief import peer_brief

    brief = peer_brief()
    browser.get((site / "brief.html").as_uri())
    rows = browser.find_elements(By.CSS_SELECTOR, "table.kzict-brief tbody tr")
    assert len(rows) == len(brief)
    net = next(r for r in rows if r.text.startswith("Individuals using the Internet (% of population)"))
    assert "93.3917" in net.text and "2026-07-13" in net.text and "2017-2025" in net.text
    images = browser.find_elements(By.CSS_SELECTOR, "article img")
    assert {i.get_attribute("alt") for i in images} >= {
        "wdi_indicators_peer_brief",
        "wdi_indicators_peer_internet_users",
    }
    assert all(browser.execute_script("return arguments[0].naturalWidth", i) > 0 for i in images)
    assert not [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]


def test_peer_brief_page_shows_data_text_as_text():
    from kzict.brief import peer_brief
    from kzict.site.brief import page

    df = peer_brief().head(1).copy()
    df.loc[0, "indicator"] = "<script>alert(1)</script> **x**"
    md = page(df, set())
    assert "<script>alert" not in md and "&lt;script&gt;alert(1)&lt;/script&gt; **x**" in md
