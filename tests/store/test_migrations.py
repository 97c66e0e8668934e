"""Alembic migrations: `init` reaches head, is idempotent, and the migrations build exactly
the tables schema.py declares, on both back ends."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from pestle.errors import StoreError
from pestle.store import migrate
from pestle.store.schema import metadata

TABLES = {"sources", "documents", "revisions", "claims", "entities", "links", "alembic_version"}


def test_init_creates_every_table_at_head(make_store) -> None:
    store = make_store()
    result = store.init()
    assert (result.before, result.after, result.changed) == (None, migrate.head(), True)
    with store.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) >= TABLES
        assert migrate.current(conn) == migrate.head()


def test_init_twice_changes_nothing(make_store) -> None:
    store = make_store()
    store.init()
    again = store.init()
    assert again.before == again.after == migrate.head() and not again.changed


def test_migrations_match_the_declared_schema(make_store) -> None:
    store = make_store()
    store.init()
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []


def test_reading_an_uninitialised_database_says_run_init(make_store) -> None:
    store = make_store()
    with store.engine.begin() as conn:  # the database exists but holds no pestle tables
        conn.execute(text("CREATE TABLE unrelated (x INTEGER)"))
    with pytest.raises(StoreError, match="no pestle store yet: run `pestle db init`"):
        store.revisions()


def test_a_schema_from_a_newer_pestle_is_refused(make_store) -> None:
    store = make_store()
    store.init()
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="schema 9999, unknown to this pestle"):
        store.revisions()
    with pytest.raises(StoreError, match="unknown to this pestle"):
        store.init()


def test_downgrade_to_base_then_init_rebuilds_the_store(make_store) -> None:
    store = make_store()
    store.init()
    with store.engine.begin() as conn:
        migrate.downgrade(conn)
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    with pytest.raises(StoreError, match="no pestle store yet"):
        store.revisions()
    assert store.init().changed
    assert store.revisions() == []


def test_known_migrations_are_the_scripts_in_the_package() -> None:
    assert list(migrate.KNOWN) == migrate.script_revisions()
    assert migrate.head() == migrate.script_revisions()[-1]
