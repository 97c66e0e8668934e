"""index.html in Chromium: loads offline with no console error, every chart draws."""

from __future__ import annotations

import pytest

from chromium import ARGS, CHROMIUM, MARKS

pytestmark = MARKS


@pytest.fixture(scope="module")
def page_report(built):
    playwright = pytest.importorskip("playwright.sync_api")
    url = (built.out / "index.html").as_uri()
    requests: list[str] = []
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})

            def route(r):  # any request but the page itself is a failure
                requests.append(r.request.url)
                if r.request.url == url:
                    r.continue_()
                else:
                    r.abort()

            page.route("**/*", route)
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url, wait_until="load")
            n = page.locator("div.vega[data-chart]").count()
            if n:
                page.wait_for_function(
                    """() => [...document.querySelectorAll('div.vega[data-chart]')]
                        .every(el => el.querySelector('svg, canvas'))""",
                    timeout=15000,
                )
            drawn = page.evaluate(
                """() => [...document.querySelectorAll('div.vega[data-chart]')].map(el => {
                    const g = el.querySelector('svg, canvas');
                    const r = g ? g.getBoundingClientRect() : {width: 0, height: 0};
                    return [el.dataset.chart, r.width, r.height,
                            g ? g.querySelectorAll('path, rect, line, text').length : 0];
                })"""
            )
            fit = page.evaluate(
                """() => ({
                    tables: [...document.querySelectorAll('figure.table')].map(f => [
                        f.id, f.querySelector('table').scrollWidth, f.clientWidth,
                        Math.min(...[...f.querySelectorAll('thead th')].map(
                            th => th.getBoundingClientRect().width))]),
                    charts: [...document.querySelectorAll('div.vega[data-chart]')].map(el => {
                        const spec = JSON.parse(
                            document.getElementById('spec-' + el.dataset.chart).textContent);
                        const g = el.querySelector('svg, canvas');
                        return [el.dataset.chart, !!spec.autosize,
                                g ? g.getBoundingClientRect().width : 0, el.clientWidth];
                    }),
                })"""
            )
            title = page.title()
        finally:
            browser.close()
    return {
        "url": url,
        "requests": requests,
        "errors": errors,
        "drawn": drawn,
        "title": title,
        "fit": fit,
    }


def test_every_table_fits_its_column(page_report) -> None:
    too_wide = [(t, w, box) for t, w, box, _ in page_report["fit"]["tables"] if w > box + 1]
    assert too_wide == []
    # and fits by wrapping words, not by squeezing a column to a letter a line
    squeezed = [(t, narrowest) for t, _, _, narrowest in page_report["fit"]["tables"]]
    assert [(t, n) for t, n in squeezed if n < 30] == []  # a letter a line: about 15 px


def test_every_one_panel_chart_fills_its_box(page_report) -> None:
    charts = [c for c in page_report["fit"]["charts"] if c[1]]
    assert charts, "no chart is laid out to its box's width"
    thin = [(c, w, box) for c, _fits, w, box in charts if w < 0.95 * box]
    assert thin == []


def test_the_page_makes_no_network_request(page_report) -> None:
    assert page_report["requests"] == [page_report["url"]]


def test_the_page_logs_no_console_error(page_report) -> None:
    assert page_report["errors"] == []


def test_every_chart_draws_a_visible_graphic(page_report, built) -> None:
    charts = built.html.count('<div class="vega" data-chart=')
    assert len(page_report["drawn"]) == charts
    for chart_id, width, height, marks in page_report["drawn"]:
        assert width > 100 and height > 50, chart_id
        assert marks > 5, chart_id
    assert page_report["title"]
