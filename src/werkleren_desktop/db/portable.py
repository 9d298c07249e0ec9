"""SQL that means the same on SQLite (the laptop's file) and PostgreSQL (the shared
server), where the two spell it differently; and what a server needs after rows were
written with their ids given."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import Connection, DateTime, Dialect, Integer, TypeDecorator, inspect, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.expression import ColumnElement, FunctionElement


class days_between(FunctionElement[int]):  # noqa: N801 - used like a SQL function
    """Whole days from the date ``first`` to the date (or the day of the moment)
    ``second``: ``days_between(occurred_on, created_at)``."""

    type = Integer()
    inherit_cache = True

    def __init__(self, first: ColumnElement[Any] | InstrumentedAttribute[Any], second: Any) -> None:
        super().__init__(first, second)


@compiles(days_between)
def _days_between_default(element: days_between, compiler: Any, **kw: Any) -> str:
    first, second = (compiler.process(c, **kw) for c in element.clauses)
    return f"(CAST(({second}) AS DATE) - CAST(({first}) AS DATE))"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    first, second = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(julianday(date({second})) - julianday(date({first})) AS INTEGER)"


class Moment(TypeDecorator[dt.datetime]):
    """A moment in time, kept in UTC and always read back with its zone: ``timestamp
    with time zone`` on a server, UTC text on SQLite (as its CURRENT_TIMESTAMP writes
    it). A moment given without a zone is this computer's local time."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        moment = value.astimezone(dt.UTC)  # a naive value: this computer's local time
        return moment.replace(tzinfo=None) if dialect.name == "sqlite" else moment

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:  # noqa: ARG002
        if value is None:
            return None
        moment: dt.datetime = value
        if moment.tzinfo is None:
            return moment.replace(tzinfo=dt.UTC)
        return moment.astimezone(dt.UTC)


RULE_TOPICS = {"manager chain": 1, "planning": 2, "attendance": 3}


def one_writer_at_a_time(session: Session, topic: str) -> None:
    """Let changes that check a rule spanning many rows wait for each other, so that
    two managers saving at once cannot each pass the check that their two changes
    together break (a manager cycle, a double booking).

    On SQLite every transaction that writes holds the file's write lock from its start
    (``SessionFactory.begin``), so this already holds. On a server it is a lock of the
    transaction on ``topic`` (an advisory lock): the second writer waits for the first
    to commit, up to the lock timeout, then reads what the first wrote. Call it before
    reading what the rule checks."""
    if session.get_bind().dialect.name != "postgresql":
        return
    session.execute(
        text("SELECT pg_advisory_xact_lock(:space, :topic)"),
        {"space": ADVISORY_SPACE, "topic": RULE_TOPICS[topic]},
    )


# the first key of the program's advisory locks ("WL"); the upgrade's lock has its own
ADVISORY_SPACE = 0x574C


def set_sequences(connection: Connection) -> None:
    """After rows were inserted with their ids (the demo, a copy of a data file), each
    table's id sequence continues after the highest id, or the next new row would get
    an id already taken. SQLite needs nothing: it takes the highest id by itself."""
    if connection.dialect.name != "postgresql":
        return
    for table in inspect(connection).get_table_names():
        columns = {c["name"] for c in inspect(connection).get_columns(table)}
        if "id" not in columns:
            continue
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
                f" coalesce((SELECT max(id) FROM {table}), 0) + 1, false)"
                f" WHERE pg_get_serial_sequence('{table}', 'id') IS NOT NULL"
            )
        )
