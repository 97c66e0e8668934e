"""Which database, and how to talk to it.

URL resolution: an explicit URL (``--db``) wins, then the environment variable ``PESTLE_DB``,
then the SQLite file ``pestle.db`` in the working directory. A plain path (no ``://``) means
a SQLite file; ``postgresql://`` means PostgreSQL through psycopg 3.

SQLite connections run in WAL mode with a busy timeout, enforce foreign keys, and begin
their transactions themselves: ``BEGIN IMMEDIATE`` for writers (so two importers queue on
the write lock instead of failing when one upgrades a read lock), plain ``BEGIN`` for readers.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError

from pestle.errors import StoreError

ENV_VAR = "PESTLE_DB"
DEFAULT_FILE = "pestle.db"
BUSY_TIMEOUT_MS = 30_000
PG_CONNECT_TIMEOUT_S = 5
WRITE_OPTION = "pestle_write"  # execution option: this connection begins a write transaction


def resolve_url(url: str | None = None) -> URL:
    """The database URL to use: ``url`` > ``$PESTLE_DB`` > ``sqlite:///./pestle.db``."""
    text = url if url else os.environ.get(ENV_VAR) or None
    if not text:
        return URL.create("sqlite", database=str(Path.cwd() / DEFAULT_FILE))
    if "://" not in text:  # a plain path is a SQLite file
        return URL.create("sqlite", database=str(Path(text).expanduser().absolute()))
    try:
        parsed = make_url(text)
    except (ArgumentError, ValueError) as exc:
        raise StoreError(f"database URL {text!r} is not valid: {exc}") from exc
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def describe(url: URL) -> str:
    """The URL as shown to a user: the file for SQLite, the URL without password otherwise."""
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return str(url.database)
    return url.render_as_string(hide_password=True)


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL (``None`` for in-memory or non-SQLite URLs)."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    database = str(url.database)
    if database.startswith("file:"):
        return None
    return Path(database)


def make_engine(url: URL) -> Engine:
    """An engine for ``url`` with pestle's connection settings (see module docstring)."""
    backend = url.get_backend_name()
    connect_args: dict[str, Any] = {}
    if backend == "postgresql" and "connect_timeout" not in url.query:
        connect_args["connect_timeout"] = PG_CONNECT_TIMEOUT_S
    if backend == "sqlite":
        connect_args["timeout"] = BUSY_TIMEOUT_MS / 1000
    try:
        engine = create_engine(url, connect_args=connect_args)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StoreError(f"database URL {describe(url)} cannot be used: {exc}") from exc
    except ModuleNotFoundError as exc:
        raise StoreError(
            f"database URL {describe(url)} needs the Python module {exc.name!r}: install it"
        ) from exc
    if backend == "sqlite":
        _configure_sqlite(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below issue BEGIN; pysqlite's own is unreliable.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = NORMAL")
            cursor.execute("PRAGMA foreign_keys = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
