"""The dashboard's language switch in Chromium: Chinese headings, kept from page to page."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from chromium import ARGS, CHROMIUM, MARKS

from .servers import running

pytestmark = MARKS


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from pestle.present.vendor import vega_bundle
    from pestle.store import Store
    from pestle.web import create_app

    vega_bundle()
    db = tmp_path_factory.mktemp("browser-zh") / "pestle.db"
    with running(create_app(token="zh-token", store=Store(str(db)))) as base:
        yield base


@pytest.fixture(scope="module")
def page(server):  # type: ignore[no-untyped-def]
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1360, "height": 900})
        pg = context.new_page()
        pg.errors = []  # type: ignore[attr-defined]
        pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        yield pg
        browser.close()


def _h2(pg) -> list[str]:  # type: ignore[no-untyped-def]
    return [" ".join(t.split()) for t in pg.locator("main h2").all_inner_texts()]


def test_the_switch_turns_the_dashboard_chinese_and_back(page, server) -> None:
    page.goto(server + "/", wait_until="load")
    assert "Key findings" in _h2(page)
    page.locator("nav.lang-switch a[hreflang=zh]").click()
    page.wait_for_load_state("load")
    assert "主要发现" in _h2(page) and "Key findings" not in _h2(page)
    assert page.evaluate("document.documentElement.lang") == "zh-CN"
    assert page.locator("nav.tabs a").first.inner_text() == "概览"
    page.wait_for_function(
        """() => [...document.querySelectorAll('div.vega')]
            .every(el => el.querySelector('svg, canvas'))""",
        timeout=20000,
    )
    assert page.errors == []  # type: ignore[attr-defined]


def test_the_choice_is_kept_on_the_next_page(page, server) -> None:
    page.goto(server + "/?lang=zh", wait_until="load")
    page.locator("nav.tabs a[href='/checks']").click()
    page.wait_for_load_state("load")
    assert page.title().startswith("检查")
    page.goto(server + "/", wait_until="load")
    assert "主要发现" in _h2(page)
    page.locator("nav.lang-switch a[hreflang=en]").click()
    page.wait_for_load_state("load")
    assert "Key findings" in _h2(page)
    page.goto(server + "/", wait_until="load")
    assert "Key findings" in _h2(page)
