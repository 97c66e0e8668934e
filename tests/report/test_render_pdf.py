"""The PDF laid out in parts: the same pages as in one run, parts reused from the cache."""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
from pathlib import Path

import pytest
from report_hostile import SCRIPT, hostile_report

from pestle.report import render_pdf as rp
from pestle.report.svg import data_url, to_svg
from pestle.report.view import Paragraph

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("PESTLE_CACHE", str(tmp_path / "cache"))
    return tmp_path / "cache"


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(page.split()) for page in out.split("\f") if page.strip()]


def test_the_parts_make_the_same_pages_as_one_run(cache, tmp_path) -> None:
    pytest.importorskip("pypdf")
    report = hostile_report()
    svgs = {c.id: data_url(to_svg(c.spec)) for c in report.charts()}
    stats = rp.PdfStats()
    parts = _pages(rp.render_pdf(report, stats=stats), tmp_path)
    whole = _pages(rp.pdf_bytes(rp.print_html(report, svgs)), tmp_path)
    assert not stats.whole and stats.pages == len(parts) == len(whole)
    assert parts == whole
    assert SCRIPT in parts[2]  # the section, markup as text
    assert f"Page {len(parts)} of {len(parts)}" in parts[-1]


def test_a_second_build_lays_out_only_the_parts_that_changed(cache, tmp_path) -> None:
    pytest.importorskip("pypdf")
    report = hostile_report()
    first = rp.PdfStats()
    rp.render_pdf(report, stats=first)
    assert first.cached == 0 and first.parts == 5  # cover, contents, section, notes, furniture
    again = rp.PdfStats()
    rp.render_pdf(report, stats=again)
    assert again.cached == again.parts == 5
    section = report.sections[0]
    changed = dataclasses.replace(
        section, intro=(Paragraph(("A sentence that was not there.",)), *section.intro)
    )
    third = rp.PdfStats()
    pdf = rp.render_pdf(dataclasses.replace(report, sections=(changed,)), stats=third)
    assert third.parts - third.cached == 1  # the section only
    assert "A sentence that was not there." in " ".join(_pages(pdf, tmp_path))


def test_without_pypdf_the_document_is_laid_out_at_once(cache, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(rp, "can_assemble", lambda: False)
    stats = rp.PdfStats()
    pages = _pages(rp.render_pdf(hostile_report(), stats=stats), tmp_path)
    assert stats.whole
    assert f"Page 2 of {len(pages)}" in pages[1]
    assert SCRIPT in " ".join(pages)


def test_a_link_to_another_part_keeps_its_target_through_a_stand_in() -> None:
    html = (
        f'<body>{rp.ANCHORS}<p id="here"><a href="#here">a</a> <a href="#fn-2">2</a>'
        '<a href="#x&amp;y">3</a></p></body>'
    )
    out, anchors = rp._with_stand_ins(html)
    assert anchors == ["here"]
    assert '<div class="pdf-anchors"><div id="fn-2"></div><div id="x&amp;y"></div></div>' in out
    assert rp.ANCHORS not in out
