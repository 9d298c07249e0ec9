"""The window before a certificate expires in which it counts as expiring (listed on the
home and training pages) is the organisation's to set: three months by default, as it
was fixed before.

Revision ID: 0031
Revises: 0030
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0031"
down_revision: str | None = "0030"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "organisation",
        sa.Column("certificate_warning_months", sa.Integer, nullable=False, server_default="3"),
    )


def downgrade() -> None:
    with op.batch_alter_table("organisation") as batch:
        batch.drop_column("certificate_warning_months")
