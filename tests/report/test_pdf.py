"""report.pdf: every section title in its text, page numbers, a contents page."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from pestle.report.context import SECTIONS

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


@pytest.fixture(scope="module")
def built(built_pdf):
    """Each test here runs on the PDF of each engine."""
    return built_pdf


@pytest.fixture(scope="module")
def pdf_text(built) -> str:
    path = built.out / "report.pdf"
    assert path.read_bytes().startswith(b"%PDF-")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_every_section_title_is_in_the_pdf(pdf_text) -> None:
    flat = " ".join(pdf_text.split())
    for _, title, _ in SECTIONS:
        assert title in flat, title
    assert "Notes and evidence" in flat and "contents" in flat.lower()


def test_pages_are_numbered(pdf_text) -> None:
    pages = pdf_text.split("\f")
    pages = [p for p in pages if p.strip()]
    assert len(pages) >= len(SECTIONS)
    total = len(pages)
    assert "Page " not in pages[0]  # the cover
    for number, page in enumerate(pages[1:], start=2):
        flat = " ".join(page.split())
        assert f"Page {number} of {total}" in flat, number
        assert "external-environment (PESTLE) analysis" in flat  # the running title


def test_the_contents_page_gives_page_numbers(pdf_text) -> None:
    contents = next(p for p in pdf_text.split("\f") if "contents" in p.lower())
    for _, title, _ in SECTIONS:
        line = next(ln for ln in contents.splitlines() if title in ln)
        assert line.rstrip()[-1].isdigit(), line


def test_each_section_starts_on_the_page_the_contents_give(pdf_text) -> None:
    pages = pdf_text.split("\f")
    contents = next(p for p in pages if "contents" in p.lower())
    for number, (_, title, _) in enumerate(SECTIONS, start=1):
        line = next(ln for ln in contents.splitlines() if title in ln)
        page = int(line.split()[-1])
        first_line = next(ln for ln in pages[page - 1].splitlines() if ln.strip())
        assert " ".join(first_line.split()) == f"{number} {title}", (title, page)
    line = next(ln for ln in contents.splitlines() if "Notes and evidence" in ln)
    assert "Notes and evidence" in pages[int(line.split()[-1]) - 1].splitlines()[0]


@pytest.fixture(scope="module")
def pdf(built):
    pypdf = pytest.importorskip("pypdf")
    return pypdf.PdfReader(built.out / "report.pdf")


def test_every_link_goes_to_its_anchor(pdf, built) -> None:
    dests = pdf.named_destinations
    links = [
        str(a.get_object()["/Dest"])
        for page in pdf.pages
        for a in page.get("/Annots", [])
        if "/Dest" in a.get_object()
    ]
    assert len(links) > 500  # every footnote mark, cross reference and contents line
    assert set(links) <= set(dests)
    texts = [page.extract_text() for page in pdf.pages]
    notes_page = next(i for i, t in enumerate(texts) if t.lstrip().startswith("Notes and"))
    last_note = "fn-" + str(built.html.count('<li id="fn-'))
    for name in ("fn-1", last_note):
        assert pdf.get_destination_page_number(dests[name]) >= notes_page, name
    for sid, _, _ in SECTIONS:
        page = pdf.pages[pdf.get_destination_page_number(dests[sid])]
        assert page.extract_text().lstrip().startswith(tuple("0123456789")), sid


def test_bookmarks_list_the_sections_in_order(pdf) -> None:
    titles = [item.title for item in pdf.outline if not isinstance(item, list)]
    expected = [f"{n} {title}" for n, (_, title, _) in enumerate(SECTIONS, start=1)]
    assert [t for t in titles if t in expected] == expected
    assert "Notes and evidence" in titles


def test_note_marks_copy_as_bracketed_numbers(pdf_text) -> None:
    """A mark is copied as "[35]" beside its number, never run into it ("2235")."""
    marks = re.findall(r"\S ?\[\d+(?:, \d+)*\]", pdf_text)
    assert len(marks) > 50
    assert re.search(r"\d \[\d+\]", pdf_text), "a number and its mark are not apart"


def test_each_note_prints_its_own_number(pdf_text, built) -> None:
    """The notes are grouped by section; each keeps its number (WeasyPrint would restart a
    list's numbering at 1 in every group)."""
    last = built.html.count('<li id="fn-')
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\. \S", pdf_text, re.M)]
    assert last in numbers
    assert numbers.count(1) <= 2, "note numbers restart in each group"


def test_every_bookmark_goes_to_the_page_of_its_heading(pdf) -> None:
    """The bookmarks come from the report's headings (sections, their subsections, the
    notes and their groups), each on the page its heading is printed on."""

    def walk(items: list, depth: int = 0):
        for item in items:
            if isinstance(item, list):
                yield from walk(item, depth + 1)
            else:
                yield item, depth

    marks = list(walk(pdf.outline))
    assert sum(1 for _, depth in marks if depth == 1) > 30  # subsections and note groups
    texts = {}
    for item, _depth in marks:
        number = pdf.get_destination_page_number(item)
        page = pdf.pages[number].extract_text()
        text = texts.setdefault(number, " ".join(page.split()).casefold())  # CONTENTS
        assert " ".join(item.title.split()).casefold() in text, (item.title, number + 1)
