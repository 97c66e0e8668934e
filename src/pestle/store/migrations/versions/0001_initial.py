"""The first store: sources, documents, revisions, claims, entities, links.

Revision ID: 0001
Revises:
Create Date: 2025-01-01 00:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BigId = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
Stamp = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "sources",
        sa.Column("id", BigId, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("created_at", Stamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_sources"),
        sa.UniqueConstraint("sha256", name="uq_sources_sha256"),
    )
    op.create_table(
        "documents",
        sa.Column("id", BigId, nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("created_at", Stamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("name", name="uq_documents_name"),
    )
    op.create_table(
        "revisions",
        sa.Column("id", BigId, nullable=False),
        sa.Column("document_id", BigId, nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("source_id", BigId, nullable=False),
        sa.Column("parent_id", BigId, nullable=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("claim_count", sa.Integer(), nullable=False),
        sa.Column("created_at", Stamp, nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name="fk_revisions_document_id_documents"
        ),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["revisions.id"], name="fk_revisions_parent_id_revisions"
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["sources.id"], name="fk_revisions_source_id_sources"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_revisions"),
        sa.UniqueConstraint("document_id", "number", name="uq_revisions_document"),
    )
    op.create_index("ix_revisions_source_id", "revisions", ["source_id"])
    op.create_index("ix_revisions_parent_id", "revisions", ["parent_id"])
    op.create_table(
        "claims",
        sa.Column("id", BigId, nullable=False),
        sa.Column("revision_id", BigId, nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.Double(), nullable=False),
        sa.Column("unit", sa.String(8), nullable=False),
        sa.Column("qualifier", sa.String(2), nullable=False),
        sa.Column("period_start", sa.Date(), nullable=True),
        sa.Column("period_end", sa.Date(), nullable=True),
        sa.Column("measure", sa.Text(), nullable=True),
        sa.Column("subject", sa.Text(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("line", sa.Integer(), nullable=True),
        sa.Column("reference", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["revision_id"], ["revisions.id"], name="fk_claims_revision_id_revisions"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.UniqueConstraint("revision_id", "position", name="uq_claims_revision_position"),
    )
    op.create_table(
        "entities",
        sa.Column("id", BigId, nullable=False),
        sa.Column("key", sa.String(200), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(100), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.Column("created_at", Stamp, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_entities"),
        sa.UniqueConstraint("key", "version", name="uq_entities_key_version"),
    )
    op.create_table(
        "links",
        sa.Column("id", BigId, nullable=False),
        sa.Column("entity_id", BigId, nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("section", sa.Text(), nullable=True),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("attribute", sa.String(200), nullable=True),
        sa.Column("claim_id", BigId, nullable=True),
        sa.ForeignKeyConstraint(["claim_id"], ["claims.id"], name="fk_links_claim_id_claims"),
        sa.ForeignKeyConstraint(["entity_id"], ["entities.id"], name="fk_links_entity_id_entities"),
        sa.PrimaryKeyConstraint("id", name="pk_links"),
    )
    op.create_index("ix_links_entity_id", "links", ["entity_id"])


def downgrade() -> None:
    op.drop_index("ix_links_entity_id", table_name="links")
    op.drop_table("links")
    op.drop_table("entities")
    op.drop_table("claims")
    op.drop_index("ix_revisions_parent_id", table_name="revisions")
    op.drop_index("ix_revisions_source_id", table_name="revisions")
    op.drop_table("revisions")
    op.drop_table("documents")
    op.drop_table("sources")
