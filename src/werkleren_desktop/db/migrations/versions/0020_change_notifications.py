"""On a shared server, every committed change says which table and which record it
touched (PostgreSQL NOTIFY on the channel ``werkleren_changes``, payload
``<table>:<id>``, or ``<table>:*`` for a statement that changed many rows), so that
the other managers' open windows refresh. The message carries only a table and an id:
never a value, which a role may not be allowed to read. Nothing changes on SQLite,
where one program at a time has the file.

A later revision that adds a table adds these triggers to it too
(``watch_table``); ``tests/db/test_fresh_screens.py`` checks every table has them.

Revision ID: 0020
Revises: 0019
Create Date: 2026-11-30
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0020"
down_revision: str | None = "0019"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CHANNEL = "werkleren_changes"
MANY = 20  # a statement that changed more rows says "<table>:*" once

FUNCTION = f"""
CREATE OR REPLACE FUNCTION werkleren_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    keys text[];
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT array_agg(k) INTO keys
        FROM (SELECT to_jsonb(o) ->> 'id' AS k FROM old_rows o LIMIT {MANY + 1}) found;
    ELSE
        SELECT array_agg(k) INTO keys
        FROM (SELECT to_jsonb(n) ->> 'id' AS k FROM new_rows n LIMIT {MANY + 1}) found;
    END IF;
    IF keys IS NULL THEN
        RETURN NULL;  -- the statement changed no row
    END IF;
    IF array_length(keys, 1) > {MANY} OR array_position(keys, NULL) IS NOT NULL THEN
        PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ':*');
    ELSE
        PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME || ':' || k) FROM unnest(keys) k;
    END IF;
    RETURN NULL;
END
$$
"""


def watch_table(table: str) -> None:
    """Triggers that tell the listening windows of every change to ``table``, once per
    statement (a statement-level trigger with its transition table)."""
    for event, transition in (
        ("INSERT", "NEW TABLE AS new_rows"),
        ("UPDATE", "NEW TABLE AS new_rows"),
        ("DELETE", "OLD TABLE AS old_rows"),
    ):
        op.execute(
            f"CREATE TRIGGER werkleren_{event.lower()}_{table} AFTER {event} ON {table} "
            f"REFERENCING {transition} FOR EACH STATEMENT EXECUTE FUNCTION werkleren_changed()"
        )


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(FUNCTION)
    tables = op.get_bind().exec_driver_sql(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
        " AND tablename <> 'alembic_version' ORDER BY tablename"
    )
    for (table,) in tables.all():
        watch_table(table)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION werkleren_changed() CASCADE")
