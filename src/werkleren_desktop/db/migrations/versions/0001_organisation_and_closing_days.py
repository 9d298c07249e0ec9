"""The organisation with its settings, and its extra closing days.

Revision ID: 0001
Revises:
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "organisation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("logo_png", sa.LargeBinary(), nullable=True),
        sa.Column("working_days", sa.JSON(), nullable=False),
        sa.Column("closed_holidays", sa.JSON(), nullable=False),
        sa.Column(
            "liberation_day",
            sa.Enum(
                "never",
                "lustrum",
                "every_year",
                name="liberationdaypolicy",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("default_training_budget_cents", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=5), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "default_training_budget_cents >= 0", name=op.f("ck_organisation_budget_not_negative")
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_organisation_name_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_organisation")),
    )
    op.create_table(
        "closing_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("last_day", sa.Date(), nullable=False),
        sa.Column("description", sa.String(length=200), nullable=False),
        sa.CheckConstraint("last_day >= first_day", name=op.f("ck_closing_period_period_in_order")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closing_period")),
    )
    op.create_index(op.f("ix_closing_period_first_day"), "closing_period", ["first_day"])


def downgrade() -> None:
    op.drop_index(op.f("ix_closing_period_first_day"), table_name="closing_period")
    op.drop_table("closing_period")
    op.drop_table("organisation")
