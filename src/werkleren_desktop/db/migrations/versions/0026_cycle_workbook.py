"""A week cycle becomes the group's workbook (docs/domain.md): the question it works
on, the work situations from the log it takes up, per day a working method from the
organisation's library (werkvormen) and short notes, and what came of it (outcome and
next step). The workbook is a form several may edit on a server, so the cycle carries a
version (0019). On a server the library and the workbook are the beheerder's to write
and everyone's to read, as the cycles are (0021); the situations a cycle takes up are
read under the situations' own rule.

Revision ID: 0026
Revises: 0025
Create Date: 2026-11-30
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _module(name: str) -> object:
    return importlib.import_module(f"werkleren_desktop.db.migrations.versions.{name}")


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    op.create_table(
        "working_method",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("uses_ai", sa.Boolean, nullable=False),
        sa.Column("with_others", sa.Boolean, nullable=False),
        sa.Column("vitality", sa.String(300), nullable=False),
        sa.Column("retired", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_working_method"),
        sa.CheckConstraint("length(trim(name)) > 0", name="ck_working_method_name_not_empty"),
    )
    op.create_table(
        "cycle_situation",
        sa.Column("cycle_id", sa.Integer, nullable=False),
        sa.Column("situation_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("cycle_id", "situation_id", name="pk_cycle_situation"),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["week_cycle.id"],
            ondelete="CASCADE",
            name="fk_cycle_situation_cycle_id_week_cycle",
        ),
        sa.ForeignKeyConstraint(
            ["situation_id"],
            ["learning_situation.id"],
            ondelete="CASCADE",
            name="fk_cycle_situation_situation_id_learning_situation",
        ),
    )
    op.create_index("ix_cycle_situation_situation_id", "cycle_situation", ["situation_id"])
    moment = sa.DateTime(timezone=True)
    for name, column in (
        ("question", sa.Text),
        ("outcome", sa.Text),
        ("next_step", sa.Text),
    ):
        op.add_column("week_cycle", sa.Column(name, column, nullable=False, server_default=""))
    op.add_column(
        "week_cycle", sa.Column("version", sa.Integer, nullable=False, server_default="1")
    )
    op.add_column(
        "week_cycle",
        sa.Column("changed_by", sa.String(100), nullable=False, server_default=""),
    )
    op.add_column("week_cycle", sa.Column("changed_at", moment, nullable=True))
    op.add_column("cycle_session", sa.Column("notes", sa.Text, nullable=False, server_default=""))
    if postgresql:
        op.add_column("cycle_session", sa.Column("method_id", sa.Integer))
        op.create_foreign_key(
            "fk_cycle_session_method_id_working_method",
            "cycle_session",
            "working_method",
            ["method_id"],
            ["id"],
            ondelete="SET NULL",
        )
    else:  # SQLite adds a column with its reference without rebuilding the table
        op.execute(
            "ALTER TABLE cycle_session ADD COLUMN method_id INTEGER "
            "CONSTRAINT fk_cycle_session_method_id_working_method "
            "REFERENCES working_method (id) ON DELETE SET NULL"
        )
    op.create_index("ix_cycle_session_method_id", "cycle_session", ["method_id"])
    if postgresql:
        _secure()


def _secure() -> None:
    roles = _module("0021_users_and_roles")
    users, staff = roles._roles()  # type: ignore[attr-defined]
    situations = roles.SITUATIONS  # type: ignore[attr-defined]
    changes = _module("0020_change_notifications")
    for table, readable in (
        ("working_method", "true"),
        ("cycle_situation", f"situation_id IN {situations}"),
    ):
        changes.watch_table(table)  # type: ignore[attr-defined]
        for statement in (
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY beheer ON {table} TO {users} USING (true) WITH CHECK (true)",
            f"CREATE POLICY staff_read ON {table} FOR SELECT TO {staff} USING ({readable})",
            f"GRANT SELECT ON {table} TO {staff}",
        ):
            op.execute(statement)


def downgrade() -> None:
    op.drop_index("ix_cycle_session_method_id", table_name="cycle_session")
    with op.batch_alter_table("cycle_session") as batch:
        batch.drop_column("method_id")
        batch.drop_column("notes")
    with op.batch_alter_table("week_cycle") as batch:
        for name in ("changed_at", "changed_by", "version", "next_step", "outcome", "question"):
            batch.drop_column(name)
    op.drop_table("cycle_situation")
    op.drop_table("working_method")
