"""pestle.ingest: read a document, parse it into sections/paragraphs/tables, extract claims.

read_text(path, *, max_bytes)   -> str           (InputError on a bad file)
parse(text)                     -> Document      (sections, paragraphs, sentences, tables)
extract(text_or_document)       -> list[Claim]   (sorted by start)
extract_file(path, *, title, max_bytes) -> Extraction (source + claims, or a warning)
read_claims(text, name)         -> (claims, warning): no claims from a language not read
EMBEDDED_REPORT                 -> Path of the embedded source report
"""

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
