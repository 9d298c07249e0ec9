"""The scan's questionnaire gets a version (docs/domain.md): version 2 words both ends of
each row about the same thing, and a scan keeps the version its forms were filled in
with, so that comparing an older scan with a newer one can mark the rows whose wording
changed. The scans made before carry version 1.

A learning situation can say that it began with a mistake or a near miss, learned from
with questions that ask what made it possible, not who is to blame.

Revision ID: 0029
Revises: 0028
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0029"
down_revision: str | None = "0028"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "scan", sa.Column("questionnaire", sa.Integer, nullable=False, server_default="1")
    )
    op.add_column(
        "learning_situation",
        sa.Column("from_mistake", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    with op.batch_alter_table("learning_situation") as batch:
        batch.drop_column("from_mistake")
    with op.batch_alter_table("scan") as batch:
        batch.drop_column("questionnaire")
