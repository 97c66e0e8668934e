"""Charts laid out as slots and drawn in afterwards (report/chart_slots.py): each chart lands
in its slot, once, with its text; no slot link is left; a part whose slots cannot be found
is laid out with the charts drawn by WeasyPrint instead."""

from __future__ import annotations

import io
import logging
from typing import Any

import pdfplumber
import pikepdf
import pytest
from report_hostile import hostile_report

from pestle.report import chart_slots, pdf_workers
from pestle.report.svg import svg_key, to_svg


def _part(spec: dict[str, Any], chart_id: str = "c1", before: str = "") -> tuple[str, str]:
    key = svg_key(spec)
    src = f"{chart_slots.SVG_SRC}{key}"
    html = (
        "<style>a.chart-slot { display: block } img { max-width: 100%; display: block }</style>"
        f"{before}<p>before the chart</p>"
        f'<a class="chart-slot" href="{chart_slots.slot_href(src, chart_id)}">'
        f'<img class="chart-svg" alt="a chart" src="{src}"></a><p>after the chart</p>'
    )
    return key, html


def _uris(pdf: bytes) -> list[str]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return [
            str(a.A.URI)
            for page in doc.pages
            for a in page.obj.get("/Annots", [])
            if "/A" in a and "/URI" in a.A
        ]


def _words(pdf: bytes) -> list[tuple[int, str, float, float]]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [
            (page.page_number, w["text"], w["top"], w["x0"])
            for page in doc.pages
            for w in page.extract_words()
        ]


@pytest.fixture()
def spec(tmp_path, monkeypatch) -> dict[str, Any]:
    monkeypatch.setenv("PESTLE_CACHE", str(tmp_path / "cache"))
    return hostile_report().charts()[0].spec


def test_the_chart_is_drawn_in_its_slot_between_the_text_around_it(spec) -> None:
    key, html = _part(spec)
    pdf, svgs = pdf_workers.render_document(html, {key: spec})
    assert _uris(pdf) == []  # the slot's link is gone
    words = _words(pdf)
    before = next(w for w in words if w[1] == "before")
    after = next(w for w in words if w[1] == "after")
    chart_text = [w for w in words if w[1] not in {"before", "the", "chart", "after"}]
    assert chart_text, "the chart's labels are not in the PDF as text"
    # every label of the chart lies between the paragraphs around its slot
    assert all(before[2] < w[2] < after[2] for w in chart_text if w[0] == before[0])
    # drawn once: the chart's labels are not doubled by a second drawing
    plain = pdf_workers.render_document(html.replace("chart-slot", "x"), {key: spec})[0]
    assert sorted(w[1] for w in _words(pdf)) == sorted(w[1] for w in _words(plain))
    assert svgs == {key: to_svg(spec)}


def test_the_chart_pdf_is_cached_by_its_key(spec) -> None:
    key = svg_key(spec)
    first = chart_slots.chart_pdf(key, to_svg(spec))
    assert first.startswith(b"%PDF-")
    assert chart_slots._path(key).is_file()
    assert chart_slots.chart_pdf(key, "<svg not read again") == first


def test_two_charts_of_the_same_content_fill_two_slots(spec) -> None:
    key, one = _part(spec, "first")
    _, two = _part(spec, "second")
    pdf, _ = pdf_workers.render_document(one + two, {key: spec})
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        forms = [
            name
            for page in doc.pages
            for name, xobject in page.Resources.get("/XObject", {}).items()
            if xobject.get("/Subtype") == "/Form"
        ]
    assert len(forms) >= 2 and _uris(pdf) == []


def test_a_slot_not_found_falls_back_to_charts_drawn_in_layout(spec, caplog) -> None:
    key = svg_key(spec)
    html = f'<p>chart:</p><img src="{chart_slots.SVG_SRC}{key}">'  # an image, no slot link
    with caplog.at_level(logging.WARNING):
        pdf, _ = pdf_workers.render_document(html, {key: spec})
    assert "chart slots" in caplog.text
    assert len(_words(pdf)) > 1 and _uris(pdf) == []


