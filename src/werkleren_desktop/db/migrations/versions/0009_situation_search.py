"""On SQLite, a full-text index (FTS5, trigram) over the title, situation and outcome of the
learning situations, kept up to date by triggers: searching fifty thousand situations
for part of a word no longer reads them all.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = "title, description, outcome"


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # SQLite's own index; another database searches as 0015 sets up
    op.execute(
        f"CREATE VIRTUAL TABLE situation_search USING fts5({COLUMNS}, "
        "content='learning_situation', content_rowid='id', tokenize='trigram')"
    )
    op.execute("INSERT INTO situation_search(situation_search) VALUES ('rebuild')")
    new = "new.id, new.title, new.description, new.outcome"
    old = "'delete', old.id, old.title, old.description, old.outcome"
    op.execute(
        "CREATE TRIGGER situation_search_insert AFTER INSERT ON learning_situation BEGIN "
        f"INSERT INTO situation_search(rowid, {COLUMNS}) VALUES ({new}); END"
    )
    op.execute(
        "CREATE TRIGGER situation_search_delete AFTER DELETE ON learning_situation BEGIN "
        f"INSERT INTO situation_search(situation_search, rowid, {COLUMNS}) VALUES ({old}); END"
    )
    op.execute(
        "CREATE TRIGGER situation_search_update AFTER UPDATE ON learning_situation BEGIN "
        f"INSERT INTO situation_search(situation_search, rowid, {COLUMNS}) VALUES ({old}); "
        f"INSERT INTO situation_search(rowid, {COLUMNS}) VALUES ({new}); END"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS situation_search_{trigger}")
    op.execute("DROP TABLE IF EXISTS situation_search")
