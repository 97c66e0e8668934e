"""report.docx: the report as a Word document (python-docx) from the same view model.

Headings, paragraphs, bullet lists and tables as Word's own; charts as PNG pictures (the
specs the HTML draws, converted by vl-convert); the evidence as real Word footnotes with the
text of the HTML report's notes. Word numbers footnotes in reading order (the report numbers
them by first citation), so a note has its Word number everywhere in the document: at its
first citation a footnote, at a later one its number in superscript, and in the notes that
cite it "[n]". Notes cited only by other notes (Word footnotes cannot nest) are numbered
after the footnotes and listed at the end under "Further notes".

python-docx has no footnote API: the footnotes part is written here as WordprocessingML.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from xml.sax.saxutils import escape, quoteattr

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from pestle.report.footnotes import one_mark_per_sentence
from pestle.report.view import (
    Block,
    Bullets,
    Chart,
    Footnote,
    Link,
    Notice,
    Num,
    Paragraph,
    Refs,
    Report,
    Table,
    Term,
    Text,
)

FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHART_WIDTH = Inches(6.2)
FURTHER = "Further notes"
_NOTE_SIZE = 16  # half-points: 8 pt footnotes


Numbering = Callable[[int], int]  # the report's note number -> the document's


def footnote_parts(f: Footnote, number: Numbering = int) -> list[tuple[str, bool]]:
    """A note's text as (text, superscript) runs, worded as the HTML report's note; notes it
    cites are numbered by `number`."""
    out: list[tuple[str, bool]] = []
    if f.kind == "quote":
        out.append(("“" + "".join(t for t, _ in f.quote_parts) + "”", False))
        if f.context:
            out.append((f" (table row; columns: {f.context})", False))
        where = f", section “{f.where}”" if f.where else ""
        out.append((f" {f.title}{where}", False))
    elif f.kind == "reference":
        out.append((f"Reference data {f.title}", False))
        if f.body:
            out.append((": ", False))
            out += _plain(f.body, number)
        where = f"{f.ref_id}, {f.where}" if f.ref_id else f.where
        out.append((f" ({where}). Source: {f.source}", False))
    elif f.kind == "document":
        out.append((f"{f.title} ({f.where})" + (f" {f.source}" if f.source else ""), False))
    else:
        out.append((f"{f.title}: ", False))
        out += _plain(f.body, number)
        if f.where:
            out.append((f" ({f.where})", False))
    return out


def footnote_text(f: Footnote, number: Numbering = int) -> str:
    """A note's text as one string (superscript note numbers included)."""
    return "".join(t for t, _ in footnote_parts(f, number))


def _plain(parts: Text, number: Numbering) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for p in one_mark_per_sentence(parts):
        if isinstance(p, Num | Refs):
            if isinstance(p, Num):
                out.append((p.text, False))
            if p.notes:
                out.append((",".join(str(number(n)) for n in p.notes), True))
        elif isinstance(p, Link) and _note_link(p) is not None:
            out.append((f"[{number(_note_link(p) or 0)}]", False))
        elif isinstance(p, Link | Term):
            out.append((p.text, False))
        else:
            out.append((str(p), False))
    return out


def _note_link(link: Link) -> int | None:
    """The note a link points at (``#fn-12`` -> 12), or None."""
    tail = link.anchor.removeprefix("fn-")
    return int(tail) if link.anchor.startswith("fn-") and tail.isdigit() else None


class _Notes:
    """The document's numbering of the report's notes, and the footnotes part."""

    def __init__(self, footnotes: Iterable[Footnote]) -> None:
        self.by_number = {f.number: f for f in footnotes}
        self.word: dict[int, int] = {}  # report number -> Word number, in reading order
        self.placed: list[int] = []  # report numbers with a footnote, in order

    def number(self, n: int) -> int:
        """The Word number of a report note (notes not yet cited get the next numbers)."""
        if n not in self.word:
            self.word[n] = len(self.word) + 1
        return self.word[n]

    def cite(self, paragraph: DocxParagraph, notes: tuple[int, ...]) -> None:
        for i, n in enumerate(notes):
            if i:
                _super(paragraph, ",")
            if n in self.by_number and n not in self.word:
                self.placed.append(n)
                paragraph._p.append(parse_xml(_reference_xml(self.number(n))))
            else:
                _super(paragraph, str(self.number(n)))

    def further(self) -> list[Footnote]:
        """The notes with no footnote (cited only by other notes), numbered after them."""
        rest = [f for n, f in sorted(self.by_number.items()) if n not in self.placed]
        for f in rest:
            self.number(f.number)
        return sorted(rest, key=lambda f: self.word[f.number])

    def xml(self) -> bytes:
        body = "".join(
            _footnote_xml(self.by_number[n], self.word[n], self.number) for n in self.placed
        )
        return (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:footnotes xmlns:w="{W}">'
            f'<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
            f"</w:footnote>"
            f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
            f"<w:continuationSeparator/></w:r></w:p></w:footnote>"
            f"{body}</w:footnotes>"
        ).encode()


def _reference_xml(word: int) -> str:
    return (
        f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
        f'<w:footnoteReference w:id="{word}"/></w:r>'
    )


def _run_xml(text: str, superscript: bool = False) -> str:
    props = '<w:vertAlign w:val="superscript"/>' if superscript else ""
    return (
        f'<w:r><w:rPr>{props}<w:sz w:val="{_NOTE_SIZE}"/></w:rPr>'
        f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'
    )


