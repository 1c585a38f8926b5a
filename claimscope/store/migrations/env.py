"""Alembic's entry for the store's revisions: always run by `claimscope.store.migrate` on a
connection it opened and locked (never from the command line against a live database)."""

from __future__ import annotations

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=None,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
