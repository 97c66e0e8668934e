"""Alembic, run from inside the package: upgrade to head, and read where a database stands.

Alembic itself is imported only to migrate; reading the schema version is one query, so
everyday commands start fast. `HEAD` and `KNOWN` name the migrations in `migrations/versions`
(a test keeps them in step with the scripts).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

if TYPE_CHECKING:
    from alembic.config import Config

SCRIPT_LOCATION = "pestle.store:migrations"
KNOWN: tuple[str, ...] = ("0001",)  # every migration, oldest first
HEAD = KNOWN[-1]


def head() -> str:
    """The newest migration of this version of pestle."""
    return HEAD


def config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def script_revisions() -> list[str]:
    """The migrations Alembic finds in the package, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(config())
    return [r.revision for r in reversed(list(script.walk_revisions()))]


def current(connection: Connection) -> str | None:
    """The migration a database is at (``None``: never initialised)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(connection: Connection, target: str = "head") -> None:
    """Run the migrations up to ``target`` on ``connection`` (inside its transaction)."""
    from alembic import command

    command.upgrade(config(connection), target)


def downgrade(connection: Connection, target: str = "base") -> None:
    """Undo migrations down to ``target`` (tests and recovery only)."""
    from alembic import command

    command.downgrade(config(connection), target)
