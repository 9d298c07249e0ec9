"""The workplace-learning log: situations, who learned, who was consulted, and answers
to the organisation's guiding questions.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "guiding_question",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("retired", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guiding_question")),
    )
    op.create_table(
        "learning_situation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "analyse",
                "improve",
                "innovate",
                "perform",
                name="situationkind",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("cycle_id", sa.Integer(), nullable=True),
        sa.Column("tried", sa.Text(), nullable=False),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column("next_step", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "open", "in_progress", "done", name="situationstatus", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("ai_used", sa.Boolean(), nullable=False),
        sa.Column("ai_tool", sa.String(length=100), nullable=False),
        sa.Column("ai_contribution", sa.Text(), nullable=False),
        sa.Column("ai_checked", sa.Text(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=True),
        sa.Column("in_working_time", sa.Boolean(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint(
            "length(trim(title)) > 0", name=op.f("ck_learning_situation_title_not_empty")
        ),
        sa.CheckConstraint(
            "minutes IS NULL OR minutes >= 0",
            name=op.f("ck_learning_situation_minutes_not_negative"),
        ),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["week_cycle.id"],
            name=op.f("fk_learning_situation_cycle_id_week_cycle"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["learning_group.id"],
            name=op.f("fk_learning_situation_group_id_learning_group"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_situation")),
    )
    with op.batch_alter_table("learning_situation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_learning_situation_ai_used"), ["ai_used"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_learning_situation_cycle_id"), ["cycle_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_learning_situation_group_id"), ["group_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_learning_situation_occurred_on"), ["occurred_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_learning_situation_status"), ["status"], unique=False)

    op.create_table(
        "situation_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("situation_id", sa.Integer(), nullable=False),
        sa.Column("question_id", sa.Integer(), nullable=True),
        sa.Column("question_text", sa.String(length=500), nullable=False),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["question_id"],
            ["guiding_question.id"],
            name=op.f("fk_situation_answer_question_id_guiding_question"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["situation_id"],
            ["learning_situation.id"],
            name=op.f("fk_situation_answer_situation_id_learning_situation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_situation_answer")),
    )
    with op.batch_alter_table("situation_answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_situation_answer_situation_id"), ["situation_id"], unique=False
        )

    op.create_table(
        "situation_consultation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("situation_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("outside_name", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_situation_consultation_person_id_person"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["situation_id"],
            ["learning_situation.id"],
            name=op.f("fk_situation_consultation_situation_id_learning_situation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_situation_consultation")),
    )
    with op.batch_alter_table("situation_consultation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_situation_consultation_person_id"), ["person_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_situation_consultation_situation_id"), ["situation_id"], unique=False
        )

    op.create_table(
        "situation_person",
        sa.Column("situation_id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name=op.f("fk_situation_person_person_id_person"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["situation_id"],
            ["learning_situation.id"],
            name=op.f("fk_situation_person_situation_id_learning_situation"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("situation_id", "person_id", name=op.f("pk_situation_person")),
    )
    with op.batch_alter_table("situation_person", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_situation_person_person_id"), ["person_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("situation_person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_situation_person_person_id"))

    op.drop_table("situation_person")
    with op.batch_alter_table("situation_consultation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_situation_consultation_situation_id"))
        batch_op.drop_index(batch_op.f("ix_situation_consultation_person_id"))

    op.drop_table("situation_consultation")
    with op.batch_alter_table("situation_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_situation_answer_situation_id"))

    op.drop_table("situation_answer")
    with op.batch_alter_table("learning_situation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_learning_situation_status"))
        batch_op.drop_index(batch_op.f("ix_learning_situation_occurred_on"))
        batch_op.drop_index(batch_op.f("ix_learning_situation_group_id"))
        batch_op.drop_index(batch_op.f("ix_learning_situation_cycle_id"))
        batch_op.drop_index(batch_op.f("ix_learning_situation_ai_used"))

    op.drop_table("learning_situation")
    op.drop_table("guiding_question")
