"""The learning log's search also finds the answers to the guiding questions, and finds
words with or without accents: every text of a situation and its answers, folded in
Python, is kept in ``search_text``. On SQLite the trigram index (0009) now covers that
column; another database searches it with LIKE (on PostgreSQL a pg_trgm index serves
LIKE), so that both find the same.

Revision ID: 0015
Revises: 0014
Create Date: 2026-11-29
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from werkleren_desktop.domain.situations import SEARCHED_COLUMNS, search_text

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 2000


def _drop_sqlite_index() -> None:
    for trigger in ("insert", "delete", "update"):
        op.execute(f"DROP TRIGGER IF EXISTS situation_search_{trigger}")
    op.execute("DROP TABLE IF EXISTS situation_search")


def _create_sqlite_index(columns: str) -> None:
    op.execute(
        f"CREATE VIRTUAL TABLE situation_search USING fts5({columns}, "
        "content='learning_situation', content_rowid='id', tokenize='trigram')"
    )
    op.execute("INSERT INTO situation_search(situation_search) VALUES ('rebuild')")
    new = ", ".join(f"new.{c.strip()}" for c in columns.split(","))
    old = ", ".join(f"old.{c.strip()}" for c in columns.split(","))
    op.execute(
        "CREATE TRIGGER situation_search_insert AFTER INSERT ON learning_situation BEGIN "
        f"INSERT INTO situation_search(rowid, {columns}) VALUES (new.id, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER situation_search_delete AFTER DELETE ON learning_situation BEGIN "
        f"INSERT INTO situation_search(situation_search, rowid, {columns}) "
        f"VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        "CREATE TRIGGER situation_search_update AFTER UPDATE ON learning_situation BEGIN "
        f"INSERT INTO situation_search(situation_search, rowid, {columns}) "
        f"VALUES ('delete', old.id, {old}); "
        f"INSERT INTO situation_search(rowid, {columns}) VALUES (new.id, {new}); END"
    )


def upgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:  # the old index's triggers would fire for every row filled below
        _drop_sqlite_index()
    with op.batch_alter_table("learning_situation", schema=None) as batch_op:
        batch_op.add_column(sa.Column("search_text", sa.Text(), server_default="", nullable=False))
    connection = op.get_bind()
    situation = sa.table(
        "learning_situation",
        sa.column("id", sa.Integer),
        sa.column("search_text", sa.Text),
        *(sa.column(c, sa.Text) for c in SEARCHED_COLUMNS),
    )
    answer = sa.table(
        "situation_answer",
        sa.column("situation_id", sa.Integer),
        sa.column("answer", sa.Text),
        sa.column("position", sa.Integer),
    )
    last = 0
    while True:  # in batches: ten years of a care group hold fifty thousand situations
        rows = connection.execute(
            sa.select(situation.c.id, *(situation.c[c] for c in SEARCHED_COLUMNS))
            .where(situation.c.id > last)
            .order_by(situation.c.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        ids = [row[0] for row in rows]
        answers: dict[int, list[str]] = {}
        for situation_id, text in connection.execute(
            sa.select(answer.c.situation_id, answer.c.answer)
            .where(answer.c.situation_id.in_(ids))
            .order_by(answer.c.situation_id, answer.c.position)
        ):
            answers.setdefault(situation_id, []).append(text or "")
        values = [
            {
                "row_id": row[0],
                "text": search_text([*(t or "" for t in row[1:]), *answers.get(row[0], [])]),
            }
            for row in rows
        ]
        connection.execute(
            situation.update()
            .where(situation.c.id == sa.bindparam("row_id"))
            .values(search_text=sa.bindparam("text")),
            values,
        )
        last = ids[-1]
    if sqlite:
        _create_sqlite_index("search_text")
    elif connection.dialect.name == "postgresql":
        # a trigram index serves LIKE '%word%' (pg_trgm is a trusted extension: the
        # database's owner may create it)
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_learning_situation_search_text ON learning_situation "
            "USING gin (search_text gin_trgm_ops)"
        )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        _drop_sqlite_index()
    elif op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_learning_situation_search_text")
    with op.batch_alter_table("learning_situation", schema=None) as batch_op:
        batch_op.drop_column("search_text")
    if sqlite:
        _create_sqlite_index("title, description, outcome")
