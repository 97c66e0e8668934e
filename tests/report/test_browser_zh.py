"""The Chinese index.html in Chromium: Chinese headings, drawn with a font that has them."""

from __future__ import annotations

import pytest

from chromium import ARGS, CHROMIUM, MARKS
from pestle.present import i18n
from pestle.report.context import SECTIONS

pytestmark = MARKS


@pytest.fixture(scope="module")
def seen(built_zh):
    playwright = pytest.importorskip("playwright.sync_api")
    url = (built_zh.out / "index.html").as_uri()
    errors: list[str] = []
    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(url, wait_until="load")
            page.wait_for_function(
                """() => [...document.querySelectorAll('div.vega[data-chart]')]
                    .every(el => el.querySelector('svg, canvas'))""",
                timeout=20000,
            )
            h2 = page.locator("main h2").all_inner_texts()
            lang = page.evaluate("document.documentElement.lang")
            family = page.evaluate("getComputedStyle(document.body).fontFamily")
            # a font the page asks for has every character of the headings
            covered = page.evaluate(
                """(text) => document.fonts.check('16px "WenQuanYi Micro Hei"', text)""",
                "".join(h2),
            )
            chart_text = page.evaluate(
                """() => [...document.querySelectorAll('div.vega svg text')]
                    .map(t => t.textContent).join(' ')"""
            )
        finally:
            browser.close()
    return {"h2": h2, "lang": lang, "family": family, "covered": covered,
            "charts": chart_text, "errors": errors}  # fmt: skip


def test_the_browser_shows_the_chinese_headings(seen) -> None:
    with i18n.use("zh"):
        wanted = [f"{n} {i18n.gettext(t)}" for n, (_, t, _) in enumerate(SECTIONS, start=1)]
        notes = i18n.gettext("Notes and evidence")
    assert [" ".join(h.split()) for h in seen["h2"]] == [*wanted, notes]
    assert seen["lang"] == "zh-CN"
    assert seen["errors"] == []


def test_the_headings_font_has_their_glyphs(seen) -> None:
    assert seen["family"].startswith('"WenQuanYi Micro Hei"')
    assert seen["covered"] is True


def test_the_live_charts_speak_chinese(seen) -> None:
    assert "复合材料" in seen["charts"] and "万吨" in seen["charts"]
