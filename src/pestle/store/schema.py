"""The store's tables (SQLAlchemy 2 declarative). Changes go through Alembic migrations.

    sources      one row per distinct content (sha256); title, path, language
    documents    one row per document name; its versions are revisions
    revisions    one version of one document: which source, which number (1, 2, ...),
                 the revision before it, how many claims it holds
    claims       the numbers a revision states, in document order (`position`)
    entities     named things of a case, versioned by key (a changed entity is a new row)
    links        evidence of an entity: a stable key to a claim, and the claim it resolved to

Nothing is ever updated or deleted by an import: every table only grows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Integer primary keys that are SQLite rowids and 64-bit on PostgreSQL.
BigId = BigInteger().with_variant(Integer(), "sqlite")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON}  # noqa: RUF012


class SourceRow(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(Text)
    path: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class RevisionRow(Base):
    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("document_id", "number", name="uq_revisions_document"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    document_id: Mapped[int] = mapped_column(BigId, ForeignKey("documents.id"))
    number: Mapped[int] = mapped_column(Integer)
    source_id: Mapped[int] = mapped_column(BigId, ForeignKey("sources.id"))
    parent_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("revisions.id"))
    kind: Mapped[str] = mapped_column(String(16))  # "text" (a document) or "table" (indicators)
    path: Mapped[str | None] = mapped_column(Text)
    claim_count: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ClaimRow(Base):
    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("revision_id", "position", name="uq_claims_revision_position"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    revision_id: Mapped[int] = mapped_column(BigId, ForeignKey("revisions.id"))
    position: Mapped[int] = mapped_column(Integer)  # 0-based order of the claim in its revision
    value: Mapped[float] = mapped_column(Double)
    unit: Mapped[str] = mapped_column(String(8))
    qualifier: Mapped[str] = mapped_column(String(2))
    period_start: Mapped[date | None] = mapped_column(Date)
    period_end: Mapped[date | None] = mapped_column(Date)
    measure: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    section: Mapped[str | None] = mapped_column(Text)
    line: Mapped[int | None] = mapped_column(Integer)  # tabular imports: the file line / row
    reference: Mapped[str | None] = mapped_column(Text)  # tabular imports: the cited source


class EntityRow(Base):
    __tablename__ = "entities"
    __table_args__ = (UniqueConstraint("key", "version", name="uq_entities_key_version"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    key: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(Text)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class LinkRow(Base):
    __tablename__ = "links"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    entity_id: Mapped[int] = mapped_column(BigId, ForeignKey("entities.id"), index=True)
    document: Mapped[str] = mapped_column(Text)
    section: Mapped[str | None] = mapped_column(Text)
    quote: Mapped[str] = mapped_column(Text)
    attribute: Mapped[str | None] = mapped_column(String(200))
    claim_id: Mapped[int | None] = mapped_column(BigId, ForeignKey("claims.id"))


Index("ix_revisions_source_id", RevisionRow.source_id)
Index("ix_revisions_parent_id", RevisionRow.parent_id)

metadata = Base.metadata
