"""Saved scenarios: a named view of one document, kept for the browser that saved it.

Revision ID: 0001_scenarios
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_scenarios"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "scenarios",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("id", sa.String(64), nullable=False, unique=True),
        sa.Column("owner", sa.String(64), nullable=False),
        sa.Column("document", sa.String(200), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("params", sa.JSON, nullable=False),
        sa.Column("why", sa.String(400), nullable=False, server_default=""),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint("owner", "document", "name",
                            name="uq_scenarios_owner_document_name"),
    )
    op.create_index("ix_scenarios_owner_document", "scenarios", ["owner", "document"])


def downgrade() -> None:
    op.drop_table("scenarios")
