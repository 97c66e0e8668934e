"""The PDF laid out in parts: the same pages as in one run, parts reused from the cache."""

from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from report_hostile import SCRIPT, hostile_report

from pestle.errors import PestleError
from pestle.report import chromium, pdf_engine
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


def _engine(name: str) -> pdf_engine.Engine:
    """The engine `name`; the test is skipped where it is not there."""
    try:
        return pdf_engine.choose(name)
    except PestleError as exc:
        pytest.skip(str(exc))


def _no_digits(text: str) -> str:
    return " ".join(re.sub(r"\b\d+\b", "", text).split())


def _pages(pdf: bytes, tmp_path: Path) -> list[str]:
    path = tmp_path / "x.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return [" ".join(page.split()) for page in out.split("\f") if page.strip()]


@pytest.mark.parametrize("name", ["weasyprint", "chromium"])
def test_the_parts_make_the_same_pages_as_one_run(name, cache, tmp_path) -> None:
    pytest.importorskip("pypdf")
    engine = _engine(name)
    report = hostile_report()
    svgs = {c.id: data_url(to_svg(c.spec)) for c in report.charts()}
    stats = rp.PdfStats()
    parts = _pages(rp.render_pdf(report, stats=stats, engine=engine), tmp_path)
    html = rp.print_html(report, svgs)
    one_run = chromium.print_pdf(html, engine.path) if engine.path else rp.pdf_bytes(html)
    whole = _pages(one_run, tmp_path)
    assert not stats.whole and stats.pages == len(parts) == len(whole)
    if engine.path:  # Chromium has no target-counter(): in one run the contents have no
        # page numbers, which the parts' contents give as text
        assert _no_digits(parts[1]) == _no_digits(whole[1])
        parts[1] = whole[1] = ""
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


@pytest.fixture(scope="module")
def view():
    import pestle
    from pestle.report.context import build_view
    from pestle.results import Results

    return build_view(Results(pestle.load_case()))


def test_notes_are_printed_in_parts_of_whole_section_groups(view) -> None:
    groups = view.note_groups()
    # every note once, under the section that first cites it, in number order
    numbers = [f.number for g in groups for f in g.footnotes]
    assert numbers == list(range(1, len(view.footnotes) + 1))
    assert all(g.section is not None for g in groups)  # every note is cited in a section
    for g in groups:
        assert {f.number for f in g.footnotes} == set(g.section.notes)
    parts = rp.notes_parts(view)
    # a part closes once it holds its share: a large group can leave fewer parts than asked
    assert 2 <= len(parts) <= rp.NOTES_PARTS and parts[0].first and parts[0].id == "notes"
    assert [g for p in parts for g in p.groups] == list(groups)
    sizes = [sum(len(g.footnotes) for g in p.groups) for p in parts]
    share = len(view.footnotes) / rp.NOTES_PARTS
    assert all(size >= share for size in sizes[:-1])  # each closed at its share
    for part, size in zip(parts[:-1], sizes[:-1], strict=True):  # and not later
        assert size - len(part.groups[-1].footnotes) < share
    # more parts asked than section groups: one part per group, never splitting one
    assert len(rp.notes_parts(view, count=100)) == len(groups)
    assert len(rp.notes_parts(view, count=1)) == 1


def test_a_changed_note_re_lays_one_part_of_the_notes(view, cache) -> None:
    from pestle.report.render_html import render_print_part

    parts = rp.notes_parts(view)
    last = view.footnotes[-1]
    edited = dataclasses.replace(last, title=last.title + " (edited)")
    changed = dataclasses.replace(view, footnotes=(*view.footnotes[:-1], edited))
    before = [render_print_part(view, p) for p in parts]
    after = [render_print_part(changed, p) for p in rp.notes_parts(changed)]
    assert [a != b for a, b in zip(before, after, strict=True)] == [False] * (len(parts) - 1) + [
        True
    ]


def test_no_notes_still_print_the_heading() -> None:
    report = hostile_report()
    bare = dataclasses.replace(report, footnotes=())
    (part,) = rp.notes_parts(bare)
    assert part.first and part.groups == ()


def _two_charts(report, second_spec):
    """`report` with a second chart in its section (of `second_spec`)."""
    from pestle.report.view import Chart, Subsection

    section = report.sections[0]
    first = section.charts()[0]
    extra = Subsection(
        id="more",
        title="More",
        blocks=(dataclasses.replace(first, id="chart-two", spec=second_spec),),
    )
    changed = dataclasses.replace(section, subsections=(*section.subsections, extra))
    assert isinstance(first, Chart)
    return dataclasses.replace(report, sections=(changed,))


def test_a_part_with_several_charts_has_them_converted_first(cache, tmp_path) -> None:
    from pestle.report.svg import svg_key

    report = hostile_report()
    first = report.sections[0]
    # charts no other test converted (an SVG is kept in memory too, for the process)
    spec = {**first.charts()[0].spec, "title": f"a chart {uuid.uuid4().hex[:8]}"}
    other = {**spec, "title": f"another chart {uuid.uuid4().hex[:8]}"}
    chart = dataclasses.replace(first.charts()[0], spec=spec)
    sub = dataclasses.replace(
        first.subsections[0], blocks=(*first.subsections[0].blocks[:-1], chart)
    )
    report = dataclasses.replace(report, sections=(dataclasses.replace(first, subsections=(sub,)),))
    report = _two_charts(report, other)
    on_disk = [cache / "svg" / f"{svg_key(s)}.svg" for s in (spec, other)]
    assert not any(p.exists() for p in on_disk)
    pages = _pages(rp.render_pdf(report), tmp_path)
    assert all(p.exists() for p in on_disk)  # converted, each by a worker, into the cache
    assert spec["title"] in " ".join(pages) and other["title"] in " ".join(pages)


def test_a_chart_that_cannot_be_converted_fails_the_build_without_a_hang(
    cache, monkeypatch
) -> None:
    import threading

    from pestle.report import svg

    report = hostile_report()
    spec = report.sections[0].charts()[0].spec
    broken = {**spec, "title": "cannot be drawn"}
    report = _two_charts(report, broken)
    monkeypatch.setenv("PESTLE_PDF_WORKERS", "0")  # in this process, where the patch holds
    to_svg = svg.to_svg

    def failing(chart: dict) -> str:
        if chart.get("title") == "cannot be drawn":
            raise ValueError("vl-convert: cannot draw this chart")
        return to_svg(chart)

    monkeypatch.setattr(svg, "to_svg", failing)
    outcome: list[BaseException | bytes] = []

    def build() -> None:
        try:
            outcome.append(rp.render_pdf(report))
        except Exception as exc:
            outcome.append(exc)

    worker = threading.Thread(target=build, daemon=True)
    worker.start()
    worker.join(timeout=120)
    assert not worker.is_alive(), "the build waits for a part that never comes"
    assert len(outcome) == 1 and isinstance(outcome[0], ValueError), outcome
