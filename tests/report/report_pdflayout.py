"""Where things land on the pages of a PDF: each chart's box and the glyphs over it, and how
full each page is (pdfminer through pdfplumber, a reader independent of WeasyPrint).

A chart is an SVG image: WeasyPrint draws its white background as a filled rectangle the
size of the image, and its text as glyphs, some inside form XObjects (so the layout tree is
walked, figures included). A label that vl-convert measured with one font and the PDF
prints in another runs past that rectangle, where the image's clip cuts it: a glyph that
overlaps a chart's box without lying inside it is a cut label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.layout import LTChar, LTContainer, LTRect
from pypdf import PdfReader

PX_TO_PT = 0.75  # CSS px -> PDF points
_SIZE = re.compile(r'<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"')


@dataclass(frozen=True)
class Box:
    page: int  # 1-based
    x0: float
    y0: float  # PDF coordinates: y grows upwards
    x1: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def overlaps(self, other: Box) -> bool:
        return (
            other.x0 < self.x1 and other.x1 > self.x0 and other.y0 < self.y1 and other.y1 > self.y0
        )

    def holds(self, other: Box, tolerance: float = 0.6) -> bool:
        return (
            other.x0 >= self.x0 - tolerance
            and other.x1 <= self.x1 + tolerance
            and other.y0 >= self.y0 - tolerance
            and other.y1 <= self.y1 + tolerance
        )


@dataclass(frozen=True)
class Glyph:
    text: str
    box: Box


def svg_size(svg: str) -> tuple[float, float]:
    """An SVG's width and height in points."""
    found = _SIZE.search(svg)
    assert found, "an SVG without width and height"
    return float(found.group(1)) * PX_TO_PT, float(found.group(2)) * PX_TO_PT


def _walk(obj: object) -> Iterator[object]:
    yield obj
    if isinstance(obj, LTContainer):
        for child in obj:
            yield from _walk(child)


@dataclass
class PageLayout:
    number: int
    width: float
    height: float
    glyphs: list[Glyph]
    white_rects: list[Box]


def layouts(pdf: Path) -> list[PageLayout]:
    out = []
    with pdfplumber.open(pdf) as doc:
        for number, page in enumerate(doc.pages, start=1):
            glyphs, rects = [], []
            for obj in _walk(page.layout):
                if isinstance(obj, LTChar) and obj.get_text().strip():
                    glyphs.append(Glyph(obj.get_text(), Box(number, *obj.bbox)))
                elif isinstance(obj, LTRect) and obj.fill and _white(obj.non_stroking_color):
                    rects.append(Box(number, *obj.bbox))
            out.append(PageLayout(number, float(page.width), float(page.height), glyphs, rects))
    return out


def _white(color: object) -> bool:
    if isinstance(color, tuple | list):
        return len(color) in (1, 3) and all(abs(c - 1.0) < 1e-3 for c in color)
    return color == 1


def chart_boxes(pages: Sequence[PageLayout], sizes: Sequence[tuple[float, float]]) -> list[Box]:
    """The box of each chart: a white rectangle of the chart's size (or of its shape, scaled
    down to fit the column), each chart matched to one rectangle in page order."""
    wanted = list(sizes)
    found = []
    for page in pages:
        for rect in page.white_rects:
            for i, (w, h) in enumerate(wanted):
                scale = rect.width / w
                if scale <= 1.001 and abs(rect.height - h * scale) < 1.0 and scale > 0.5:
                    found.append(rect)
                    del wanted[i]
                    break
    assert not wanted, f"charts not found in the PDF (width, height in pt): {wanted}"
    return found


def cut_glyphs(page: PageLayout, box: Box) -> list[Glyph]:
    """Glyphs that overlap the chart's box without lying inside it."""
    return [g for g in page.glyphs if box.overlaps(g.box) and not box.holds(g.box)]


def glyphs_in(page: PageLayout, box: Box) -> list[Glyph]:
    return [g for g in page.glyphs if box.holds(g.box)]


def fill(page: PageLayout, margin_top: float, margin_bottom: float) -> float:
    """How much of the page's text area holds text: from its top to the lowest glyph (the
    page furniture, in the bottom margin, not counted), as a share of the area's height."""
    area_top = page.height - margin_top
    area_bottom = margin_bottom
    inside = [g.box.y0 for g in page.glyphs if g.box.y0 >= area_bottom - 1]
    if not inside:
        return 0.0
    return (area_top - min(inside)) / (area_top - area_bottom)


def chapter_starts(pdf: Path) -> set[int]:
    """Pages (1-based) on which a top-level bookmark (a chapter, the notes) starts."""
    reader = PdfReader(pdf)
    return {
        reader.get_destination_page_number(item) + 1
        for item in reader.outline
        if not isinstance(item, list)
    }
