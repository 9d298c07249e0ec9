"""Records that a form edits carry a version, the login that changed them last and
when: on a shared server, a form saved from data another manager changed since it was
read no longer silently reverts their work (the program shows both and lets the user
choose). Existing records start at version 1, changed by nobody known.

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# as models.VERSIONED_TABLES was when this revision was written
TABLES = (
    "organisation",
    "person",
    "learning_group",
    "learning_situation",
    "talent_conversation",
    "training",
)


def upgrade() -> None:
    moment = sa.DateTime(timezone=True)
    for table in TABLES:
        # constant defaults: SQLite adds such columns without rebuilding the table
        op.add_column(table, sa.Column("version", sa.Integer, nullable=False, server_default="1"))
        op.add_column(
            table, sa.Column("changed_by", sa.String(100), nullable=False, server_default="")
        )
        op.add_column(table, sa.Column("changed_at", moment, nullable=True))


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("changed_at")
            batch.drop_column("changed_by")
            batch.drop_column("version")
