"""Charts in the PDF: laid out as empty slots, then drawn in as PDF forms.

WeasyPrint draws an SVG image element by element through Pango, which took a quarter to a
third of laying out a part with charts (the demand section's six charts: 0.3 of its 1.2 s).
So a part is laid out with, for each chart, an empty SVG of the chart's own size (the same
replaced box: the layout is the one the chart would have had) inside a link whose address
names the chart. The link's box on the page is where the chart goes: after layout each
chart, converted to PDF once (vl-convert's svg_to_pdf, cached on disk by its SVG's key), is
drawn over its slot as a form XObject (pikepdf), and the slot's links are removed. The
chart's text stays text in the shipped font, as when WeasyPrint drew it.

The link, not the image, marks the place because a link's rectangle is what WeasyPrint
writes to the PDF for every box of the link's element; the image's own box is the smallest
of them.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pestle import diskcache as cache

Rect = tuple[float, float, float, float]  # PDF points: left, bottom, right, top

SVG_SRC = "pestle-svg:"  # an image source to be replaced by the chart's SVG (or its slot)
SLOT_HREF = "pestle-chart:"  # the address of the link around a chart's slot
ASPECT_TOLERANCE = 0.01  # a slot whose shape differs more from its chart's is not its slot

_SIZE = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


class SlotError(Exception):
    """A chart's slot was not found where it was laid out (the part is laid out again with
    the charts drawn by WeasyPrint)."""


def slot_href(src: str, chart_id: str) -> str:
    """The link address of the slot of chart `chart_id`, whose placeholder source is `src`
    (the id tells apart two charts of the same content in one part)."""
    return f"{SLOT_HREF}{src.removeprefix(SVG_SRC)}/{chart_id}"


# A chart in a print part as the template writes it: its slot link around its image.
_PLACE = re.compile(
    rf'<a class="chart-slot" href="{SLOT_HREF}(?P<key>[0-9a-f]+)/(?P<id>[^"]*)">'
    rf'<img class="chart-svg" alt="(?P<alt>[^"]*)" src="{SVG_SRC}(?P=key)"></a>'
)
_SVG_ID = re.compile(r'(\sid="|url\(#|href="#)([^")]+)')


def inline(html: str, svgs: Mapping[str, str]) -> str:
    """`html` with each chart (its slot link and image) replaced by its SVG, inline, in a
    box that carries the image's description (for a browser that draws SVG itself); the
    ids inside each SVG get the chart's id in front, so that two charts' ids never meet."""

    def chart(m: re.Match[str]) -> str:
        svg = _SVG_ID.sub(lambda i: f"{i.group(1)}{m['id']}-{i.group(2)}", svgs[m["key"]])
        return f'<div class="chart-svg" role="img" aria-label="{m["alt"]}">{svg}</div>'

    out = _PLACE.sub(chart, html)
    if SVG_SRC in out:
        raise SlotError("a chart is not where the template puts charts")
    return out


def svg_size(svg: str) -> tuple[float, float]:
    """The chart's intrinsic size in CSS px (vl-convert writes width and height on the root)."""
    found = _SIZE.search(svg)
    if found is None:
        raise SlotError("the chart's SVG gives no width and height")
    return float(found.group(1)), float(found.group(2))


def blank(svg: str) -> str:
    """An SVG of the chart's size that draws nothing: the slot the chart is drawn into."""
    width, height = svg_size(svg)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:g}" height="{height:g}" '
        f'viewBox="0 0 {width:g} {height:g}"></svg>'
    )


def chart_pdf(key: str, svg: str) -> bytes:
    """The chart as a one-page PDF, its text in the font it was measured with (cached)."""
    path = _path(key)
    found = cache.read(path)
    if found is not None:
        return found
    from pestle.present import converter

    pdf = bytes(converter.vl_convert().svg_to_pdf(svg))
    cache.write(path, pdf)
    return pdf


def _path(key: str) -> Path:
    return cache.cache_dir() / "chartpdf" / f"{key}.pdf"


def draw(pdf: bytes, charts: Mapping[str, bytes]) -> bytes:
    """The part `pdf` with each chart (key -> its one-page PDF) drawn over its slot and the
    slots' links removed; `SlotError` if a chart has no slot, a slot no chart, or a slot has
    another shape than its chart. A slot is named "KEY/CHART-ID"; of the boxes of its link,
    the smallest is the image's."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        boxes = _take_slots(doc)
        found = {slot.split("/", 1)[0] for slot in boxes}
        if found != set(charts):
            odd = sorted(found ^ set(charts))[0]
            raise SlotError(f"chart {odd}: slot and chart do not match")
        sources = {key: pikepdf.open(io.BytesIO(data)) for key, data in charts.items()}
        try:
            for slot, candidates in boxes.items():
                chart = sources[slot.split("/", 1)[0]].pages[0]
                shape = _ratio(tuple(float(v) for v in chart.mediabox))
                # the image's own box: of the link's boxes with the chart's shape, the smallest
                fits = [c for c in candidates if abs(_ratio(c[1]) / shape - 1) <= ASPECT_TOLERANCE]
                if not fits:
                    raise SlotError(f"chart {slot}: no slot of the chart's shape")
                number, rect = min(fits, key=lambda c: _area(c[1]))
                doc.pages[number].add_overlay(chart, pikepdf.Rectangle(*rect))
            out = io.BytesIO()
            doc.save(out)
        finally:
            for source in sources.values():
                source.close()
    return out.getvalue()


def unlink(pdf: bytes) -> bytes:
    """The part `pdf` without its slots' links (the charts were drawn by WeasyPrint)."""
    import pikepdf

    with pikepdf.open(io.BytesIO(pdf)) as doc:
        _take_slots(doc)
        out = io.BytesIO()
        doc.save(out)
    return out.getvalue()


def _take_slots(doc: Any) -> dict[str, list[tuple[int, Rect]]]:
    """Remove the slots' links from the pages of `doc`; slot -> the boxes of its link (page
    index, rectangle), empty boxes left out."""
    import pikepdf

    boxes: dict[str, list[tuple[int, Rect]]] = {}
    for number, page in enumerate(doc.pages):
        annots = page.obj.get("/Annots")
        if annots is None:
            continue
        kept = pikepdf.Array()
        for annot in annots:
            slot = _slot(annot)
            if slot is None:
                kept.append(annot)
                continue
            x0, y0, x1, y1 = (float(v) for v in annot.Rect)
            rect = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
            if _area(rect) > 0:
                boxes.setdefault(slot, []).append((number, rect))
        page.obj.Annots = kept
    return boxes


def _slot(annot: object) -> str | None:
    action = annot.get("/A")  # type: ignore[attr-defined]
    uri = action.get("/URI") if action is not None else None
    if uri is None or not str(uri).startswith(SLOT_HREF):
        return None
    return str(uri).removeprefix(SLOT_HREF)


def _area(rect: tuple[float, ...]) -> float:
    return (rect[2] - rect[0]) * (rect[3] - rect[1])


def _ratio(rect: tuple[float, ...]) -> float:
    return (rect[2] - rect[0]) / max(rect[3] - rect[1], 1e-9)
