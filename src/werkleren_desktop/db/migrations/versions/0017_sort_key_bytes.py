"""On a server, people's sort key is compared byte for byte (COLLATE "C"), as Python
and SQLite compare it: a database whose own collation is Dutch or English would put
"Grootens" before "de Groot". SQLite already compares bytes; nothing changes there.

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute('ALTER TABLE person ALTER COLUMN sort_key TYPE VARCHAR(400) COLLATE "C"')


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("ALTER TABLE person ALTER COLUMN sort_key TYPE VARCHAR(400)")
