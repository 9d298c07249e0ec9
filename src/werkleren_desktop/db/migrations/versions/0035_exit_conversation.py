"""The conversation when someone leaves (domain.exit_conversation): one per person (with
an id of its own, as every record with free text has, for an erasure's mentions), held
on a day with their manager, the four answers.

On a server it is read and written as a talent conversation is: by the people one may
see, written by their manager (docs/roles.md).

Revision ID: 0035
Revises: 0034
Create Date: 2026-12-01
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0035"
down_revision: str | None = "0034"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "exit_conversation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("person_id", sa.Integer, nullable=False),
        sa.Column("held_on", sa.Date, nullable=False),
        sa.Column("manager_id", sa.Integer),
        sa.Column("reason", sa.Text, nullable=False, server_default=""),
        sa.Column("went_well", sa.Text, nullable=False, server_default=""),
        sa.Column("could_be_better", sa.Text, nullable=False, server_default=""),
        sa.Column("handover", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_exit_conversation"),
        sa.UniqueConstraint("person_id", name="uq_exit_conversation_person_id"),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["person.id"],
            name="fk_exit_conversation_person_id_person",
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["manager_id"],
            ["person.id"],
            name="fk_exit_conversation_manager_id_person",
            ondelete="SET NULL",
        ),
    )
    op.create_index("ix_exit_conversation_manager_id", "exit_conversation", ["manager_id"])
    if op.get_bind().dialect.name == "postgresql":
        versions = "werkleren_desktop.db.migrations.versions"
        previous = importlib.import_module(f"{versions}.0021_users_and_roles")
        users, staff = previous._roles()
        people, reports = previous.PEOPLE, previous.REPORTS
        importlib.import_module(f"{versions}.0020_change_notifications").watch_table(
            "exit_conversation"
        )
        for statement in (
            "ALTER TABLE exit_conversation ENABLE ROW LEVEL SECURITY",
            f"CREATE POLICY beheer ON exit_conversation TO {users} USING (true) WITH CHECK (true)",
            f"CREATE POLICY staff_read ON exit_conversation FOR SELECT TO {staff}"
            f" USING (person_id = ANY {people})",
            f"CREATE POLICY staff_insert ON exit_conversation FOR INSERT TO {staff}"
            f" WITH CHECK ({reports})",
            f"CREATE POLICY staff_update ON exit_conversation FOR UPDATE TO {staff}"
            f" USING ({reports}) WITH CHECK ({reports})",
            f"CREATE POLICY staff_delete ON exit_conversation FOR DELETE TO {staff}"
            f" USING ({reports})",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON exit_conversation TO {staff}",
            f"GRANT USAGE, SELECT ON SEQUENCE exit_conversation_id_seq TO {staff}",
        ):
            op.execute(statement)


def downgrade() -> None:
    op.drop_table("exit_conversation")
