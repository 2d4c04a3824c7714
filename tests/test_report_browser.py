"""The HTML report in a real browser (headless Chromium through chromedriver).

The page must load with no console errors and no network requests, every
internal link must land on an element, ids must be unique, the filters must
work, and markup injected through report text must not run.  A screenshot of
each page is saved under ``out/test-output/`` (``REPORTDIFF_TEST_OUTPUT``).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, write_years

from reportdiff._compare import compare, read_reports
from reportdiff.report_html import to_html
from reportdiff.tables.report import build

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
CHROMEDRIVER = shutil.which("chromedriver")
OUTPUT = Path(os.environ.get("REPORTDIFF_TEST_OUTPUT", ROOT / "out" / "test-output"))

PWN = (
    "<script>document.title='PWNED'</script>"
    "<img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">"
    "[x](javascript:alert(1))$\\frac{1}{0}$"
)


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    assert CHROMIUM and CHROMEDRIVER, (
        "the browser tests need Chromium and chromedriver: apt-get install chromium chromium-driver "
        "(.ci/run installs them)"
    )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--allow-file-access-from-files"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    d.set_page_load_timeout(120)
    yield d
    d.quit()


def _injected_series(tmp_path: Path) -> list[Path]:
    return write_years(tmp_path, {
        2020: f"2020年工作报告\n\n一、工作回顾\n\n（一）稳增长。国内生产总值增长6%。{PWN}\n\n（二）惠民生。居民收入增长5%。\n",
        2021: f"2021年工作报告\n\n一、工作回顾\n\n（一）稳增长。国内生产总值增长8%。{PWN}城镇新增就业1200万人。\n\n"
        "（二）惠民生。居民收入增长7%。\n\n（三）新任务。研发投入增长10%。\n",
    })


def _open(driver: Any, page: Path) -> dict[str, Any]:
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(page.as_uri())
    checks = driver.execute_script(
        """
        const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
        const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
        const links = [...document.querySelectorAll('a[href^="#"]')].map(a => a.getAttribute('href').slice(1));
        const broken = links.filter(id => id && !document.getElementById(decodeURIComponent(id)));
        const pairs = [...document.querySelectorAll('details.pair')].map(d => d.id);
        const linked = new Set(links);
        return {dup: [...new Set(dup)], broken: [...new Set(broken)], links: links.length,
                unlinked_pairs: pairs.filter(id => !linked.has(id)), pairs: pairs.length,
                title: document.title, pwned: document.body.getAttribute('data-pwned'),
                external: [...document.querySelectorAll('[src],[href]')]
                  .map(e => e.getAttribute('src') || e.getAttribute('href'))
                  .filter(u => /^(https?:)?\\/\\//.test(u)),
                width: document.documentElement.scrollWidth};
        """
    )
    console = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    requests = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            url = msg["params"]["request"]["url"]
            if not url.startswith(("file:", "data:")):
                requests.append(url)
    checks["console"] = console
    checks["requests"] = requests
    OUTPUT.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(OUTPUT / f"{page.stem}.png"))
    return checks


def test_report_with_injected_markup_loads_clean_and_runs_none_of_it(driver: Any, tmp_path: Path) -> None:
    page = tmp_path / "injected.html"
    page.write_text(to_html(build(compare(read_reports(_injected_series(tmp_path))))), encoding="utf-8")
    checks = _open(driver, page)
    assert [] == checks["console"]
    assert [] == checks["requests"]
    assert [] == checks["external"]
    assert [] == checks["dup"]
    assert [] == checks["broken"]
    assert "PWNED" not in checks["title"]
    assert checks["pwned"] is None


def test_gov_report_every_pair_reachable_filters_work_and_phone_width_fits(
    driver: Any, tmp_path: Path, gov_comparison: Any
) -> None:
    """The report of the last three government work reports (2017–2019)."""
    from selenium.webdriver.common.by import By

    page = tmp_path / "gov-work-report.html"
    page.write_text(to_html(build(gov_comparison)), encoding="utf-8")
    checks = _open(driver, page)
    assert [] == checks["console"]
    assert [] == checks["requests"]
    assert [] == checks["dup"]
    assert [] == checks["broken"]
    assert checks["pairs"] > 10
    assert [] == checks["unlinked_pairs"]

    # a filter hides every section row that is not of its kind, and "all" shows them again
    # (one script reads every row's state: a WebDriver round trip per row costs seconds)
    shown_rows = """return [...document.querySelectorAll('tr[data-kinds]')]
        .map(r => [r.getClientRects().length > 0, r.dataset.kinds])"""
    rows = driver.execute_script(shown_rows)
    driver.find_element(By.CSS_SELECTOR, "a[data-filter='renamed']").click()
    shown = [kinds for displayed, kinds in driver.execute_script(shown_rows) if displayed]
    assert shown and all("renamed" in kinds.split() for kinds in shown)
    assert len(shown) < len(rows)
    driver.find_element(By.CSS_SELECTOR, "a[data-filter='all']").click()
    assert len(rows) == sum(1 for displayed, _ in driver.execute_script(shown_rows) if displayed)

    # following a link to a redline opens it
    first = driver.find_element(By.CSS_SELECTOR, "details.pair").get_attribute("id")
    driver.execute_script(f"location.hash = '#{first}'")
    assert driver.execute_script(f"return document.getElementById('{first}').open")

    # nothing wider than a phone screen forces the page to scroll sideways
    driver.set_window_size(390, 900)
    driver.refresh()
    assert driver.execute_script("return document.documentElement.scrollWidth") <= 400
    driver.save_screenshot(str(OUTPUT / "gov-work-report-phone.png"))
    driver.set_window_size(1400, 1000)
