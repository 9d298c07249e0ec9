"""Attendance of formal training per day (services.training_attendance): for each
participant's training and each day of the course, present or not. Sector training
funds ask for it (docs/domain.md); the week cycles keep theirs in ``attendance``.

On a server it is read and written as the training it belongs to is.

Revision ID: 0036
Revises: 0035
Create Date: 2026-12-01
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0036"
down_revision: str | None = "0035"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "training_attendance",
        sa.Column("training_id", sa.Integer, nullable=False),
        sa.Column("day", sa.Date, nullable=False),
        sa.Column("present", sa.Boolean, nullable=False),
        sa.PrimaryKeyConstraint("training_id", "day", name="pk_training_attendance"),
        sa.ForeignKeyConstraint(
            ["training_id"],
            ["training.id"],
            name="fk_training_attendance_training_id_training",
            ondelete="CASCADE",
        ),
    )
    if op.get_bind().dialect.name == "postgresql":
        versions = "werkleren_desktop.db.migrations.versions"
        previous = importlib.import_module(f"{versions}.0021_users_and_roles")
        users, staff = previous._roles()
        reports = previous.REPORTS
        importlib.import_module(f"{versions}.0020_change_notifications").watch_table(
            "training_attendance"
        )
        readable = "training_id IN (SELECT id FROM training)"  # under training's own policy
        writable = f"training_id IN (SELECT id FROM training WHERE {reports})"
        for statement in (
            "ALTER TABLE training_attendance ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY beheer ON training_attendance TO {users}"
            " USING (true) WITH CHECK (true)",
            f"CREATE POLICY staff_read ON training_attendance FOR SELECT TO {staff}"
            f" USING ({readable})",
            f"CREATE POLICY staff_insert ON training_attendance FOR INSERT TO {staff}"
            f" WITH CHECK ({writable})",
            f"CREATE POLICY staff_update ON training_attendance FOR UPDATE TO {staff}"
            f" USING ({writable}) WITH CHECK ({writable})",
            f"CREATE POLICY staff_delete ON training_attendance FOR DELETE TO {staff}"
            f" USING ({writable})",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON training_attendance TO {staff}",
        ):
            op.execute(statement)


def downgrade() -> None:
    op.drop_table("training_attendance")