def test_the_fallback_keeps_no_slot_link(spec, monkeypatch) -> None:
    def broken(pdf: bytes, charts: Any) -> bytes:
        raise chart_slots.SlotError("no slot")

    monkeypatch.setattr(chart_slots, "draw", broken)
    key, html = _part(spec)
    pdf, _ = pdf_workers.render_document(html, {key: spec})
    assert _uris(pdf) == [] and any(w[1] == "after" for w in _words(pdf))


def test_a_slot_of_another_shape_or_an_unknown_chart_is_refused(spec) -> None:
    key, html = _part(spec)
    svg = to_svg(spec)
    laid_out = pdf_workers.pdf_bytes(html.replace(f"{chart_slots.SVG_SRC}{key}", _blank(svg, 2)))
    chart = chart_slots.chart_pdf(key, svg)
    with pytest.raises(chart_slots.SlotError, match="shape"):
        chart_slots.draw(laid_out, {key: chart})
    right = pdf_workers.pdf_bytes(html.replace(f"{chart_slots.SVG_SRC}{key}", _blank(svg, 1)))
    with pytest.raises(chart_slots.SlotError, match="do not match"):
        chart_slots.draw(right, {key: chart, "another": chart})
    assert _uris(chart_slots.draw(right, {key: chart})) == []


def _blank(svg: str, stretch: float) -> str:
    from pestle.report.svg import data_url

    width, height = chart_slots.svg_size(svg)
    return data_url(
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width / stretch:g}" '
        f'height="{height:g}"></svg>'
    )


def _form_sizes(pdf: bytes) -> list[tuple[float, float]]:
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        return [
            tuple(round(float(v), 1) for v in xobject.BBox[2:])
            for page in doc.pages
            for xobject in page.Resources.get("/XObject", {}).values()
            if xobject.get("/Subtype") == "/Form" and "/BBox" in xobject
        ]


def test_the_report_pdf_holds_no_slot_link_and_every_chart_as_a_form(built_weasyprint) -> None:
    built = built_weasyprint  # WeasyPrint's charts go in through their slots
    pdf = (built.out / "report.pdf").read_bytes()
    assert not [u for u in _uris(pdf) if u.startswith(("pestle-chart:", "pestle-svg:"))]
    sizes = _form_sizes(pdf)
    figures = [f for f in built.result.figures if f.suffix == ".svg"]
    assert figures
    for figure in figures:  # each chart drawn in as a form of its own size
        width, height = chart_slots.svg_size(figure.read_text(encoding="utf-8"))
        assert (round(width, 1), round(height, 1)) in sizes, figure.name


def test_chromium_gets_each_chart_inline_with_its_description_and_ids_of_its_own() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="5"><defs>'
        '<clipPath id="clip1"><rect width="1" height="1"/></clipPath></defs>'
        '<g clip-path="url(#clip1)"><use href="#clip1"/></g></svg>'
    )
    place = (
        '<a class="chart-slot" href="pestle-chart:ab12/chart-{n}"><img class="chart-svg" '
        'alt="Fan &amp; band" src="pestle-svg:ab12"></a>'
    )
    html = f"<p>one</p>{place.format(n='a')}<p>two</p>{place.format(n='b')}"
    out = chart_slots.inline(html, {"ab12": svg})
    assert "pestle-" not in out
    assert out.count('<div class="chart-svg" role="img" aria-label="Fan &amp; band">') == 2
    assert 'id="chart-a-clip1"' in out and "url(#chart-a-clip1)" in out
    assert 'href="#chart-b-clip1"' in out and 'id="clip1"' not in out
    with pytest.raises(chart_slots.SlotError):  # a chart in another form than the template's
        chart_slots.inline('<img src="pestle-svg:ab12">', {"ab12": svg})
