"""Onboarding a new colleague (domain.onboarding): a plan per person with their buddy and
first day, and its steps, each on a working day with its date, whose it is, and the day
it was done.

On a server a plan is read and written as someone's training is: by the people one may
see, written by their manager (docs/roles.md).

Revision ID: 0034
Revises: 0033
Create Date: 2026-12-01
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0034"
down_revision: str | None = "0033"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "onboarding_plan",
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("buddy_id", sa.Integer),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.PrimaryKeyConstraint("person_id", name="pk_onboarding_plan"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name="fk_onboarding_plan_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["buddy_id"],
            ["person.id"],
            name="fk_onboarding_plan_buddy_id_person",
            ondelete="SET NULL",
        ),
        sa.CheckConstraint(
            "buddy_id IS NULL OR buddy_id <> person_id", name="ck_onboarding_plan_not_own_buddy"
        ),
    )
    op.create_index("ix_onboarding_plan_buddy_id", "onboarding_plan", ["buddy_id"])
    op.create_table(
        "onboarding_step",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("working_day", sa.Integer, nullable=False),
        sa.Column("due_on", sa.Date, nullable=False),
        sa.Column("owner", sa.String(20), nullable=False),
        sa.Column("done_on", sa.Date),
        sa.PrimaryKeyConstraint("id", name="pk_onboarding_step"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["onboarding_plan.person_id"],
            name="fk_onboarding_step_person_id_onboarding_plan",
            ondelete="CASCADE",
        ),
        sa.CheckConstraint("length(trim(title)) > 0", name="ck_onboarding_step_title_not_empty"),
        sa.CheckConstraint("working_day >= 1", name="ck_onboarding_step_working_day_positive"),
    )
    op.create_index("ix_onboarding_step_person_id", "onboarding_step", ["person_id"])
    if op.get_bind().dialect.name == "postgresql":
        _secure()


def _secure() -> None:
    versions = "werkleren_desktop.db.migrations.versions"
    previous = importlib.import_module(f"{versions}.0021_users_and_roles")
    users, staff = previous._roles()
    people, reports = previous.PEOPLE, previous.REPORTS
    watch = importlib.import_module(f"{versions}.0020_change_notifications").watch_table
    for table in ("onboarding_plan", "onboarding_step"):
        watch(table)
        for statement in (
            f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY beheer ON {table} TO {users} USING (true) WITH CHECK (true)",
            f"CREATE POLICY staff_read ON {table} FOR SELECT TO {staff}"
            f" USING (person_id = ANY {people})",
            f"CREATE POLICY staff_insert ON {table} FOR INSERT TO {staff} WITH CHECK ({reports})",
            f"CREATE POLICY staff_update ON {table} FOR UPDATE TO {staff}"
            f" USING ({reports}) WITH CHECK ({reports})",
            f"CREATE POLICY staff_delete ON {table} FOR DELETE TO {staff} USING ({reports})",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON {table} TO {staff}",
        ):
            op.execute(statement)
    op.execute(f"GRANT USAGE, SELECT ON SEQUENCE onboarding_step_id_seq TO {staff}")


def downgrade() -> None:
    op.drop_table("onboarding_step")
    op.drop_table("onboarding_plan")
