"""Certificates get types with their rules (docs/domain.md): how long one is valid, a
grace period after which a refresher no longer renews it, and whether a refresher renews
it at all; a training names its certificate's type and says whether it was a refresher.
The common Dutch types are not written here but by the program when it first reads the
list (services.certificates.ensure_certificate_types), which also links the names typed
before that name one type; the others wait for the user to choose. So a new database
stays empty, as a copy into it expects.

On a server every login reads the types (to choose one for a training) and the
beheerder edits them, as the work agreements (0028).

Revision ID: 0030
Revises: 0029
Create Date: 2026-11-30
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0030"
down_revision: str | None = "0029"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _module(name: str) -> object:
    return importlib.import_module(f"werkleren_desktop.db.migrations.versions.{name}")


def upgrade() -> None:
    op.create_table(
        "certificate_type",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("description", sa.String(200), nullable=False, server_default=""),
        sa.Column("valid_months", sa.Integer),
        sa.Column("grace_months", sa.Integer, nullable=False, server_default="0"),
        sa.Column("refresher_renews", sa.Boolean, nullable=False, server_default=sa.true()),
        sa.Column("source", sa.Text, nullable=False, server_default=""),
        sa.Column("retired", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name="pk_certificate_type"),
        sa.UniqueConstraint("name", name="uq_certificate_type_name"),
        sa.CheckConstraint("length(trim(name)) > 0", name="ck_certificate_type_name_not_empty"),
        sa.CheckConstraint(
            "valid_months IS NULL OR valid_months > 0", name="ck_certificate_type_valid_positive"
        ),
        sa.CheckConstraint("grace_months >= 0", name="ck_certificate_type_grace_not_negative"),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.add_column("training", sa.Column("certificate_type_id", sa.Integer))
        op.create_foreign_key(
            "fk_training_certificate_type_id_certificate_type",
            "training",
            "certificate_type",
            ["certificate_type_id"],
            ["id"],
            ondelete="RESTRICT",
        )
    else:  # SQLite adds a column with its reference without rebuilding the table
        op.execute(
            "ALTER TABLE training ADD COLUMN certificate_type_id INTEGER "
            "CONSTRAINT fk_training_certificate_type_id_certificate_type "
            "REFERENCES certificate_type (id) ON DELETE RESTRICT"
        )
    op.create_index("ix_training_certificate_type_id", "training", ["certificate_type_id"])
    op.add_column(
        "training", sa.Column("refresher", sa.Boolean, nullable=False, server_default=sa.false())
    )
    if postgresql:
        _secure()


def _secure() -> None:
    users, staff = _module("0021_users_and_roles")._roles()  # type: ignore[attr-defined]
    _module("0020_change_notifications").watch_table("certificate_type")  # type: ignore[attr-defined]
    for statement in (
        "ALTER TABLE certificate_type ENABLE ROW LEVEL SECURITY",
        f"CREATE POLICY beheer ON certificate_type TO {users} USING (true) WITH CHECK (true)",
        f"CREATE POLICY staff_read ON certificate_type FOR SELECT TO {staff} USING (true)",
        f"GRANT SELECT ON certificate_type TO {staff}",
    ):
        op.execute(statement)


def downgrade() -> None:
    with op.batch_alter_table("training") as batch:
        batch.drop_index("ix_training_certificate_type_id")
        batch.drop_constraint("fk_training_certificate_type_id_certificate_type", "foreignkey")
        batch.drop_column("certificate_type_id")
        batch.drop_column("refresher")
    op.drop_table("certificate_type")
