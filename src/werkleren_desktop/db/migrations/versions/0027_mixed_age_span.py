"""A learning group mixes generations when its youngest and oldest member are at least
so many years apart (15 by default, a setting): the measure of the indicator "everyone
in a mixed group" and of a group's warning, instead of birth years in different bands
(two colleagues of 29 and 31 fell in two bands and counted as mixed).

Revision ID: 0027
Revises: 0026
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "organisation",
        sa.Column("mixed_age_span", sa.Integer, nullable=False, server_default="15"),
    )


def downgrade() -> None:
    with op.batch_alter_table("organisation") as batch:
        batch.drop_column("mixed_age_span")
