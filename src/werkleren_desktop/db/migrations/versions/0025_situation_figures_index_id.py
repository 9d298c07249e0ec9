"""The index of a situation's yearly figures also holds the situation's id, so that
PostgreSQL reads a year's situations and joins their learners and consultations from
the index alone (before, it read about 3,000 table pages for a year of the large demo:
the id was not in the index). SQLite keeps the row id in every index already; the
index is the same on both so that the schema is one.

Plain index operations, not a batch (as 0011).

Revision ID: 0025
Revises: 0024
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0025"
down_revision: str | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ["occurred_on", "kind", "minutes", "in_working_time", "ai_used"]
NAME = "ix_learning_situation_figures"


def upgrade() -> None:
    op.drop_index(NAME, table_name="learning_situation")
    op.create_index(NAME, "learning_situation", [*BEFORE, "id"])


def downgrade() -> None:
    op.drop_index(NAME, table_name="learning_situation")
    op.create_index(NAME, "learning_situation", BEFORE)
