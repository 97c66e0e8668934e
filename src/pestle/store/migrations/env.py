"""Alembic environment: migrations run on the connection pestle hands over (see migrate.py)."""

from __future__ import annotations

from alembic import context

from pestle.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("pestle migrations run through pestle.store.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
