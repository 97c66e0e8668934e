"""One PDF from the PDFs of the parts of the print document (pikepdf, on qpdf).

Each part (cover, contents, a section, the notes) was laid out on pages of its own, without
page furniture; the furniture document has one page per page of the whole, with the running
title and "Page n of N" only. A `Book` puts them together:

- the pages of each part as soon as it is there (parts come in any order);
- the furniture page drawn over each page (as a form XObject: the part's own drawing is
  left untouched and never re-encoded, `_overlay`);
- one table of named destinations, each anchor taken from the part that holds it. A link
  to another part was kept by a stand-in anchor in the part that holds the link (see
  `render_pdf.py`); the stand-ins are left out here, so the link goes to the real place;
- the bookmarks (outline), from the report's headings (each to its anchor's destination:
  both engines write the same destinations, where only WeasyPrint writes bookmarks
  without a tagged PDF, which costs Chromium a third of its time); title and language.

Library choice: pikepdf (qpdf's C++ underneath) copies pages between documents, draws one
page over another (as `Page.add_overlay` does) and writes name trees and outlines; it puts the 43
pages of the embedded case's report together in a few hundredths of a second, where pypdf
(pure Python) took about half a second of every rebuild. pypdf stays in the tests, as an
independent reader of what is written here.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, NameTree, OutlineItem, Pdf


def reader(pdf: bytes) -> Pdf:
    return Pdf.open(io.BytesIO(pdf))


@dataclass(frozen=True)
class Mark:
    """A bookmark: its title, the anchor it goes to, and the bookmarks under it."""

    title: str
    anchor: str
    children: tuple[Mark, ...] = ()


def page_count(pdf: bytes) -> int:
    with reader(pdf) as doc:
        return len(doc.pages)


class Book:
    """The document being put together from its parts, numbered 0, 1, … in page order."""

    def __init__(self) -> None:
        self.doc = Pdf.new()
        # the parts stay open until the book is written: their pages are copied from them
        self.parts: dict[int, Pdf] = {}

    def add(self, index: int, pdf: bytes) -> int:
        """Put in the pages of part `index` (in its place among the parts already in);
        returns its number of pages."""
        part = reader(pdf)
        _dests_as_strings(part)
        at = sum(len(p.pages) for i, p in self.parts.items() if i < index)
        for j, page in enumerate(part.pages):
            self.doc.pages.insert(at + j, page)
        self.parts[index] = part
        return len(part.pages)

    def pages(self, index: int) -> int:
        return len(self.parts[index].pages)

    def page_count(self) -> int:
        return len(self.doc.pages)

    def finish(
        self,
        furniture: bytes,
        owners: Mapping[str, int],
        *,
        outline: Sequence[Mark] = (),
        title: str,
        creator: str,
        lang: str = "en",
    ) -> bytes:
        """The PDF: `furniture` over every page, the anchors `owners` gives to each part
        (anchor -> index of the part that holds it), the bookmarks `outline` (each going to
        its anchor), title and language."""
        doc = self.doc
        with reader(furniture) as over:
            if len(over.pages) != len(doc.pages):
                raise ValueError(
                    f"page furniture has {len(over.pages)} pages, the document {len(doc.pages)}"
                )
            for page, on_top in zip(doc.pages, over.pages, strict=True):
                _overlay(page, on_top)
            producer = str(over.docinfo.get("/Producer", "WeasyPrint"))
            first: dict[int, int] = {}
            at = 0
            for i in sorted(self.parts):
                first[i] = at
                at += len(self.parts[i].pages)
            names = self._destinations(first, owners)
            self._outline(outline, names)
            doc.docinfo[Name.Title] = title
            doc.docinfo[Name.Creator] = creator
            doc.docinfo[Name.Producer] = f"{producer}, pikepdf"
            doc.Root.Lang = pikepdf.String(lang)
            out = io.BytesIO()
            doc.save(out)  # the furniture's pages are copied in here, so it is still open
        for part in self.parts.values():
            part.close()
        return out.getvalue()

    def _target(self, part: int, dest: Any, first: Mapping[int, int]) -> tuple[int, Any] | None:
        """(page of the whole document, destination array) of a part's destination."""
        if isinstance(dest, Dictionary):
            dest = dest.get("/D")
        if not isinstance(dest, Array) or len(dest) < 1:
            return None
        pages = self.parts[part].pages
        try:
            number = pages.index(pikepdf.Page(dest[0]))
        except (ValueError, TypeError):
            return None
        return first[part] + number, dest

    def _destinations(self, first: Mapping[int, int], owners: Mapping[str, int]) -> NameTree:
        names = NameTree.new(self.doc)
        seen: set[str] = set()
        for i, part in self.parts.items():
            for name, dest in _named_destinations(part):
                if owners.get(name) != i or name in seen:
                    continue  # a stand-in for an anchor of another part
                target = self._target(i, dest, first)
                if target is None:
                    continue
                page, array = target
                seen.add(name)
                names[name] = Array([self.doc.pages[page].obj, Name.XYZ, *_position(array), 0])
        self.doc.Root.Names = Dictionary(Dests=names.obj)
        return names

    def _outline(self, marks: Sequence[Mark], names: NameTree) -> None:
        """Bookmarks of `marks`, each going where its anchor's destination is (a mark whose
        anchor has none is left out, with its children)."""
        with self.doc.open_outline() as outline:
            outline.root.extend(self._items(marks, names))

    def _items(self, marks: Sequence[Mark], names: NameTree) -> Iterator[OutlineItem]:
        for mark in marks:
            dest = names.get(mark.anchor)
            if not isinstance(dest, Array):
                continue
            page = self.doc.pages.index(pikepdf.Page(dest[0]))
            left, top = _position(dest)
            item = OutlineItem(mark.title, page, "XYZ", left=left, top=top)
            item.children.extend(self._items(mark.children, names))
            yield item


