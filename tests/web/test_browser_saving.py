"""Saving work in the dashboard, in Chromium: a judgment edit and a named scenario are saved
through the pages into a COPY of the case, the files change on disk and a reload shows them;
a bad edit is refused with the loader's message and the files stay as they were; every
chart downloads as an SVG and a PNG image."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from chromium import ARGS, CHROMIUM, MARKS

from .servers import running

TOKEN = "saving-token"
CASE = "xinjiang_composites"
DIMENSIONS = 'table[data-matrix="dimensions"]'

pytestmark = MARKS


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pestle.case.writer import package_folder

    target = tmp_path_factory.mktemp("saving") / "case"
    shutil.copytree(package_folder() / "cases" / CASE, target)
    return target


@pytest.fixture(scope="module")
def server(folder: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from pestle.present.vendor import vega_bundle
    from pestle.store import Store
    from pestle.web import create_app

    vega_bundle()
    db = tmp_path_factory.mktemp("saving-store") / "pestle.db"
    with running(create_app(folder, token=TOKEN, store=Store(str(db)))) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    playwright = pytest.importorskip("playwright.sync_api")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1360, "height": 900}, accept_downloads=True)
    p = context.new_page()
    errors: list[str] = []
    p.on("pageerror", lambda e: errors.append(str(e)))
    p.base = server  # type: ignore[attr-defined]
    p.errors = errors  # type: ignore[attr-defined]
    yield p
    context.close()
    assert errors == []


def open_page(page: Any, path: str) -> Any:
    page.goto(page.base + path, wait_until="load")
    page.wait_for_function(
        "() => window.pestle && [...document.querySelectorAll('.vega')]"
        ".every(el => el.classList.contains('drawn'))",
        timeout=20_000,
    )
    return page


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def saved_status(page: Any, kind: str) -> str:
    bar = f'.save-bar[data-save="{kind}"]'
    page.wait_for_function(
        "s => document.querySelector(s).getAttribute('data-saved-at') !== null",
        arg=bar,
        timeout=30_000,
    )
    return page.inner_text(f"{bar} .js-save-status")


def test_a_judgment_edit_is_saved_to_disk_and_found_after_a_reload(page: Any, folder: Path) -> None:
    path = folder / "judgments.yaml"
    open_page(page, "/judgments")
    cell = f'{DIMENSIONS} select[data-i="0"][data-j="1"]'
    assert page.input_value(cell) == "2"
    page.select_option(cell, "3")
    page.wait_for_function("() => document.body.getAttribute('data-updated') !== null")
    page.fill('.save-bar[data-save="judgments"] .js-save-token', TOKEN)
    page.click('.save-bar[data-save="judgments"] .js-save')
    assert "judgments.yaml" in saved_status(page, "judgments")
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["ahp"]["dimensions"]["rows"]
    assert rows["political"][1] == 3 and rows["economic"][0] == "1/3"
    assert "# ILLUSTRATIVE." in path.read_text(encoding="utf-8")  # comments kept
    open_page(page, "/judgments")
    assert page.input_value(cell) == "3"


def test_an_inconsistent_edit_is_refused_with_the_loader_message(page: Any, folder: Path) -> None:
    path = folder / "judgments.yaml"
    before = digest(path)
    open_page(page, "/judgments")
    page.select_option(f'{DIMENSIONS} select[data-i="0"][data-j="1"]', "9")
    page.select_option(f'{DIMENSIONS} select[data-i="0"][data-j="2"]', "1/9")
    page.wait_for_function("() => document.body.getAttribute('data-updated') !== null")
    page.evaluate(f"() => window.pestle.setToken({TOKEN!r})")
    page.click('.save-bar[data-save="judgments"] .js-save')
    error = page.locator("#judgment-error")
    error.wait_for(state="visible")
    text = error.inner_text()
    line = row_line(path, "political")
    assert f"{path}:{line}: matrix 'dimensions' is inconsistent: CR = " in text
    assert digest(path) == before


def test_a_named_scenario_is_saved_and_listed_after_a_reload(page: Any, folder: Path) -> None:
    path = folder / "scenarios.yaml"
    open_page(page, "/scenarios")
    page.select_option("#scenario-a", "as_stated")
    page.wait_for_function("() => document.body.getAttribute('data-updated-a') !== null")
    page.select_option('select.js-choice[name="aggregation"]', "max")
    page.fill("#scenario-name", "lowest_bases")
    page.fill("#scenario-description", "Stated bases, overlaps counted as their largest")
    page.evaluate(f"() => window.pestle.setToken({TOKEN!r})")
    page.click('.save-bar[data-save="scenarios"] .js-save')
    assert "scenarios.yaml" in saved_status(page, "scenarios")
    saved = yaml.safe_load(path.read_text(encoding="utf-8"))["scenarios"]["lowest_bases"]
    assert saved == {
        "description": "Stated bases, overlaps counted as their largest",
        "set": {"capacity_path": "bases", "aggregation": "max"},
    }
    open_page(page, "/scenarios")
    assert "lowest_bases" in page.eval_on_selector_all(
        "#scenario-b option", "os => os.map(o => o.value)"
    )
    page.select_option("#scenario-b", "lowest_bases")
    page.wait_for_function("() => document.body.getAttribute('data-updated-b') !== null")
    assert page.locator("#demand-error").is_hidden()


def test_a_bad_scenario_name_is_refused_and_the_file_unchanged(page: Any, folder: Path) -> None:
    path = folder / "scenarios.yaml"
    open_page(page, "/scenarios")
    page.fill("#scenario-name", "observed")  # a scenario of the case already
    page.evaluate(f"() => window.pestle.setToken({TOKEN!r})")
    before = digest(path)
    page.click('.save-bar[data-save="scenarios"] .js-save')
    error = page.locator("#demand-error")
    error.wait_for(state="visible")
    assert "already has a scenario 'observed'" in error.inner_text()
    assert digest(path) == before


def test_judgments_download_as_yaml(page: Any) -> None:
    open_page(page, "/judgments")
    with page.expect_download() as info:
        page.click('.save-bar[data-save="judgments"] .js-download')
    download = info.value
    assert download.suggested_filename == "judgments.yaml"
    data = yaml.safe_load(Path(download.path()).read_text(encoding="utf-8"))
    assert set(data["ahp"]["dimensions"]["rows"]) == set(data["ahp"]["dimensions"]["labels"])


@pytest.mark.parametrize("path", ["/", "/judgments", "/scenarios"])
def test_every_chart_downloads_as_svg_and_png(page: Any, path: str) -> None:
    open_page(page, path)
    charts = page.eval_on_selector_all(".js-chart-image", "bs => bs.map(b => b.dataset.chart)")
    assert charts, "no chart download buttons"
    for chart in sorted(set(charts)):
        # Chromium stops a tab's downloads after ten in a row; a new page starts afresh
        open_page(page, path)
        for fmt, magic in (("svg", b"<svg"), ("png", b"\x89PNG\r\n\x1a\n")):
            with page.expect_download() as info:
                page.click(f'.js-chart-image[data-chart="{chart}"][data-format="{fmt}"]')
            download = info.value
            assert download.suggested_filename == f"{CASE}-{chart}.{fmt}"
            data = Path(download.path()).read_bytes()
            assert data.startswith(magic), (chart, fmt, data[:40])
            if fmt == "png":
                from PIL import Image

                with Image.open(download.path()) as img:
                    assert img.width > 200 and img.height > 100


@pytest.fixture(scope="module")
def report_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from pestle.report.build import build_report

    out = tmp_path_factory.mktemp("report")
    return build_report(out=out, formats="html").files["html"]


def test_every_chart_of_the_report_downloads_as_svg_and_png(
    browser: Any, report_html: Path
) -> None:
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(report_html.as_uri(), wait_until="load")
        page.wait_for_function(
            "() => [...document.querySelectorAll('div.vega[data-chart]')]"
            ".every(el => el.querySelector('svg.marks'))",
            timeout=30_000,
        )
        charts = page.eval_on_selector_all(
            "div.vega[data-chart]", "els => els.map(e => e.dataset.chart)"
        )
        assert len(charts) >= 5
        for k, chart in enumerate(charts):
            if k and k % 4 == 0:  # Chromium stops a tab's downloads after ten in a row
                page.reload(wait_until="load")
            box = f'div.vega[data-chart="{chart}"]'
            for fmt, magic in (("svg", b"<svg"), ("png", b"\x89PNG\r\n\x1a\n")):
                page.eval_on_selector(f"{box} details", "d => { d.open = true; }")
                with page.expect_download() as info:
                    page.click(f'{box} .vega-actions a[download="{chart}.{fmt}"]')
                data = Path(info.value.path()).read_bytes()
                assert data.startswith(magic), (chart, fmt, data[:40])
        # the export menu offers images only (no source, no editor link off the page)
        assert page.eval_on_selector_all(
            ".vega-actions a", "as => as.every(a => /\\.(svg|png)$/.test(a.download))"
        )
    finally:
        context.close()
    assert errors == []


def test_an_upload_lists_the_checks_it_bears_on_before_and_after(page: Any) -> None:
    open_page(page, "/upload")
    text = (
        "From January to May 2025, Xinjiang's total import and export value of foreign trade "
        "reached 227.67 billion yuan, a year-on-year increase of 20.1%.\n"
    )
    page.set_input_files(
        "#file", files=[{"name": "trade.txt", "mimeType": "text/plain", "buffer": text.encode()}]
    )
    page.fill("#token", TOKEN)
    page.click("#upload-button")
    page.locator("#upload-result").wait_for(state="visible", timeout=30_000)
    rows = page.locator("#r-checks tbody tr")
    first = rows.first.inner_text()
    assert "unit of the total import and export value column" in first
    assert "227.67 billion yuan (Jan–May 2025) — ×10 the case’s “227.67”" in first
    assert "agrees with" in first
    badges = rows.first.locator(".badge").all_inner_texts()
    assert badges == ["failed", "failed"]  # before and after


def row_line(path: Path, label: str) -> int:
    """The line of the first matrix row of `label` in a judgments file (where the loader
    points at an inconsistent matrix); the file's texts before it may take several lines."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.strip().startswith(f"{label}:"))
