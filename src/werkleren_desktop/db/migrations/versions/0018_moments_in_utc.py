"""Moments (when a record was made, when a signed record was corrected) are kept in UTC
with their zone: on a server as ``timestamp with time zone``; on SQLite as UTC text, as
its CURRENT_TIMESTAMP already wrote ``created_at``. A correction's moment was this
computer's local time: it is turned into UTC once, here.

On a server, ``now()`` wrote ``created_at`` in the server's own time zone, and the
program wrote the corrections in the laptop's: the Netherlands' (Europe/Amsterdam).

Revision ID: 0018
Revises: 0017
Create Date: 2026-11-29
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0018"
down_revision: str | None = "0017"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CREATED = ("organisation", "learning_situation", "talent_conversation", "scan")
LAPTOP_ZONE = "Europe/Amsterdam"


def upgrade() -> None:
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        for table in CREATED:
            op.execute(
                f"ALTER TABLE {table} ALTER COLUMN created_at TYPE timestamptz "
                "USING created_at AT TIME ZONE current_setting('TimeZone')"
            )
        op.execute(
            "ALTER TABLE conversation_correction ALTER COLUMN made_at TYPE timestamptz "
            f"USING made_at AT TIME ZONE '{LAPTOP_ZONE}'"
        )
        return
    # SQLite: the column types stay (SQLite keeps text); the local moments become UTC
    corrections = sa.table(
        "conversation_correction", sa.column("id", sa.Integer), sa.column("made_at", sa.String)
    )
    rows = connection.execute(sa.select(corrections.c.id, corrections.c.made_at)).all()
    for key, made_at in rows:
        if made_at is None:
            continue
        local = dt.datetime.fromisoformat(str(made_at))
        if local.tzinfo is None:
            local = local.astimezone()  # as the program wrote it: this computer's time
        moment = local.astimezone(dt.UTC).replace(tzinfo=None)
        connection.execute(
            corrections.update()
            .where(corrections.c.id == key)
            .values(made_at=moment.isoformat(sep=" "))
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in CREATED:
            op.execute(
                f"ALTER TABLE {table} ALTER COLUMN created_at TYPE timestamp "
                "USING created_at AT TIME ZONE 'UTC'"
            )
        op.execute(
            "ALTER TABLE conversation_correction ALTER COLUMN made_at TYPE timestamp "
            f"USING made_at AT TIME ZONE '{LAPTOP_ZONE}'"
        )
