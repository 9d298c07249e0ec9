"""Scans of the learning perspective and culture: a dated scan, its anonymous
respondents' forms, and their answers per characteristic.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "scan",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(),
            server_default=sa.text("(CURRENT_TIMESTAMP)"),
            nullable=False,
        ),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_scan_title_not_empty")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan")),
    )
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_held_on"), ["held_on"], unique=False)

    op.create_table(
        "scan_response",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("scan_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["scan_id"], ["scan.id"], name=op.f("fk_scan_response_scan_id_scan"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_response")),
        sa.UniqueConstraint("scan_id", "number", name="one_number"),
    )
    with op.batch_alter_table("scan_response", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_scan_response_scan_id"), ["scan_id"], unique=False)

    op.create_table(
        "scan_answer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("response_id", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=8), nullable=False),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("not_applicable", sa.Boolean(), nullable=False),
        sa.Column("remark", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "NOT (not_applicable AND score IS NOT NULL)", name=op.f("ck_scan_answer_score_or_na")
        ),
        sa.CheckConstraint(
            "score IS NULL OR score BETWEEN 1 AND 5", name=op.f("ck_scan_answer_score_range")
        ),
        sa.ForeignKeyConstraint(
            ["response_id"],
            ["scan_response.id"],
            name=op.f("fk_scan_answer_response_id_scan_response"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_answer")),
        sa.UniqueConstraint("response_id", "item", name="one_per_item"),
    )
    with op.batch_alter_table("scan_answer", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_scan_answer_response_id"), ["response_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("scan_answer", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scan_answer_response_id"))

    op.drop_table("scan_answer")
    with op.batch_alter_table("scan_response", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scan_response_scan_id"))

    op.drop_table("scan_response")
    with op.batch_alter_table("scan", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scan_held_on"))

    op.drop_table("scan")
