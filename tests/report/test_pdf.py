"""report.pdf: every section title in its text, page numbers, a contents page."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from pestle.report.context import SECTIONS

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed"
)


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
    assert f"Page 2 of {total}" in " ".join(pages[1].split())
    assert f"Page {total} of {total}" in " ".join(pages[-1].split())


def test_the_contents_page_gives_page_numbers(pdf_text) -> None:
    contents = next(p for p in pdf_text.split("\f") if "contents" in p.lower())
    for _, title, _ in SECTIONS:
        line = next(ln for ln in contents.splitlines() if title in ln)
        assert line.rstrip()[-1].isdigit(), line
