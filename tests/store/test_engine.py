"""URL resolution, SQLite connection settings, and unreachable databases."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from pestle.errors import StoreError
from pestle.store import Store
from pestle.store.engine import ENV_VAR, make_engine, resolve_url


def test_explicit_url_wins_over_environment(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv(ENV_VAR, "sqlite:///from_env.db")
    assert resolve_url(f"sqlite:///{tmp_path}/given.db").database == f"{tmp_path}/given.db"


def test_environment_wins_over_default(monkeypatch) -> None:
    monkeypatch.setenv(ENV_VAR, "postgresql://u@h:5/d")
    url = resolve_url(None)
    assert (url.drivername, url.host, url.port, url.database) == ("postgresql+psycopg", "h", 5, "d")


def test_default_is_pestle_db_in_working_directory(monkeypatch, tmp_path) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    monkeypatch.chdir(tmp_path)
    url = resolve_url(None)
    assert url.get_backend_name() == "sqlite"
    assert Path(str(url.database)) == tmp_path / "pestle.db"


def test_a_plain_path_is_a_sqlite_file(tmp_path) -> None:
    url = resolve_url(str(tmp_path / "x.db"))
    assert url.get_backend_name() == "sqlite" and url.database == str(tmp_path / "x.db")


def test_invalid_url_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="not valid"):
        resolve_url("nonsense://:::")


def test_sqlite_runs_in_wal_mode_with_busy_timeout(tmp_path) -> None:
    engine = make_engine(resolve_url(str(tmp_path / "w.db")))
    try:
        with engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() == 30_000
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        engine.dispose()


@pytest.mark.parametrize(
    "url",
    [
        "postgresql://postgres@127.0.0.1:1/nowhere",  # nothing listens on port 1
        "sqlite:////nonexistent-dir/sub/pestle.db",
    ],
)
def test_unreachable_database_is_one_line_store_error(url: str) -> None:
    with pytest.raises(StoreError) as info:
        Store(url).init()
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("cannot reach database ")


def test_reading_a_missing_sqlite_file_does_not_create_it(tmp_path) -> None:
    path = tmp_path / "absent.db"
    with pytest.raises(StoreError, match=r"no database at .*absent\.db: run `pestle db init`"):
        Store(str(path)).revisions()
    assert not path.exists()


def test_password_is_not_shown(monkeypatch) -> None:
    store = Store("postgresql://user:secret@127.0.0.1:1/x")
    assert "secret" not in store.location
    with pytest.raises(StoreError) as info:
        store.revisions()
    assert "secret" not in str(info.value)


def test_a_writer_holds_the_sqlite_write_lock_from_its_first_statement(tmp_path) -> None:
    import sqlite3

    path = tmp_path / "lock.db"
    store = Store(str(path))
    store.init()
    try:
        with store._transaction(write=True):  # BEGIN IMMEDIATE: locked before any write
            other = sqlite3.connect(path, timeout=0, isolation_level=None)
            with pytest.raises(sqlite3.OperationalError, match="database is locked"):
                other.execute("BEGIN IMMEDIATE")
            other.close()
        with store._transaction(write=False):  # readers take no write lock
            other = sqlite3.connect(path, timeout=0, isolation_level=None)
            other.execute("BEGIN IMMEDIATE")
            other.execute("ROLLBACK")
            other.close()
    finally:
        store.close()


def test_a_file_that_is_not_a_database_is_one_line_store_error(tmp_path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("not a database\n" * 100, encoding="utf-8")
    with pytest.raises(StoreError) as info:
        Store(str(path)).revisions()
    assert str(info.value) == f"cannot reach database {path}: file is not a database"
