"""The store's tables as the queries see them. The schema itself is made by the Alembic
revisions in `migrations/versions/`; a test checks the two agree."""

from __future__ import annotations

import sqlalchemy as sa

ID_LENGTH = 64  # characters of an id or owner token (ids.PATTERN)
NAME_LENGTH = 200  # characters of a name (scenario names are cut at 80 before this)
DOCUMENT_LENGTH = 200  # characters of a document's id
WHY_LENGTH = 400  # characters of a scenario's one-line rationale

metadata = sa.MetaData()

scenarios = sa.Table(
    "scenarios", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),  # save order
    sa.Column("id", sa.String(ID_LENGTH), nullable=False, unique=True),
    sa.Column("owner", sa.String(ID_LENGTH), nullable=False),
    sa.Column("document", sa.String(DOCUMENT_LENGTH), nullable=False),
    sa.Column("name", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("params", sa.JSON, nullable=False),  # the view as the URL contract's params
    sa.Column("why", sa.String(WHY_LENGTH), nullable=False, server_default=""),
    sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
    sa.UniqueConstraint("owner", "document", "name", name="uq_scenarios_owner_document_name"),
    sa.Index("ix_scenarios_owner_document", "owner", "document"),
)

documents = sa.Table(
    "documents", metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", sa.String(ID_LENGTH), nullable=False, unique=True),
    sa.Column("owner", sa.String(ID_LENGTH), nullable=False),
    sa.Column("name", sa.String(NAME_LENGTH), nullable=False),
    sa.Column("files", sa.JSON, nullable=False),  # the document folder: file name -> text
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    sa.Index("ix_documents_owner", "owner"),
)
