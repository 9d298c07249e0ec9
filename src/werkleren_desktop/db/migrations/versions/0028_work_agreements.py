"""Werkafspraken (docs/domain.md): a lesson from a work situation or a week cycle
becomes a short, findable record of what is agreed or how a task is done, where it came
from and whom to ask. On a server every login reads them (they are the organisation's
agreements) and the beheerder writes them, as the week cycles (0021).

Revision ID: 0028
Revises: 0027
Create Date: 2026-11-30
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0028"
down_revision: str | None = "0027"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _module(name: str) -> object:
    return importlib.import_module(f"werkleren_desktop.db.migrations.versions.{name}")


def upgrade() -> None:
    moment = sa.DateTime(timezone=True)
    op.create_table(
        "work_agreement",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("contact_id", sa.Integer),
        sa.Column("situation_id", sa.Integer),
        sa.Column("cycle_id", sa.Integer),
        sa.Column("origin", sa.String(300), nullable=False, server_default=""),
        sa.Column("agreed_on", sa.Date, nullable=False),
        sa.Column("withdrawn_on", sa.Date),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        sa.Column("changed_by", sa.String(100), nullable=False, server_default=""),
        sa.Column("changed_at", moment),
        sa.PrimaryKeyConstraint("id", name="pk_work_agreement"),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["person.id"],
            ondelete="SET NULL",
            name="fk_work_agreement_contact_id_person",
        ),
        sa.ForeignKeyConstraint(
            ["situation_id"],
            ["learning_situation.id"],
            ondelete="SET NULL",
            name="fk_work_agreement_situation_id_learning_situation",
        ),
        sa.ForeignKeyConstraint(
            ["cycle_id"],
            ["week_cycle.id"],
            ondelete="SET NULL",
            name="fk_work_agreement_cycle_id_week_cycle",
        ),
        sa.CheckConstraint("length(trim(title)) > 0", name="ck_work_agreement_title_not_empty"),
        sa.CheckConstraint(
            "withdrawn_on IS NULL OR withdrawn_on >= agreed_on",
            name="ck_work_agreement_withdrawn_after_agreed",
        ),
    )
    for column in ("contact_id", "situation_id", "cycle_id"):
        op.create_index(f"ix_work_agreement_{column}", "work_agreement", [column])
    if op.get_bind().dialect.name == "postgresql":
        _secure()


def _secure() -> None:
    users, staff = _module("0021_users_and_roles")._roles()  # type: ignore[attr-defined]
    _module("0020_change_notifications").watch_table("work_agreement")  # type: ignore[attr-defined]
    for statement in (
        "ALTER TABLE work_agreement ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY beheer ON work_agreement TO {users} USING (true) WITH CHECK (true)",
        f"CREATE POLICY staff_read ON work_agreement FOR SELECT TO {staff} USING (true)",
        f"GRANT SELECT ON work_agreement TO {staff}",
    ):
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("work_agreement")
