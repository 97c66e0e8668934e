"""The PDF's charts: every label inside its chart's box, in English and in Chinese; and no
page left less than a quarter full unless a chapter starts on the next page."""

from __future__ import annotations

from typing import Any

import pytest
from report_pdflayout import (
    PageLayout,
    chapter_starts,
    chart_boxes,
    cut_glyphs,
    fill,
    glyphs_in,
    layouts,
    svg_size,
)

MARGIN_PT = 20 / 25.4 * 72  # @page margin, top and bottom (report.css)


def _pages(built: Any) -> list[PageLayout]:
    return layouts(built.out / "report.pdf")


def _sizes(built: Any) -> list[tuple[float, float]]:
    figures = [f for f in built.result.figures if f.suffix == ".svg"]
    assert figures, "the report has no charts to check"
    return [svg_size(f.read_text(encoding="utf-8")) for f in figures]


@pytest.fixture(scope="module")
def built(built_pdf: Any) -> Any:
    """The English tests here run on the PDF of each engine."""
    return built_pdf


@pytest.fixture(scope="module")
def pages(built: Any) -> list[PageLayout]:
    return _pages(built)


@pytest.fixture(scope="module")
def pages_zh(built_zh: Any) -> list[PageLayout]:
    return _pages(built_zh)


def _check_charts(built: Any, pages: list[PageLayout]) -> None:
    sizes = _sizes(built)
    boxes = chart_boxes(pages, sizes)
    assert len(boxes) == len(sizes)
    for box in boxes:
        page = pages[box.page - 1]
        assert glyphs_in(page, box), f"page {box.page}: a chart without text glyphs"
        cut = cut_glyphs(page, box)
        assert not cut, f"page {box.page}: chart labels cut at the box's edge: " + "".join(
            g.text for g in cut
        )


def test_every_chart_label_lies_inside_its_box(built, pages) -> None:
    _check_charts(built, pages)


def test_every_chart_label_lies_inside_its_box_in_chinese(built_zh, pages_zh) -> None:
    _check_charts(built_zh, pages_zh)


def test_a_label_past_the_box_is_found(pages) -> None:
    """The check can fail: a glyph moved over the box's right edge counts as cut."""
    page = next(p for p in pages if p.white_rects and p.glyphs)
    box = max(page.white_rects, key=lambda b: b.width * b.height)
    glyph = next(g for g in page.glyphs if box.holds(g.box))
    moved = type(glyph.box)(page.number, box.x1 - 2, glyph.box.y0, box.x1 + 4, glyph.box.y1)
    page.glyphs.append(type(glyph)(glyph.text, moved))
    try:
        assert cut_glyphs(page, box) == [page.glyphs[-1]]
    finally:
        page.glyphs.pop()


def _part_filled(built: Any, pages: list[PageLayout]) -> list[tuple[int, float]]:
    starts = chapter_starts(built.out / "report.pdf")
    return [
        (p.number, round(fill(p, MARGIN_PT, MARGIN_PT), 2))
        for p in pages
        if fill(p, MARGIN_PT, MARGIN_PT) < 0.25
        and p.number + 1 not in starts
        and p.number != len(pages)
    ]


def test_no_page_is_less_than_a_quarter_full(built, pages) -> None:
    assert _part_filled(built, pages) == []


def test_no_page_is_less_than_a_quarter_full_in_chinese(built_zh, pages_zh) -> None:
    assert _part_filled(built_zh, pages_zh) == []
