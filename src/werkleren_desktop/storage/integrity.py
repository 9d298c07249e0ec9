"""Checking a data file: SQLite's own integrity and foreign-key checks, the schema, and
every row read as the program reads it (damage inside a record passes SQLite's checks:
a flipped byte in a text makes it unreadable without breaking the page)."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from dataclasses import dataclass

from sqlalchemy import JSON, Date, DateTime, Enum, String, Text, Time, TypeDecorator, text

from werkleren_desktop.db.migrate import current_revision, head_revision
from werkleren_desktop.storage.data_store import DataStore


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_data(store: DataStore) -> CheckReport:
    """The full check; every problem as a line of SQLite's own words."""
    if store.engine.dialect.name == "postgresql":
        return _check_server(store)
    problems: list[str] = []
    with store.engine.connect() as connection:
        integrity = [row[0] for row in connection.execute(text("PRAGMA integrity_check"))]
        if integrity != ["ok"]:
            problems.extend(integrity)
        for table, rowid, parent, _fk in connection.execute(text("PRAGMA foreign_key_check")):
            problems.append(f"{table} {rowid} → {parent}")
        revision = current_revision(connection)
    if revision != head_revision():
        problems.append(f"schema {revision} ≠ {head_revision()}")
    problems += unreadable_values(store)
    return CheckReport(tuple(problems))


def _readable(kind: object, value: object) -> bool:
    """Whether a stored value reads as its column's type: texts as UTF-8, dates, the
    values of an enumeration, JSON, whole numbers. Raises ValueError when it does not."""
    if value is None:
        return True
    if isinstance(value, bytes):
        decoded = value.decode("utf-8")  # UnicodeDecodeError is a ValueError
        if isinstance(kind, Enum):
            return decoded in kind.enums
        if isinstance(kind, DateTime):
            dt.datetime.fromisoformat(decoded)
        elif isinstance(kind, Date):
            dt.date.fromisoformat(decoded)
        elif isinstance(kind, Time):
            dt.time.fromisoformat(decoded)
        elif isinstance(kind, JSON):
            json.loads(decoded)
        return True
    return not isinstance(kind, String | Text | Date | DateTime | Time | Enum | JSON)


def unreadable_values(store: DataStore) -> list[str]:
    """Every value the program could not read, as "table row 12, column notes": never the
    value itself (it may be personal data, and damaged)."""
    from werkleren_desktop.db.models import Base

    problems: list[str] = []
    if store.engine.dialect.name != "sqlite":
        return problems
    uri = f"{store.paths.database.resolve().as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as connection:
        connection.text_factory = bytes  # decoded here, column by column
        for table in Base.metadata.sorted_tables:
            columns = list(table.columns)
            names = ", ".join(c.name for c in columns)
            query = f"SELECT rowid, {names} FROM {table.name}"
            for row in connection.execute(query):
                for column, value in zip(columns, row[1:], strict=True):
                    # a type of ours (Moment) is read as what it stores
                    kind = (
                        column.type.impl if isinstance(column.type, TypeDecorator) else column.type
                    )
                    try:
                        readable = _readable(kind, value)
                    except (UnicodeDecodeError, ValueError):
                        readable = False
                    if not readable:
                        problems.append(
                            f"{table.name} row {row[0]}, column {column.name}: cannot be read"
                        )
    return problems


def _check_server(store: DataStore) -> CheckReport:
    """A server checks its own pages and keys as it writes them; what can still be wrong
    is ours: the schema's revision, who owns the tables (the schema's owner role, so
    that no user's login can change them), and id sequences behind the highest id (the
    next new record would then be refused)."""
    from werkleren_desktop.db.models import Base
    from werkleren_desktop.storage.server_admin import roles_of

    problems: list[str] = []
    with store.engine.connect() as connection:
        revision = current_revision(connection)
        if revision != head_revision():
            problems.append(f"schema {revision} ≠ {head_revision()}")
        owner = roles_of(connection).owner
        for table in Base.metadata.sorted_tables:
            found = connection.execute(
                text(
                    "SELECT tableowner FROM pg_tables WHERE schemaname = current_schema() "
                    "AND tablename = :name"
                ),
                {"name": table.name},
            ).scalar()
            if found is None:
                problems.append(f"{table.name}: missing")
                continue
            if found != owner:
                problems.append(f"{table.name}: owned by {found}, not {owner}")
            if "id" not in table.columns or len(table.primary_key.columns) != 1:
                continue
            sequence = connection.execute(
                text("SELECT pg_get_serial_sequence(:name, 'id')"), {"name": table.name}
            ).scalar()
            if sequence is None:
                continue
            highest = connection.execute(text(f"SELECT coalesce(max(id), 0) FROM {table.name}"))
            last, called = connection.execute(
                text(f"SELECT last_value, is_called FROM {sequence}")
            ).one()
            following = last + 1 if called else last
            if following <= (highest.scalar() or 0):
                problems.append(f"{table.name}: the next id {following} is taken")
    return CheckReport(tuple(problems))
