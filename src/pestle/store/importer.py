"""Write documents as revisions: one transaction, bulk inserts, nothing overwritten.

A document is known by its name (by default the file's stem, e.g. ``source_report``).
Importing content whose sha256 equals the document's latest revision writes nothing;
other content becomes the next revision of that document (``parent`` = the one before).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, insert, select

from pestle.errors import StoreError
from pestle.model import Claim, Source
from pestle.store.results import DocumentImport, ImportResult, RevisionKind
from pestle.store.schema import ClaimRow, DocumentRow, RevisionRow, SourceRow, utcnow

BATCH = 15_000  # claims per executemany
Progress = Callable[[int, int], None]  # (claims written so far, claims to write)

claims_table = ClaimRow.__table__
revisions_table = RevisionRow.__table__
documents_table = DocumentRow.__table__
sources_table = SourceRow.__table__


@dataclass(frozen=True)
class PreparedDocument:
    """A document read and parsed, ready to be written: its name, source and claims."""

    name: str
    source: Source
    claims: Sequence[Claim]
    kind: RevisionKind = "text"
    path: str | None = None
    lines: Sequence[int | None] | None = None  # tables: line (row) of each claim
    references: Sequence[str | None] | None = None  # tables: cited source of each claim


def check_names(documents: Sequence[PreparedDocument]) -> None:
    """Two files of one import may not claim the same document name."""
    seen: dict[str, str | None] = {}
    for doc in documents:
        if doc.name in seen and seen[doc.name] != doc.path:
            raise StoreError(
                f"{doc.path} and {seen[doc.name]} would both be document {doc.name!r}: "
                "import them separately or give each a distinct name"
            )
        seen[doc.name] = doc.path


def write_documents(
    conn: Connection, documents: Sequence[PreparedDocument], progress: Progress | None = None
) -> ImportResult:
    """Write every document on ``conn`` (the caller owns the transaction)."""
    check_names(documents)
    total = sum(len(d.claims) for d in documents)
    done = 0
    outcomes: list[DocumentImport] = []
    for doc in documents:
        outcome = _write_one(conn, doc, done, total, progress)
        outcomes.append(outcome)
        if outcome.status != "unchanged":
            done += outcome.claims
    return ImportResult(documents=tuple(outcomes))


def _write_one(
    conn: Connection, doc: PreparedDocument, done: int, total: int, progress: Progress | None
) -> DocumentImport:
    document_id = _document_id(conn, doc.name)
    latest = conn.execute(
        select(RevisionRow.id, RevisionRow.number, RevisionRow.claim_count, SourceRow.sha256)
        .join(SourceRow, SourceRow.id == RevisionRow.source_id)
        .where(RevisionRow.document_id == document_id)
        .order_by(RevisionRow.number.desc())
        .limit(1)
    ).first()
    if latest is not None and latest.sha256 == doc.source.sha256:
        return DocumentImport(
            path=doc.path,
            document=doc.name,
            status="unchanged",
            revision=latest.id,
            number=latest.number,
            sha256=doc.source.sha256,
            claims=latest.claim_count,
        )
    number = 1 if latest is None else latest.number + 1
    revision_id = conn.execute(
        insert(revisions_table)
        .values(
            document_id=document_id,
            number=number,
            source_id=_source_id(conn, doc.source),
            parent_id=None if latest is None else latest.id,
            kind=doc.kind,
            path=doc.path,
            claim_count=len(doc.claims),
            created_at=utcnow(),
        )
        .returning(revisions_table.c.id)
    ).scalar_one()
    insert_batch = _batch_inserter(conn)
    for batch in _batches(_claim_rows(revision_id, doc), BATCH):
        insert_batch(batch)
        done += len(batch)
        if progress is not None:
            progress(done, total)
    return DocumentImport(
        path=doc.path,
        document=doc.name,
        status="new" if latest is None else "revised",
        revision=revision_id,
        number=number,
        sha256=doc.source.sha256,
        claims=len(doc.claims),
    )


def _document_id(conn: Connection, name: str) -> int:
    found = conn.execute(select(DocumentRow.id).where(DocumentRow.name == name)).scalar()
    if found is not None:
        return int(found)
    return int(
        conn.execute(
            insert(documents_table)
            .values(name=name, created_at=utcnow())
            .returning(documents_table.c.id)
        ).scalar_one()
    )


def _source_id(conn: Connection, source: Source) -> int:
    found = conn.execute(select(SourceRow.id).where(SourceRow.sha256 == source.sha256)).scalar()
    if found is not None:
        return int(found)
    return int(
        conn.execute(
            insert(sources_table)
            .values(
                sha256=source.sha256,
                title=source.title,
                path=source.path,
                language=source.language,
                created_at=utcnow(),
            )
            .returning(sources_table.c.id)
        ).scalar_one()
    )


COLUMNS = (
    "revision_id",
    "position",
    "value",
    "unit",
    "qualifier",
    "period_start",
    "period_end",
    "measure",
    "subject",
    "text",
    "span_start",
    "span_end",
    "section",
    "line",
    "reference",
)
Row = tuple[Any, ...]


def _claim_rows(revision_id: int, doc: PreparedDocument) -> Iterator[Row]:
    """One tuple per claim, in `COLUMNS` order."""
    lines = doc.lines or ()
    references = doc.references or ()
    for position, claim in enumerate(doc.claims):
        period = claim.period
        yield (
            revision_id,
            position,
            claim.value,
            claim.unit,
            claim.qualifier,
            period.start if period is not None else None,
            period.end if period is not None else None,
            claim.measure,
            claim.subject,
            claim.text,
            claim.start,
            claim.end,
            claim.section,
            lines[position] if position < len(lines) else None,
            references[position] if position < len(references) else None,
        )


def _batch_inserter(conn: Connection) -> Callable[[list[Row]], None]:
    """The fastest way this database takes many rows: COPY on PostgreSQL, a driver-level
    executemany on SQLite (dates as ISO text, as SQLAlchemy stores them), Core otherwise."""
    dialect = conn.dialect.name
    names = ", ".join(COLUMNS)
    if dialect == "postgresql":
        sql = f"COPY {claims_table.name} ({names}) FROM STDIN"

        def copy(batch: list[Row]) -> None:
            cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            with cursor.copy(sql) as copier:
                for row in batch:
                    copier.write_row(row)

        return copy
    if dialect == "sqlite":
        marks = ", ".join("?" * len(COLUMNS))
        sql = f"INSERT INTO {claims_table.name} ({names}) VALUES ({marks})"

        def executemany(batch: list[Row]) -> None:
            rows = [(*r[:5], _iso(r[5]), _iso(r[6]), *r[7:]) for r in batch]
            conn.exec_driver_sql(sql, rows)

        return executemany

    def core(batch: list[Row]) -> None:
        conn.execute(insert(claims_table), [dict(zip(COLUMNS, r, strict=True)) for r in batch])

    return core


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day is not None else None


def _batches(rows: Iterator[Row], size: int) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
