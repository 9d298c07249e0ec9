"""Formal training with hours, cost, certificates and study-cost agreements, and the
training budget per person and year where it differs from the default.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "training",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column(
            "form",
            sa.Enum(
                "course",
                "elearning",
                "workshop",
                "conference",
                "certification",
                name="trainingform",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("cost_cents", sa.Integer(), nullable=False),
        sa.Column("required", sa.Boolean(), nullable=False),
        sa.Column("in_working_time", sa.Boolean(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planned", "done", "cancelled", name="trainingstatus", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("certificate", sa.String(length=200), nullable=False),
        sa.Column("certificate_expires_on", sa.Date(), nullable=True),
        sa.Column("study_cost_agreement", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "NOT (required AND study_cost_agreement)",
            name=op.f("ck_training_no_clause_on_required"),
        ),
        sa.CheckConstraint("cost_cents >= 0", name=op.f("ck_training_cost_not_negative")),
        sa.CheckConstraint("ends_on >= starts_on", name=op.f("ck_training_ends_after_start")),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_training_title_not_empty")),
        sa.CheckConstraint("minutes >= 0", name=op.f("ck_training_minutes_not_negative")),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_training_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training")),
    )
    with op.batch_alter_table("training", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_certificate_expires_on"),
            ["certificate_expires_on"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_training_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_training_starts_on"), ["starts_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_training_status"), ["status"], unique=False)

    op.create_table(
        "training_budget",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "amount_cents >= 0", name=op.f("ck_training_budget_amount_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_training_budget_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_budget")),
        sa.UniqueConstraint("person_id", "year", name="one_per_year"),
    )
    with op.batch_alter_table("training_budget", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_training_budget_person_id"), ["person_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("training_budget", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_budget_person_id"))

    op.drop_table("training_budget")
    with op.batch_alter_table("training", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_status"))
        batch_op.drop_index(batch_op.f("ix_training_starts_on"))
        batch_op.drop_index(batch_op.f("ix_training_person_id"))
        batch_op.drop_index(batch_op.f("ix_training_certificate_expires_on"))

    op.drop_table("training")
