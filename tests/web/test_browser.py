"""The dashboard in Chromium (Playwright): pages load cleanly and the live parts work.

A real uvicorn server runs in a thread on a free loopback port. Every page must load with no
console error (a Content-Security-Policy violation is one) and request nothing outside its
origin. Set PESTLE_SCREENSHOTS=DIR to keep a full-page screenshot of each page.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from chromium import ARGS, CHROMIUM, MARKS

from .servers import running

TOKEN = "browser-token"
PAGES = ["/", "/evidence", "/checks", "/judgments", "/scenarios", "/upload", "/api/docs"]

pytestmark = MARKS


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from pestle.present.vendor import vega_bundle
    from pestle.store import Store
    from pestle.web import create_app

    vega_bundle()  # build (or read) the offline Vega bundle before the first page asks
    db = tmp_path_factory.mktemp("browser") / "pestle.db"
    with running(create_app(token=TOKEN, store=Store(str(db)))) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Watched:
    """A page whose console errors and off-origin requests are recorded."""

    def __init__(self, browser, base: str) -> None:  # type: ignore[no-untyped-def]
        self.base = base
        self.errors: list[str] = []
        self.foreign: list[str] = []
        self.context = browser.new_context(viewport={"width": 1360, "height": 900})
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on(
            "request",
            lambda r: (
                None
                if r.url.startswith(base) or r.url.startswith("data:")
                else self.foreign.append(r.url)
            ),
        )

    def open(self, path: str) -> object:
        self.page.goto(self.base + path, wait_until="load")
        self.page.wait_for_function(
            "() => window.pestle && [...document.querySelectorAll('.vega')]"
            ".every(el => el.classList.contains('drawn'))",
            timeout=20_000,
        )
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def watched(browser, server) -> Iterator[Watched]:  # type: ignore[no-untyped-def]
    w = Watched(browser, server)
    yield w
    w.close()


def _canvas(page, chart_id: str) -> str:  # type: ignore[no-untyped-def]
    return page.eval_on_selector(f"#{chart_id} canvas", "c => c.toDataURL()")


@pytest.mark.parametrize("path", PAGES)
def test_every_page_loads_with_no_console_error(watched, path) -> None:
    page = watched.open(path)
    page.wait_for_load_state("networkidle")
    assert watched.errors == []
    assert watched.foreign == []
    charts = page.eval_on_selector_all(".vega canvas", "cs => cs.map(c => [c.width, c.height])")
    assert all(w > 100 and h > 50 for w, h in charts)
    keep = os.environ.get("PESTLE_SCREENSHOTS")
    if keep:
        name = path.strip("/").replace("/", "_") or "overview"
        Path(keep).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(keep) / f"{name}.png"), full_page=True)


def test_moving_a_slider_changes_the_chart_within_300_ms(watched) -> None:
    page = watched.open("/scenarios")
    before_chart = _canvas(page, "fan-a")
    before_total = page.inner_text("#totals-a tr.total .js-median")
    # the split of projected additions: it moves every projected year's blades
    slider = page.locator("#p-projection_wind_share")
    timings = []
    for value in ("0.2", "0.45", "0.25", "0.4", "0.3"):
        mark = page.get_attribute("body", "data-updated-a")
        t0 = time.perf_counter()
        slider.fill(value)
        page.wait_for_function(
            "m => document.body.getAttribute('data-updated-a') !== m", arg=mark, timeout=5_000
        )
        timings.append(time.perf_counter() - t0)
    assert _canvas(page, "fan-a") != before_chart
    assert page.inner_text("#totals-a tr.total .js-median") != before_total
    assert "fixed at 0.3" in page.inner_text(
        '.slider[data-param="projection_wind_share"] .js-value'
    )
    assert not page.is_hidden("#overrides-a")
    print("slider update seconds:", [round(t, 3) for t in timings])
    assert statistics.median(timings) < 0.3, timings
    assert watched.errors == []


def test_comparing_another_scenario_redraws_pane_b(watched) -> None:
    page = watched.open("/scenarios")
    before = _canvas(page, "fan-b")
    page.select_option("#scenario-b", "bases_max")
    page.wait_for_function("() => document.body.getAttribute('data-updated-b') !== null")
    assert _canvas(page, "fan-b") != before
    assert "30 GW" in page.inner_text("#desc-b")
    assert watched.errors == []


def test_editing_a_judgment_changes_the_weights(watched) -> None:
    page = watched.open("/judgments")
    weights = page.inner_text('.matrix-result[data-result="dimensions"] .js-weights')
    table = page.inner_text("#global-weights")
    chart = _canvas(page, "chart-weights")
    page.select_option('table[data-matrix="dimensions"] select[data-i="0"][data-j="3"]', "9")
    page.wait_for_function("() => document.body.getAttribute('data-updated') !== null")
    assert page.inner_text('.matrix-result[data-result="dimensions"] .js-weights') != weights
    assert page.inner_text("#global-weights") != table
    assert _canvas(page, "chart-weights") != chart
    recip = page.inner_text('table[data-matrix="dimensions"] td.recip[data-i="3"][data-j="0"]')
    assert recip == "1/9"
    assert watched.errors == []


def test_inconsistent_judgments_are_explained(watched) -> None:
    page = watched.open("/judgments")
    table = 'table[data-matrix="dimensions"]'
    for j in range(1, 6):
        page.select_option(f'{table} select[data-i="0"][data-j="{j}"]', "9")
    page.select_option(f'{table} select[data-i="1"][data-j="2"]', "1/9")
    page.select_option(f'{table} select[data-i="2"][data-j="3"]', "9")
    box = '.matrix-result[data-result="dimensions"]'
    page.wait_for_function(
        """b => !document.body.classList.contains('busy')
            && !document.querySelector(b + ' .js-explain').hidden
            && document.querySelector(b + ' .js-explain').textContent.includes('triad')""",
        arg=box,
        timeout=10_000,
    )
    assert "inconsistent triad" in page.inner_text(f"{box} .js-explain")
    assert "inconsistent" in page.inner_text('.matrix-result[data-result="dimensions"] .js-cr')


def test_an_influence_edit_moves_a_factor_between_groups(watched) -> None:
    page = watched.open("/judgments")
    assert "End-of-life waste" in page.inner_text("#effect-list")
    row = page.locator('table[data-kind="dematel"] tr[data-label="blade_end_of_life_waste"]')
    for sel in row.locator("select").all():
        sel.select_option("4")
    page.wait_for_function(
        """() => !document.body.classList.contains('busy')
            && document.getElementById('cause-list').textContent.includes('End-of-life waste')""",
        timeout=10_000,
    )
    assert "End-of-life waste" not in page.inner_text("#effect-list")


def test_selecting_a_number_shows_its_claim_checks_and_entities(watched) -> None:
    page = watched.open("/evidence")
    page.locator("a.claim", has_text="26 powers").first.click()
    panel = page.locator("#claim-detail")
    panel.get_by_text("Checks that use it").wait_for()
    text = panel.inner_text()
    assert "26 powers" in text
    assert panel.locator("details.finding").count() >= 1
    assert "ENTITY" in text.upper()
    assert watched.errors == []


def test_the_search_box_filters_the_checks(watched) -> None:
    page = watched.open("/checks")
    total = page.locator("details.finding").count()
    page.fill("input[name=q]", "UHV")
    page.wait_for_timeout(400)
    visible = page.locator("details.finding:visible").count()
    assert 0 < visible < total


def test_a_token_in_the_fragment_is_kept_and_removed_from_the_address(watched) -> None:
    page = watched.page
    page.goto(f"{watched.base}/#token={TOKEN}")
    assert "token" not in page.url
    page.goto(f"{watched.base}/upload")
    assert page.input_value("#token") == TOKEN
    assert page.is_visible("#token-state")


def _upload(page, name: str, data: bytes) -> None:  # type: ignore[no-untyped-def]
    page.set_input_files("#file", files=[{"name": name, "mimeType": "text/plain", "buffer": data}])
    page.fill("#token", TOKEN)
    page.click("#upload-button")


def test_uploading_a_document_shows_its_claims(watched) -> None:
    page = watched.open("/upload")
    _upload(page, "news.txt", b"In 2024 Xinjiang's GDP exceeded 2 trillion yuan, up 6.1%.\n")
    page.locator("#upload-result").wait_for(state="visible", timeout=30_000)
    claims = page.inner_text("#r-claims")
    assert "2 trillion yuan" in claims and "6.1%" in claims
    assert page.locator("#r-preview mark.claim").count() == 2
    assert "news" in page.inner_text("#r-title")
    assert watched.errors == []


def test_a_wrong_token_is_reported(watched) -> None:
    page = watched.open("/upload")
    page.set_input_files(
        "#file", files=[{"name": "x.txt", "mimeType": "text/plain", "buffer": b"5 GW"}]
    )
    page.fill("#token", "not-the-token")
    page.click("#upload-button")
    page.locator("#upload-error").wait_for(state="visible")
    assert "token" in page.inner_text("#upload-error")


def test_a_document_with_script_shows_as_text(watched) -> None:
    page = watched.open("/upload")
    hostile = (
        b"<script>window.__pwned = 1</script>\n"
        b'<img src="x" onerror="window.__pwned = 2"> The base has 5 GW.\n'
    )
    _upload(page, "hostile.txt", hostile)
    page.locator("#upload-result").wait_for(state="visible", timeout=30_000)
    preview = page.locator("#r-preview")
    assert "<script>window.__pwned = 1</script>" in preview.inner_text()
    assert preview.locator("script, img").count() == 0
    page.wait_for_timeout(300)
    assert page.evaluate("() => window.__pwned") is None
    assert watched.errors == []


def test_a_chinese_upload_is_highlighted_and_a_french_one_warns(watched) -> None:
    page = watched.open("/upload")
    text = "2024年,新疆地区生产总值突破2万亿元,同比增长6.1%;新增风电装机500万千瓦。\n"
    _upload(page, "新闻.txt", text.encode())
    page.locator("#upload-result").wait_for(state="visible", timeout=30_000)
    marks = [m.inner_text() for m in page.locator("#r-preview mark.claim").all()]
    assert marks == ["2万亿元", "6.1%", "500万千瓦"]
    assert "Warning" not in page.inner_text("#r-summary")
    page = watched.open("/upload")
    french = b"La production est en hausse de 5 % et les exportations de la r\xc3\xa9gion aussi."
    _upload(page, "presse.txt", french)
    page.locator("#upload-result").wait_for(state="visible", timeout=30_000)
    assert "looks like French text" in page.inner_text("#r-summary")
    assert watched.errors == []
