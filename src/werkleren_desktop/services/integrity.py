"""Checking a data file: SQLite's own integrity and foreign-key checks, and the schema."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from werkleren_desktop.db.migrate import current_revision, head_revision
from werkleren_desktop.services.data_store import DataStore


@dataclass(frozen=True)
class CheckReport:
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def check_data(store: DataStore) -> CheckReport:
    """The full check; every problem as a line of SQLite's own words."""
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
    return CheckReport(tuple(problems))
