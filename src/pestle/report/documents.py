"""The case's documents as the footnotes need them: text, sentences, sections and table
headers by offset (the parser's boundaries, so a quote is a whole sentence)."""

from __future__ import annotations

from collections.abc import Mapping

from pestle.case import Case
from pestle.case.models import Document
from pestle.report.footnotes import DocumentText


def documents_of(case: Case) -> Mapping[str, DocumentText]:
    """The case's documents, with the parser's sentence boundaries for footnote quotes."""
    return {doc.id: _document_text(doc) for doc in case.documents}


def _document_text(doc: Document) -> DocumentText:
    """A case document for footnotes: sentences, sections and table headers by offset."""
    from pestle.ingest import parse

    text: str = doc.text
    parsed = parse(text)

    def sentence_span(offset: int) -> tuple[int, int] | None:
        s = parsed.sentence_at(offset)
        return (s.start, s.end) if s.start <= offset <= s.end else None

    def section_at(offset: int) -> str | None:
        sec = parsed.section_at(offset)
        return sec.title if sec is not None else None

    def table_header_at(offset: int) -> str | None:
        for table in parsed.tables:
            if table.start <= offset < table.end and table.header:
                first, last = table.header[0], table.header[-1]
                return text[first.start : last.end].strip(" |")
        return None

    return DocumentText(
        id=doc.id,
        title=doc.title,
        text=text,
        path=str(doc.source.path or doc.path or "") or None,
        sha256=doc.source.sha256,
        sentence_span=sentence_span,
        section_at=section_at,
        table_header_at=table_header_at,
    )
