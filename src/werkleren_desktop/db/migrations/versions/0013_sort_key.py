"""Every person's place in lists, computed in Python and kept with them: surnames
without their tussenvoegsel ("de Groot" under G), accents as their base letter
("Özdemir" with O), so that every list and every database gives the same order.

Revision ID: 0013
Revises: 0012
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from werkleren_desktop.domain.people import sort_key

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("sort_key", sa.String(length=400), server_default="", nullable=False)
        )
        batch_op.create_index(batch_op.f("ix_person_sort_key"), ["sort_key"], unique=False)
    # the key of the program as it is now; a later change of the rule recomputes it in a
    # migration of its own
    connection = op.get_bind()
    person = sa.table(
        "person",
        sa.column("id", sa.Integer),
        sa.column("first_name", sa.String),
        sa.column("last_name", sa.String),
        sa.column("sort_key", sa.String),
    )
    rows = connection.execute(sa.select(person.c.id, person.c.first_name, person.c.last_name))
    keys = [{"key_id": pid, "key": sort_key(first, last)} for pid, first, last in rows]
    if keys:
        connection.execute(
            person.update()
            .where(person.c.id == sa.bindparam("key_id"))
            .values(sort_key=sa.bindparam("key")),
            keys,
        )


def downgrade() -> None:
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_sort_key"))
        batch_op.drop_column("sort_key")
