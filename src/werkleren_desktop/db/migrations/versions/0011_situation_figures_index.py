"""The index on a situation's date also holds what the yearly figures count (kind,
minutes, working time, AI), so a year's figures are read from the index alone.

Plain index operations, not a batch: a batch could rebuild the table and lose the
search index's triggers (0009).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ["occurred_on", "kind", "minutes", "in_working_time", "ai_used"]


def upgrade() -> None:
    op.drop_index("ix_learning_situation_occurred_on", table_name="learning_situation")
    op.create_index("ix_learning_situation_figures", "learning_situation", COLUMNS)


def downgrade() -> None:
    op.drop_index("ix_learning_situation_figures", table_name="learning_situation")
    op.create_index("ix_learning_situation_occurred_on", "learning_situation", ["occurred_on"])
