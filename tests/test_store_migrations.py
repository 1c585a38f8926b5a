"""The store's schema is made and migrated by the app (Alembic revisions in
claimscope/store/migrations), on SQLite and on PostgreSQL (tests/conftest.py)."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from claimscope.store import migrate
from claimscope.store.database import Store, open_store
from claimscope.store.ids import new_id
from claimscope.store.scenarios import Draft, owner_scenarios, save_scenarios
from claimscope.store.tables import metadata

ROOT = Path(__file__).resolve().parent.parent
FIRST = "0001_scenarios"


def table_names(store: Store) -> set[str]:
    return set(sa.inspect(store.engine).get_table_names())


def test_revisions_form_one_line_from_the_first() -> None:
    assert migrate.head() == "0002_documents"


def test_a_fresh_database_gets_the_whole_schema_on_first_use(store: Store) -> None:
    assert migrate.current(store.engine) is None
    assert owner_scenarios(store, new_id(), "doc") == []  # the first use migrates
    assert migrate.current(store.engine) == migrate.head()
    assert {"scenarios", "documents", "alembic_version"} <= table_names(store)
    with store.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), metadata)
    assert differences == [], "the revisions and claimscope/store/tables.py disagree"


def test_a_database_at_the_first_revision_is_upgraded_and_keeps_its_rows(
        database_url: str) -> None:
    engine = sa.create_engine(database_url)
    migrate.upgrade(engine, FIRST)
    assert migrate.current(engine) == FIRST
    owner = new_id()
    with engine.begin() as connection:
        connection.execute(sa.text(
            "INSERT INTO scenarios (id, owner, document, name, params, saved_at) "
            "VALUES (:id, :owner, 'doc', 'Old save', :params, :at)"),
            {"id": new_id(), "owner": owner, "params": '{"share": 5}',
             "at": datetime(2026, 1, 2, tzinfo=UTC)})
    assert "documents" not in set(sa.inspect(engine).get_table_names())
    engine.dispose()
    store = open_store(database_url)
    kept = owner_scenarios(store, owner, "doc")
    assert [(s.name, s.params) for s in kept] == [("Old save", {"share": 5})]
    assert migrate.current(store.engine) == migrate.head()
    assert "documents" in table_names(store)


def test_migrating_again_changes_nothing(store: Store) -> None:
    store.ready()
    owner = new_id()
    save_scenarios(store, owner, "doc", [Draft("Kept", {})])
    migrate.upgrade(store.engine)
    assert [s.name for s in owner_scenarios(store, owner, "doc")] == ["Kept"]


MIGRATE = """
import sys
from claimscope.store.database import open_store
open_store(sys.argv[1]).ready()
"""


def test_processes_starting_together_migrate_once(database_url: str) -> None:
    """Replicas starting at the same moment on one database: all start, one schema."""
    processes = [subprocess.Popen([sys.executable, "-c", MIGRATE, database_url], cwd=ROOT,
                                  stderr=subprocess.PIPE, text=True) for _ in range(4)]
    for process in processes:
        _, errors = process.communicate(timeout=120)
        assert process.returncode == 0, errors
    store = open_store(database_url)
    assert migrate.current(store.engine) == migrate.head()
