"""Store fixtures: every store test runs on SQLite and, when PESTLE_TEST_PG_URL is set, on
PostgreSQL. Isolation on PostgreSQL: tests that need an empty database get a fresh schema of
their own; tests that need an initialised store share one migrated schema, emptied (rows deleted,
identities restarted) before each test. Every schema is dropped at the end."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from pestle.store import Store
from pestle.store.schema import metadata

PG_URL = os.environ.get("PESTLE_TEST_PG_URL")
NO_PG = "PESTLE_TEST_PG_URL is not set: no PostgreSQL server to test against"

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


def pg_schema_url(schema: str) -> str:
    assert PG_URL is not None
    url = make_url(PG_URL).update_query_dict({"options": f"-csearch_path={schema}"})
    return url.render_as_string(hide_password=False)


class PgSchemas:
    """Creates scratch schemas on the test server and drops them all at the end."""

    def __init__(self, url: str) -> None:
        self.admin: Engine = create_engine(url)
        self.created: list[str] = []
        self._shared: str | None = None

    def new(self) -> str:
        schema = f"pestle_t_{uuid.uuid4().hex[:12]}"
        with self.admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        self.created.append(schema)
        return pg_schema_url(schema)

    def shared_store(self) -> str:
        """One migrated schema, emptied before each use."""
        if self._shared is None:
            self._shared = self.new()
            store = Store(self._shared)
            store.init()
            store.close()
        store = Store(self._shared)
        with store.engine.begin() as conn:  # DELETE: much faster than TRUNCATE on tiny tables
            for table in reversed(metadata.sorted_tables):
                conn.execute(table.delete())
            for table in metadata.sorted_tables:
                conn.execute(text(f"ALTER SEQUENCE {table.name}_id_seq RESTART"))
        store.close()
        return self._shared

    def drop_all(self) -> None:
        with self.admin.begin() as conn:
            for schema in self.created:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_schemas() -> Iterator[PgSchemas | None]:
    if not PG_URL:
        yield None
        return
    schemas = PgSchemas(PG_URL)
    yield schemas
    schemas.drop_all()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgresql" and not PG_URL:
        pytest.skip(NO_PG)
    return str(request.param)


@pytest.fixture
def fresh_url(backend: str, tmp_path, pg_schemas: PgSchemas | None) -> str:
    """A URL to an empty database (no tables) of the back end under test."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'fresh.db'}"
    assert pg_schemas is not None
    return pg_schemas.new()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """An initialised SQLite store, migrated once and copied for each test."""
    path = tmp_path_factory.mktemp("template") / "store.db"
    store = Store(str(path))
    store.init()
    store.close()  # the last connection checkpoints the WAL into the file
    return path


@pytest.fixture
def store_url(backend: str, tmp_path, pg_schemas: PgSchemas | None, sqlite_template: Path) -> str:
    """A URL to an initialised, empty store of the back end under test."""
    if backend == "sqlite":
        path = tmp_path / "store.db"
        shutil.copyfile(sqlite_template, path)
        return f"sqlite:///{path}"
    assert pg_schemas is not None
    return pg_schemas.shared_store()


def _closing(url: str) -> Iterator[Callable[[], Store]]:
    opened: list[Store] = []

    def make() -> Store:
        store = Store(url)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def make_store(fresh_url: str) -> Iterator[Callable[[], Store]]:
    """Stores on an empty database of their own (schema not created); closed at the end."""
    yield from _closing(fresh_url)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    """An initialised, empty store on the back end under test."""
    s = Store(store_url)
    yield s
    s.close()
