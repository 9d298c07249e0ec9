"""Reminders as a calendar file (services.reminders): every reminder the program ever
wrote into one keeps its identity, the version it was last written with and a
fingerprint of what it said, so that a newer file updates exactly the reminders that
changed and cancels the ones that are no longer due (a conversation held, a certificate
renewed). Only codes and a day: no names.

On a server only the beheerder exports reminders.

Revision ID: 0033
Revises: 0032
Create Date: 2026-12-01
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0033"
down_revision: str | None = "0032"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calendar_reminder",
        sa.Column("uid", sa.String(200), nullable=False),
        sa.Column("sequence", sa.Integer, nullable=False, server_default="0"),
        sa.Column("exported_hash", sa.String(64), nullable=False),
        sa.Column("starts_on", sa.Date, nullable=False),
        sa.Column("cancelled", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("uid", name="pk_calendar_reminder"),
    )
    if op.get_bind().dialect.name == "postgresql":
        versions = "werkleren_desktop.db.migrations.versions"
        users, _staff = importlib.import_module(f"{versions}.0021_users_and_roles")._roles()
        importlib.import_module(f"{versions}.0020_change_notifications").watch_table(
            "calendar_reminder"
        )
        for statement in (
            "ALTER TABLE calendar_reminder ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY beheer ON calendar_reminder TO {users} USING (true) WITH CHECK (true)",
        ):
            op.execute(statement)


def downgrade() -> None:
    op.drop_table("calendar_reminder")
