"""The schema made and kept current by the app: Alembic's revisions in `migrations/`, run
programmatically when a process first opens the store (never by hand).

Several processes may start at once (replicas on one PostgreSQL server, servers and tests
on one SQLite file), so the upgrade runs in one transaction holding a lock: an advisory
lock on PostgreSQL, SQLite's write lock (`BEGIN IMMEDIATE`, database.py). The second
process waits, then finds the schema current and does nothing.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
LOCK_KEY = 7_254_301_726  # the advisory lock every ClaimScope process takes to migrate


def _config(connection: sa.Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head() -> str:
    """The newest revision shipped with this code."""
    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def current(engine: sa.Engine) -> str | None:
    """The revision the database is at (None: no schema yet)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Bring the database's schema to `revision` (default: the newest), under the lock."""
    with engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": LOCK_KEY})
        command.upgrade(_config(connection), revision)
