"""One PDF from the PDFs of the parts of the print document (pypdf).

Each part (cover, contents, a section, the notes) was laid out on pages of its own, without
page furniture; the furniture document has one page per page of the whole, with the running
title and "Page n of N" only. A `Book` puts them together:

- the pages of each part as soon as it is there (parts come in any order; reading and
  copying a part's PDF is most of the work, so it is done while others are laid out);
- the furniture page drawn over each page (as a form XObject: the part's own drawing is
  left untouched and never re-encoded);
- one table of named destinations, each anchor taken from the part that holds it. A link
  to another part was kept by a stand-in anchor in the part that holds the link (see
  `render_pdf.py`); the stand-ins are left out here, so the link goes to the real place;
- the bookmarks (outline) of the parts, in order; the title and the language.
"""

from __future__ import annotations

import io
from collections.abc import Mapping
from typing import Any

from pypdf import PdfReader, PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    Fit,
    FloatObject,
    IndirectObject,
    NameObject,
    NumberObject,
    TextStringObject,
)


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


class Book:
    """The document being put together from its parts, numbered 0, 1, … in page order."""

    def __init__(self) -> None:
        self.writer = PdfWriter()
        self.parts: dict[int, PdfReader] = {}

    def add(self, index: int, pdf: bytes) -> int:
        """Put in the pages of part `index` (in its place among the parts already in);
        returns its number of pages."""
        r = reader(pdf)
        at = sum(len(p.pages) for i, p in self.parts.items() if i < index)
        for j, page in enumerate(r.pages):
            self.writer.insert_page(page, at + j)
        self.parts[index] = r
        return len(r.pages)

    def pages(self, index: int) -> int:
        return len(self.parts[index].pages)

    def finish(
        self,
        furniture: bytes,
        owners: Mapping[str, int],
        *,
        title: str,
        creator: str,
        lang: str = "en",
    ) -> bytes:
        """The PDF: `furniture` over every page, the anchors `owners` gives to each part
        (anchor -> index of the part that holds it), bookmarks, title and language."""
        writer = self.writer
        over = reader(furniture)
        if len(over.pages) != len(writer.pages):
            raise ValueError(
                f"page furniture has {len(over.pages)} pages, the document {len(writer.pages)}"
            )
        for number, (page, on_top) in enumerate(zip(writer.pages, over.pages, strict=True)):
            _draw_over(writer, page, on_top, f"/PestleFurniture{number}")
        first: dict[int, int] = {}
        at = 0
        for i in sorted(self.parts):
            first[i] = at
            at += len(self.parts[i].pages)
        _destinations(writer, self.parts, first, owners)
        for i in sorted(self.parts):
            _outline(writer, self.parts[i], self.parts[i].outline, first[i], None)
        writer.add_metadata({"/Title": title, "/Creator": creator, "/Producer": _producer(over)})
        writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
        out = io.BytesIO()
        writer.write(out)
        return out.getvalue()


def _producer(r: PdfReader) -> str:
    meta = r.metadata or {}
    return f"{meta.get('/Producer') or 'WeasyPrint'}, pypdf"


def _stream(writer: PdfWriter, data: bytes) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)


def _draw_over(writer: PdfWriter, page: Any, furniture: Any, name: str) -> None:
    """Draw `furniture` (a page of another PDF) over `page`, as a form XObject."""
    form = DecodedStreamObject()
    contents = furniture.get_contents()
    form.set_data(contents.get_data() if contents is not None else b"")
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject(FloatObject(v) for v in furniture.mediabox),
            NameObject("/Resources"): furniture["/Resources"].clone(writer),
        }
    )
    ref = writer._add_object(form.flate_encode())
    resources = page[NameObject("/Resources")].get_object()
    xobjects = resources.get(NameObject("/XObject"))
    if xobjects is None:
        xobjects = DictionaryObject()
        resources[NameObject("/XObject")] = xobjects
    xobjects.get_object()[NameObject(name)] = ref
    old = page.get(NameObject("/Contents"))
    old_streams = list(old.get_object()) if isinstance(old.get_object(), ArrayObject) else [old]
    # the page's drawing in q/Q, so that the furniture starts from the default state
    page[NameObject("/Contents")] = ArrayObject(
        [
            _stream(writer, b"q\n"),
            *old_streams,
            _stream(writer, b"\nQ\n"),
            _stream(writer, f"q {name} Do Q\n".encode("ascii")),
        ]
    )


def _destinations(
    writer: PdfWriter,
    parts: Mapping[int, PdfReader],
    first: Mapping[int, int],
    owners: Mapping[str, int],
) -> None:
    names: dict[str, ArrayObject] = {}
    for i, r in parts.items():
        for name, dest in r.named_destinations.items():
            if owners.get(name) != i or name in names:
                continue  # a stand-in for an anchor of another part
            page = writer.pages[first[i] + r.get_destination_page_number(dest)]
            names[name] = ArrayObject(
                [
                    page.indirect_reference,
                    NameObject("/XYZ"),
                    FloatObject(dest.left or 0),
                    FloatObject(dest.top or 0),
                    NumberObject(0),
                ]
            )
    flat = ArrayObject()
    for name in sorted(names):  # a name tree's keys are sorted
        flat.extend([TextStringObject(name), names[name]])
    dests = DictionaryObject({NameObject("/Names"): flat})
    writer._root_object[NameObject("/Names")] = DictionaryObject(
        {NameObject("/Dests"): writer._add_object(dests)}
    )


def _outline(writer: PdfWriter, r: PdfReader, items: list, offset: int, parent: Any) -> None:
    last = parent
    for item in items:
        if isinstance(item, list):
            _outline(writer, r, item, offset, last)
            continue
        last = writer.add_outline_item(
            title=str(item.title),
            page_number=offset + r.get_destination_page_number(item),
            parent=parent,
            fit=Fit.xyz(left=item.left, top=item.top, zoom=None),
        )
