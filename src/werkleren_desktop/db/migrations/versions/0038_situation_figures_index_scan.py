"""The index of a situation's yearly figures also holds what the scans count: whether
it came from a mistake, its week cycle, who brought it in and when it was logged. The
scan's indicators read a year's situations from the index alone, not from the table's
long texts (at ten years of a care group with 500,000 situations, 430 → 60 ms; #34).

Plain index operations, not a batch (as 0011 and 0025).

Revision ID: 0038
Revises: 0037
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0038"
down_revision: str | None = "0037"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BEFORE = ["occurred_on", "kind", "minutes", "in_working_time", "ai_used", "id"]
ADDED = ["from_mistake", "cycle_id", "brought_in_by", "created_at"]
NAME = "ix_learning_situation_figures"


def upgrade() -> None:
    op.drop_index(NAME, table_name="learning_situation")
    op.create_index(NAME, "learning_situation", [*BEFORE[:-1], *ADDED, "id"])


def downgrade() -> None:
    op.drop_index(NAME, table_name="learning_situation")
    op.create_index(NAME, "learning_situation", BEFORE)
