"""`pestle serve --watch` in Chromium: a saved case file reloads the read-only pages, offers
a reload on a page with inputs, and a broken file shows its error on the page."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from case_edit import edit_line
from chromium import ARGS, CHROMIUM, MARKS

from .servers import running

pytestmark = MARKS

NATIONAL_GROWTH = 'value: 5.4, quality: firm, source: "National Bureau'
REFERENCE = "sources/xinjiang_reference.yaml"
WAIT_MS = 30_000


@pytest.fixture
def served(case_copy: Path, tmp_path: Path) -> Iterator[tuple[str, object]]:
    from pestle.present.vendor import vega_bundle
    from pestle.store import Store
    from pestle.web import create_app

    vega_bundle()
    app = create_app(case_copy, watch=True, store=Store(str(tmp_path / "live.db")))
    with running(app) as base:
        (watcher,) = app.state.pestle.watchers
        assert watcher.ready.wait(30)
        yield base, app


@pytest.fixture
def browser() -> Iterator[object]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def test_pages_follow_the_case_as_its_files_are_saved(served, browser, case_copy) -> None:
    base, _ = served
    errors: list[str] = []
    context = browser.new_context()
    checks, scenarios = context.new_page(), context.new_page()
    for page in (checks, scenarios):
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
    checks.goto(base + "/checks", wait_until="load")
    scenarios.goto(base + "/scenarios", wait_until="load")
    failed_before = int(checks.inner_text(".c-fail strong"))

    edit_line(case_copy / REFERENCE, NATIONAL_GROWTH, NATIONAL_GROWTH.replace("5.4", "4.0"))
    # the checks page reloads itself: the new page carries the new revision
    checks.wait_for_function("() => document.body.dataset.revision === '1'", timeout=WAIT_MS)
    assert int(checks.inner_text(".c-fail strong")) == failed_before + 1  # the growth gap
    # the scenarios page keeps its inputs and offers a reload instead
    scenarios.wait_for_selector("#live-banner:not([hidden])", timeout=WAIT_MS)
    assert "changed on disk (xinjiang_reference.yaml)" in scenarios.inner_text("#live-banner")
    assert scenarios.is_visible("#live-reload")
    assert scenarios.evaluate("document.body.dataset.revision") == "0"
    scenarios.click("#live-reload")
    scenarios.wait_for_function("() => document.body.dataset.revision === '1'", timeout=WAIT_MS)
    assert scenarios.is_hidden("#live-banner")

    edit_line(case_copy / "parameters.yaml", "range: [10, 14]", "range: [10, 14")
    checks.wait_for_selector("#live-banner:not([hidden])", timeout=WAIT_MS)
    banner = checks.inner_text("#live-banner")
    assert "The case did not reload" in banner and "parameters.yaml:" in banner
    assert checks.is_hidden("#live-reload")

    edit_line(case_copy / "parameters.yaml", "range: [10, 14", "range: [10, 14]")
    checks.wait_for_function("() => document.body.dataset.revision === '2'", timeout=WAIT_MS)
    assert checks.is_hidden("#live-banner")
    assert errors == []
    context.close()
