"""People (medewerkers) with their direct manager.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=150), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=True),
        sa.Column("job_title", sa.String(length=150), nullable=False),
        sa.Column("manager_id", sa.Integer(), nullable=True),
        sa.Column("in_service", sa.Date(), nullable=False),
        sa.Column("out_of_service", sa.Date(), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("contract_minutes", sa.Integer(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "contract_minutes IS NULL OR (contract_minutes >= 0 AND contract_minutes <= 4800)",
            name=op.f("ck_person_hours_in_range"),
        ),
        sa.CheckConstraint(
            "manager_id IS NULL OR manager_id <> id", name=op.f("ck_person_not_own_manager")
        ),
        sa.CheckConstraint(
            "out_of_service IS NULL OR out_of_service >= in_service",
            name=op.f("ck_person_out_after_in"),
        ),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["person.id"],
            name=op.f("fk_person_manager_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_index(op.f("ix_person_last_name"), "person", ["last_name"])
    op.create_index(op.f("ix_person_manager_id"), "person", ["manager_id"])
    op.create_index(op.f("ix_person_out_of_service"), "person", ["out_of_service"])


def downgrade() -> None:
    op.drop_index(op.f("ix_person_out_of_service"), table_name="person")
    op.drop_index(op.f("ix_person_manager_id"), table_name="person")
    op.drop_index(op.f("ix_person_last_name"), table_name="person")
    op.drop_table("person")