def _footnote_xml(f: Footnote, word: int, number: Numbering) -> str:
    runs = "".join(_run_xml(t, sup) for t, sup in footnote_parts(f, number))
    mark = (
        f'<w:r><w:rPr><w:vertAlign w:val="superscript"/><w:sz w:val="{_NOTE_SIZE}"/></w:rPr>'
        f"<w:footnoteRef/></w:r>"
    )
    return (
        f"<w:footnote w:id={quoteattr(str(word))}><w:p>{mark}{_run_xml(' ')}{runs}</w:p>"
        f"</w:footnote>"
    )


def _super(paragraph: DocxParagraph, text: str) -> None:
    paragraph.add_run(text).font.superscript = True


def _fragments(paragraph: DocxParagraph, parts: Text, notes: _Notes) -> None:
    for p in one_mark_per_sentence(parts):
        if isinstance(p, Num):
            paragraph.add_run(p.text).bold = p.strong or None
            notes.cite(paragraph, p.notes)
        elif isinstance(p, Refs):
            notes.cite(paragraph, p.notes)
        elif isinstance(p, Term):
            paragraph.add_run(p.text).bold = True
        elif isinstance(p, Link):
            target = _note_link(p)
            if target is not None:
                notes.cite(paragraph, (target,))
            else:
                paragraph.add_run(p.text)
        else:
            paragraph.add_run(str(p))


def _block(doc: Document, b: Block, notes: _Notes, pngs: dict[str, bytes]) -> None:
    if isinstance(b, Paragraph):
        p = doc.add_paragraph(style="Intense Quote" if b.tone == "warning" else None)
        if b.label:
            p.add_run(f"{b.label} ").bold = True
        _fragments(p, b.parts, notes)
    elif isinstance(b, Bullets):
        for item in b.items:
            _fragments(doc.add_paragraph(style="List Bullet"), item, notes)
    elif isinstance(b, Table):
        _table(doc, b, notes)
    elif isinstance(b, Chart):
        png = pngs.get(b.id)
        if png is not None:
            doc.add_picture(io.BytesIO(png), width=CHART_WIDTH)
        caption = doc.add_paragraph(style="Caption")
        caption.add_run(b.title + ". ")
        _fragments(caption, b.source, notes)
    elif isinstance(b, Notice):
        doc.add_paragraph(b.message).runs[0].italic = True
    else:
        raise TypeError(f"unknown block {type(b).__name__}")


def _table(doc: Document, t: Table, notes: _Notes) -> None:
    doc.add_paragraph(t.caption, style="Caption")
    table = doc.add_table(rows=1, cols=len(t.columns))
    table.style = "Light Grid Accent 1"
    for cell, column in zip(table.rows[0].cells, t.columns, strict=True):
        cell.text = column.title
    for row in t.rows:
        cells = table.add_row().cells
        for cell, value, column in zip(cells, row, t.columns, strict=True):
            p = cell.paragraphs[0]
            if column.numeric:
                p.alignment = 2  # right
            _fragments(p, value, notes)
    if t.note:
        p = doc.add_paragraph()
        _fragments(p, t.note, notes)
        for run in p.runs:
            run.italic = True


def render_docx(report: Report, pngs: dict[str, bytes]) -> bytes:
    """The report as .docx bytes; `pngs` maps chart ids to their PNG pictures."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    doc.styles["Normal"].font.size = Pt(10.5)
    meta = report.meta
    doc.core_properties.title = meta.title
    doc.core_properties.subject = meta.subtitle
    doc.core_properties.author = f"pestle {meta.pestle_version}"
    doc.add_heading(meta.title, level=0)
    doc.add_paragraph(meta.subtitle)
    notes = _Notes(report.footnotes)
    for label, value in meta.facts:
        p = doc.add_paragraph()
        p.add_run(f"{label}: ").bold = True
        _fragments(p, value, notes)
    for s in report.sections:
        doc.add_heading(f"{s.number} {s.title}", level=1)
        for b in s.intro:
            _block(doc, b, notes, pngs)
        for sub in s.subsections:
            doc.add_heading(sub.title, level=2)
            for b in sub.blocks:
                _block(doc, b, notes, pngs)
    further = notes.further()
    if further:
        doc.add_heading(FURTHER, level=1)
        for f in further:
            p = doc.add_paragraph()
            p.add_run(f"{notes.number(f.number)} ").bold = True
            for text, sup in footnote_parts(f, notes.number):
                p.add_run(text).font.superscript = sup or None
    if meta.colophon:
        doc.add_paragraph(meta.colophon).runs[0].italic = True
    part = Part(PackURI("/word/footnotes.xml"), FOOTNOTES_TYPE, notes.xml(), doc.part.package)
    doc.part.relate_to(part, RT.FOOTNOTES)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def chart_pngs(charts: Iterable[Chart], scale: float = 2.0) -> dict[str, bytes]:
    """Each chart as a PNG picture (vl-convert, the Vega-Lite version the report uses)."""
    from pestle.present import converter
    from pestle.present.vendor import VEGA_LITE_VERSION

    vlc = converter.vl_convert()  # the charts name the shipped font, registered there
    return {
        c.id: vlc.vegalite_to_png(c.spec, scale=scale, vl_version=VEGA_LITE_VERSION) for c in charts
    }