def _overlay(page: pikepdf.Page, on_top: pikepdf.Page) -> None:
    """Draw `on_top` over `page` as a form XObject, the page's own drawing put in q/Q first:
    what `Page.add_overlay` does, without joining the page's content streams into one at
    the end. Joined, each page's drawing was decoded, and compressed again when the book
    was written: two thirds of the time of writing it. Here the page's streams are kept as
    the part's PDF has them, with three small streams around them."""
    form = on_top.as_form_xobject()
    name = page.add_resource(form, Name.XObject)
    placed = page.calc_form_xobject_placement(
        form, name, pikepdf.Rectangle(page.trimbox), allow_shrink=True, allow_expand=True
    )
    page.contents_add(b"q\n", prepend=True)
    page.contents_add(b"Q\n")
    page.contents_add(placed)


def _dests_as_strings(part: Pdf) -> None:
    """Links to a named destination by a name object (as Chromium writes them, for its
    destinations dictionary) go by the same name as a string: the book's destinations are
    a name tree, whose keys are strings."""
    for page in part.pages:
        for annot in page.obj.get("/Annots", ()):
            dest = annot.get("/Dest")
            if isinstance(dest, Name):
                annot.Dest = pikepdf.String(str(dest)[1:])


def _named_destinations(part: Pdf) -> Iterator[tuple[str, Any]]:
    names = part.Root.get("/Names")
    if names is not None and "/Dests" in names:
        for name, dest in NameTree(names.Dests).items():
            yield str(name), dest
    old_style = part.Root.get("/Dests")  # PDF 1.1 destinations dictionary
    if isinstance(old_style, Dictionary):
        for key, dest in old_style.items():
            yield key.lstrip("/"), dest


def _position(dest: Array) -> tuple[float, float]:
    """Left and top of an /XYZ destination (0 where the destination leaves them open)."""
    return _number(dest, 2), _number(dest, 3)


def _number(dest: Array, k: int) -> float:
    if len(dest) <= k:
        return 0.0
    try:
        return float(dest[k])
    except (TypeError, ValueError):  # null: "keep the current position"
        return 0.0
