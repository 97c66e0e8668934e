"""pestle.ingest: read a document, parse it into sections/paragraphs/tables, extract claims.

read_text(path, *, max_bytes)   -> str           (InputError on a bad file)
parse(text)                     -> Document      (sections, paragraphs, sentences, tables)
extract(text_or_document)       -> list[Claim]   (sorted by start)
extract_file(path, *, title, max_bytes) -> Extraction (source + claims, or a warning)
read_claims(text, name)         -> (claims, warning): no claims from a language not read
EMBEDDED_REPORT                 -> Path of the embedded source report
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pestle.ingest.document import (
        Cell,
        Document,
        HeaderCell,
        Paragraph,
        Row,
        Section,
        Sentence,
        Table,
        parse,
    )
    from pestle.ingest.extraction import EMBEDDED_REPORT, Extraction, extract_file, read_claims
    from pestle.ingest.extractor import extract
    from pestle.ingest.reader import DEFAULT_MAX_BYTES, read_text


# The extractor compiles its grammars on import (about 0.1 s); a command that only needs a
# constant (`DEFAULT_MAX_BYTES` for its --help) or the reader must not pay for it, so the
# names below load on first use (PEP 562).
def __getattr__(name: str) -> Any:
    if name in ("Cell", "Document", "HeaderCell", "Paragraph", "Row", "Section", "Sentence",
                "Table", "parse"):  # fmt: skip
        from pestle.ingest import document

        return getattr(document, name)
    if name in ("EMBEDDED_REPORT", "Extraction", "extract_file", "read_claims"):
        from pestle.ingest import extraction

        return getattr(extraction, name)
    if name == "extract":
        from pestle.ingest.extractor import extract

        return extract
    if name in ("DEFAULT_MAX_BYTES", "read_text"):
        from pestle.ingest import reader

        return getattr(reader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "DEFAULT_MAX_BYTES",
    "EMBEDDED_REPORT",
    "Cell",
    "Document",
    "Extraction",
    "HeaderCell",
    "Paragraph",
    "Row",
    "Section",
    "Sentence",
    "Table",
    "extract",
    "extract_file",
    "parse",
    "read_claims",
    "read_text",
]
