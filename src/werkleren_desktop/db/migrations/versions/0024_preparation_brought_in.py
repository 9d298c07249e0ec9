"""Ingebracht door, for a conversation's preparation: on a laptop the owner enters what
a professional prepared on paper or sent by mail; the record says the professional
brought it in (their part of the preparation), not the one who typed it. On a server a
professional's shared own preparation says so by itself (``own_preparation``).

Revision ID: 0024
Revises: 0023
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0024"
down_revision: str | None = "0023"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "talent_conversation",
        sa.Column(
            "preparation_brought_in",
            sa.Boolean,
            nullable=False,
            server_default=sa.false(),
        ),
    )


def downgrade() -> None:
    with op.batch_alter_table("talent_conversation") as batch:
        batch.drop_column("preparation_brought_in")
