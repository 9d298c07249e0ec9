"""Learning groups (leergroepen) and who was a member when.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "learning_group",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=150), nullable=False),
        sa.Column("theme", sa.Text(), nullable=False),
        sa.Column("expert_id", sa.Integer(), nullable=True),
        sa.Column("expert_name", sa.String(length=200), nullable=False),
        sa.Column("expert_contact", sa.String(length=300), nullable=False),
        sa.Column("starts", sa.Date(), nullable=False),
        sa.Column("ends", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("active", "closed", name="groupstatus", native_enum=False, length=10),
            nullable=False,
        ),
        sa.CheckConstraint(
            "ends IS NULL OR ends >= starts", name=op.f("ck_learning_group_ends_after_start")
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_learning_group_name_not_empty")),
        sa.ForeignKeyConstraint(
            ["expert_id"],
            ["person.id"],
            name=op.f("fk_learning_group_expert_id_person"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_group")),
    )
    with op.batch_alter_table("learning_group", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_learning_group_expert_id"), ["expert_id"], unique=False
        )

    op.create_table(
        "group_membership",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("joined", sa.Date(), nullable=False),
        sa.Column("left_on", sa.Date(), nullable=True),
        sa.CheckConstraint(
            "left_on IS NULL OR left_on >= joined",
            name=op.f("ck_group_membership_left_after_joined"),
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["learning_group.id"],
            name=op.f("fk_group_membership_group_id_learning_group"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_group_membership_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_group_membership")),
    )
    with op.batch_alter_table("group_membership", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_group_membership_group_id"), ["group_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_group_membership_person_id"), ["person_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("group_membership", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_group_membership_person_id"))
        batch_op.drop_index(batch_op.f("ix_group_membership_group_id"))

    op.drop_table("group_membership")
    with op.batch_alter_table("learning_group", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_learning_group_expert_id"))

    op.drop_table("learning_group")
