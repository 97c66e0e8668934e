"""Text from documents never becomes markup: HTML, PDF and Markdown show it literally."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from markdown_it import MarkdownIt
from report_hostile import IMG, SCRIPT, hostile_report
from report_htmlscan import scan

from pestle.report.render_html import render_html, script_json
from pestle.report.render_md import render_md
from pestle.report.svg import data_url, to_svg


def test_html_escapes_every_text_slot() -> None:
    report = hostile_report()
    html = render_html(report)
    page = scan(html)
    # Only the report's own scripts: the chart spec (JSON), the bundle and the embed code.
    scripts = page.all("script")
    assert [s.get("type") for s in scripts] == ["application/json", None, None]
    assert page.all("img") == []  # the hostile <img onerror> never became an element
    assert not any("onerror" in a for _, attrs in page.tags for a in attrs)
    text = page.visible_text
    assert SCRIPT in text and IMG in text
    assert "&lt;script&gt;" in html


def test_chart_spec_json_cannot_close_its_script_element() -> None:
    encoded = str(script_json({"title": SCRIPT, "x": "a & b <!-- c"}))
    assert "</script" not in encoded.lower() and "<!--" not in encoded and "&" not in encoded
    html = render_html(hostile_report())
    assert html.lower().count("</script>") == 3


def test_print_html_embeds_svg_as_image_only() -> None:
    report = hostile_report()
    chart = report.charts()[0]
    svg = to_svg(chart.spec)
    assert "<script" not in svg.lower()
    assert "&lt;script&gt;" in svg  # the title was escaped as XML text
    html = render_html(report, print_mode=True, svgs={chart.id: data_url(svg)})
    page = scan(html)
    assert page.all("script") == []
    imgs = page.all("img")
    assert len(imgs) == 1 and str(imgs[0]["src"]).startswith("data:image/svg+xml;base64,")
    assert imgs[0]["alt"] == f"Alt {IMG}"


def test_markdown_escapes_every_text_slot() -> None:
    md = render_md(hostile_report())
    rendered = MarkdownIt("commonmark").enable("table").render(md)
    page = scan(rendered)
    assert page.all("script") == []
    # The one image is the chart's SVG file; the hostile <img onerror> is text.
    assert [i["src"] for i in page.all("img")] == ["figures/evil-chart.svg"]
    assert not any("onerror" in a for _, attrs in page.tags for a in attrs)
    assert SCRIPT in page.visible_text and IMG in page.visible_text
    # A table cell with a pipe stays one cell.
    assert "1 \\| 2" in md


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing")
def test_pdf_shows_markup_as_literal_text(tmp_path) -> None:
    from pestle.report.render_pdf import render_pdf

    report = hostile_report()
    chart = report.charts()[0]
    pdf = render_pdf(report, {chart.id: data_url(to_svg(chart.spec))})
    path = tmp_path / "r.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(out.split())
    assert SCRIPT in flat
    assert "<img src=x onerror=alert(1)>" in flat
