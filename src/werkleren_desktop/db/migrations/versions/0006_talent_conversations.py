"""Talent-development conversations: sections prepared and noted, agreements accounted
for at the next conversation, signatures, and corrections of a signed record; the
organisation's conversation months.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "talent_conversation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("manager_id", sa.Integer(), nullable=True),
        sa.Column("planned_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("professional_signed_name", sa.String(length=200), nullable=True),
        sa.Column("professional_signed_on", sa.Date(), nullable=True),
        sa.Column(
            "professional_mark",
            sa.Enum("seen", "agreed", name="signmark", native_enum=False, length=20),
            nullable=True,
        ),
        sa.Column("manager_signed_name", sa.String(length=200), nullable=True),
        sa.Column("manager_signed_on", sa.Date(), nullable=True),
        sa.Column(
            "manager_mark",
            sa.Enum("seen", "agreed", name="signmark", native_enum=False, length=20),
            nullable=True,
        ),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "held_on IS NULL OR held_on >= planned_on",
            name=op.f("ck_talent_conversation_held_after_planned"),
        ),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["person.id"],
            name=op.f("fk_talent_conversation_manager_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_talent_conversation_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_talent_conversation")),
    )
    with op.batch_alter_table("talent_conversation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_talent_conversation_held_on"), ["held_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_talent_conversation_manager_id"), ["manager_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_talent_conversation_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_talent_conversation_planned_on"), ["planned_on"], unique=False
        )

    op.create_table(
        "agreement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("what", sa.Text(), nullable=False),
        sa.Column(
            "owner",
            sa.Enum(
                "professional",
                "manager",
                "both",
                name="agreementowner",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "done",
                "partly",
                "not_done",
                name="agreementstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.Column("reviewed_in_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("length(trim(what)) > 0", name=op.f("ck_agreement_what_not_empty")),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["talent_conversation.id"],
            name=op.f("fk_agreement_conversation_id_talent_conversation"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_in_id"],
            ["talent_conversation.id"],
            name=op.f("fk_agreement_reviewed_in_id_talent_conversation"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement")),
    )
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_agreement_conversation_id"), ["conversation_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_agreement_reviewed_in_id"), ["reviewed_in_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_agreement_status"), ["status"], unique=False)

    op.create_table(
        "conversation_correction",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("part", sa.String(length=200), nullable=False),
        sa.Column("before", sa.Text(), nullable=False),
        sa.Column("after", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["talent_conversation.id"],
            name=op.f("fk_conversation_correction_conversation_id_talent_conversation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversation_correction")),
    )
    with op.batch_alter_table("conversation_correction", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conversation_correction_conversation_id"),
            ["conversation_id"],
            unique=False,
        )

    op.create_table(
        "conversation_section",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("preparation", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["conversation_id"],
            ["talent_conversation.id"],
            name=op.f("fk_conversation_section_conversation_id_talent_conversation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conversation_section")),
        sa.UniqueConstraint(
            "conversation_id", "key", name=op.f("uq_conversation_section_conversation_id")
        ),
    )
    with op.batch_alter_table("conversation_section", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_conversation_section_conversation_id"), ["conversation_id"], unique=False
        )

    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("conversation_months", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_column("conversation_months")

    with op.batch_alter_table("conversation_section", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conversation_section_conversation_id"))

    op.drop_table("conversation_section")
    with op.batch_alter_table("conversation_correction", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_conversation_correction_conversation_id"))

    op.drop_table("conversation_correction")
    with op.batch_alter_table("agreement", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agreement_status"))
        batch_op.drop_index(batch_op.f("ix_agreement_reviewed_in_id"))
        batch_op.drop_index(batch_op.f("ix_agreement_conversation_id"))

    op.drop_table("agreement")
    with op.batch_alter_table("talent_conversation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_talent_conversation_planned_on"))
        batch_op.drop_index(batch_op.f("ix_talent_conversation_person_id"))
        batch_op.drop_index(batch_op.f("ix_talent_conversation_manager_id"))
        batch_op.drop_index(batch_op.f("ix_talent_conversation_held_on"))

    op.drop_table("talent_conversation")
