"""The book that puts the PDF's parts together: the furniture is drawn over each page while
the parts' own drawing is kept as it was written (not decoded and compressed again)."""

from __future__ import annotations

import io
import zlib

import pikepdf
import pytest
from pikepdf import Dictionary, Name

from pestle.report.pdf_assemble import Book, page_count


def _pdf(*texts: str) -> bytes:
    """A PDF with one page per text, each drawn by a compressed content stream."""
    pdf = pikepdf.new()
    font = pdf.make_indirect(
        Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
    )
    for text in texts:
        drawing = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET\n".encode()
        stream = pikepdf.Stream(pdf, zlib.compress(drawing))
        stream.Filter = Name.FlateDecode
        pdf.pages.append(
            pikepdf.Page(
                Dictionary(
                    Type=Name.Page,
                    MediaBox=[0, 0, 595, 842],
                    Resources=Dictionary(Font=Dictionary(F1=font)),
                    Contents=pdf.make_indirect(stream),
                )
            )
        )
    out = io.BytesIO()
    pdf.save(out)
    return out.getvalue()


def _raw_contents(page: pikepdf.Page) -> list[bytes]:
    contents = page.obj.Contents
    streams = contents if isinstance(contents, pikepdf.Array) else [contents]
    return [s.read_raw_bytes() for s in streams]


def test_the_furniture_is_drawn_over_pages_whose_drawing_is_kept() -> None:
    pypdf = pytest.importorskip("pypdf")
    parts = {1: _pdf("Section one", "Section one, again"), 0: _pdf("Cover")}
    book = Book()
    for index, pdf in parts.items():  # in any order
        book.add(index, pdf)
    furniture = _pdf("Page 1 of 3", "Page 2 of 3", "Page 3 of 3")
    written = book.finish(furniture, {}, title="A title", creator="pestle test")

    assert page_count(written) == 3
    texts = [page.extract_text() for page in pypdf.PdfReader(io.BytesIO(written)).pages]
    for k, own in enumerate(("Cover", "Section one", "Section one, again")):
        assert own in texts[k] and f"Page {k + 1} of 3" in texts[k]
    with pikepdf.open(io.BytesIO(written)) as doc:
        originals = [
            raw
            for index in sorted(parts)
            for page in pikepdf.open(io.BytesIO(parts[index])).pages
            for raw in _raw_contents(page)
        ]
        for page, original in zip(doc.pages, originals, strict=True):
            raw = _raw_contents(page)
            # the part's own stream, byte for byte, between the q and the Q + furniture
            assert original in raw and raw[0].strip() != original
        assert str(doc.docinfo.Title) == "A title"


def test_furniture_of_another_length_is_refused() -> None:
    book = Book()
    book.add(0, _pdf("one", "two"))
    with pytest.raises(ValueError, match="page furniture has 1 pages, the document 2"):
        book.finish(_pdf("Page 1 of 1"), {}, title="t", creator="c")
