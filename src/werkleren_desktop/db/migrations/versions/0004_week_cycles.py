"""Vital week cycles: four sessions each, with attendance and check-ins; the
organisation's own outline of the four days.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "week_cycle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["learning_group.id"],
            name=op.f("fk_week_cycle_group_id_learning_group"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_week_cycle")),
    )
    with op.batch_alter_table("week_cycle", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_week_cycle_group_id"), ["group_id"], unique=False)

    op.create_table(
        "cycle_session",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("cycle_id", sa.Integer(), nullable=False),
        sa.Column("day_number", sa.Integer(), nullable=False),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("theme", sa.String(length=300), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "day_number BETWEEN 1 AND 4", name=op.f("ck_cycle_session_day_number_1_to_4")
        ),
        sa.CheckConstraint(
            "duration_minutes BETWEEN 5 AND 480", name=op.f("ck_cycle_session_duration_in_range")
        ),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["week_cycle.id"],
            name=op.f("fk_cycle_session_cycle_id_week_cycle"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cycle_session")),
        sa.UniqueConstraint("uid", name=op.f("uq_cycle_session_uid")),
    )
    with op.batch_alter_table("cycle_session", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cycle_session_cycle_id"), ["cycle_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cycle_session_starts_at"), ["starts_at"], unique=False)

    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "present",
                "absent",
                "excused",
                name="attendancestatus",
                native_enum=False,
                length=10,
            ),
            nullable=False,
        ),
        sa.Column("energy", sa.Integer(), nullable=True),
        sa.Column("meaning", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "energy IS NULL OR energy BETWEEN 1 AND 5", name=op.f("ck_attendance_energy_1_to_5")
        ),
        sa.CheckConstraint(
            "meaning IS NULL OR meaning BETWEEN 1 AND 5", name=op.f("ck_attendance_meaning_1_to_5")
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_attendance_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["cycle_session.id"],
            name=op.f("fk_attendance_session_id_cycle_session"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attendance")),
        sa.UniqueConstraint("session_id", "person_id", name="one_per_person"),
    )
    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attendance_person_id"), ["person_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attendance_session_id"), ["session_id"], unique=False)

    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cycle_outline", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("cycle_outline")

    with op.batch_alter_table("attendance", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attendance_session_id"))
        batch_op.drop_index(batch_op.f("ix_attendance_person_id"))

    op.drop_table("attendance")
    with op.batch_alter_table("cycle_session", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cycle_session_starts_at"))
        batch_op.drop_index(batch_op.f("ix_cycle_session_cycle_id"))

    op.drop_table("cycle_session")
    with op.batch_alter_table("week_cycle", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_week_cycle_group_id"))

    op.drop_table("week_cycle")
