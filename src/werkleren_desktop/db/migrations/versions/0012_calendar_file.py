"""The calendar file: the organisation's e-mail address (organiser of the events) and
reminder, and per session the fingerprint of what the last export said of it, so that
exactly the events that changed get a higher SEQUENCE. A cycle's sessions are numbered
in date order (a moved session used to keep its number: 'day 2, 3, 4, 1').

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("email", sa.String(length=254), server_default="", nullable=False)
        )
        batch_op.add_column(sa.Column("calendar_alarm_minutes", sa.Integer(), nullable=True))
    with op.batch_alter_table("cycle_session", schema=None) as batch_op:
        batch_op.add_column(sa.Column("exported_hash", sa.String(length=64), nullable=True))
    # plain SQL that every database runs: the n-th session by date is day n
    op.execute(
        """
        UPDATE cycle_session SET day_number = (
            SELECT count(*) FROM cycle_session AS earlier
            WHERE earlier.cycle_id = cycle_session.cycle_id
              AND (earlier.starts_at < cycle_session.starts_at
                   OR (earlier.starts_at = cycle_session.starts_at
                       AND earlier.id <= cycle_session.id))
        )
        """
    )


def downgrade() -> None:
    with op.batch_alter_table("cycle_session", schema=None) as batch_op:
        batch_op.drop_column("exported_hash")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("calendar_alarm_minutes")
        batch_op.drop_column("email")
