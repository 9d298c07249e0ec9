"""Schema migrations with Alembic, run in code at start-up.

Before anything changes, the database file is copied aside; a file written by a
newer version of the program, or a file that is not ours, is refused untouched.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import DatabaseError as SQLAlchemyDatabaseError

from werkleren_desktop.db.backup import BackupError, copy_database
from werkleren_desktop.db.engine import storage_problem
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when a migration runs: a normal start only compares the
# file's revision with the numbered files in migrations/versions (the bench measures it).
REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


class NewerSchemaError(UserError):
    pass


class ForeignDatabaseError(UserError):
    pass


class DamagedDatabaseError(UserError):
    """Our file, but SQLite finds it damaged: it is never opened for writing then."""


def _damaged(reason: object) -> DamagedDatabaseError:
    return DamagedDatabaseError(
        _("The data file is damaged ({reason}). Nothing has been changed.").format(reason=reason)
    )


@dataclass(frozen=True)
class MigrationResult:
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config(connection: Connection | None = None, *, per_revision: bool = False) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    config.attributes["per_revision"] = per_revision
    return config


def known_revisions() -> set[str]:
    """The revisions this version knows: the numbered files, one per migration."""
    return {
        match.group(1)
        for path in (MIGRATIONS_DIR / "versions").iterdir()
        if (match := REVISION_FILE.match(path.name))
    }


def head_revision() -> str:
    """The newest revision; revisions are numbered, each revising the one before."""
    revisions = known_revisions()
    assert revisions, "the migrations folder has no revisions"
    return max(revisions)


def current_revision(connection: Connection) -> str | None:
    if "alembic_version" not in inspect(connection).get_table_names():
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


SQLITE_HEADER = b"SQLite format 3\x00"
# PRAGMA application_id marks the file as ours ("WRKL"); user_version is the schema's
# revision number, so other tools can tell what the file is.
APPLICATION_ID = 0x57524B4C


def _not_ours() -> ForeignDatabaseError:
    return ForeignDatabaseError(
        _("This file is not a Werkleren Desktop database. Nothing has been changed.")
    )


def inspect_file(database_file: Path, *, read_every_page: bool = True) -> None:
    """Refuse a file that is not ours, or newer, or damaged, before any connection may
    change it. ``read_every_page`` False leaves out SQLite's quick_check (which reads the
    whole file: 2.4 s for the 1.4 GB of the huge demo), for a file known to be as this
    program left it (``storage.data_store``).

    Opening with the engine already switches the journal to WAL, which writes to the
    file, so the first look is read-only with the plain driver.
    """
    if not database_file.exists() or database_file.stat().st_size == 0:
        return
    with database_file.open("rb") as handle:
        if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
            raise _not_ours()
    try:
        with contextlib.closing(
            sqlite3.connect(f"{database_file.resolve().as_uri()}?mode=ro", uri=True)
        ) as connection:
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            application_id = connection.execute("PRAGMA application_id").fetchone()[0]
            if application_id not in (0, APPLICATION_ID):
                raise _not_ours()
            revision = None
            if "alembic_version" in tables:
                row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
            check = (
                [row[0] for row in connection.execute("PRAGMA quick_check")]
                if read_every_page
                else ["ok"]
            )
    except sqlite3.DatabaseError as error:
        # locked by another program, or not readable: said as what it is; never damage
        # (a damaged file is offered to be replaced by a backup)
        problem = storage_problem(error)
        if problem is not None:
            raise problem from error
        # an SQLite file that SQLite cannot read is damaged, not someone else's
        raise _damaged(error) from error
    if check != ["ok"]:
        raise _damaged(check[0] if check else "quick_check")
    # without our mark in the header, a known revision alone does not make a file ours
    # (Alembic numbers are common): it must hold our first table too, before anything
    # may write to it (opening it switches the journal to WAL)
    if application_id == 0 and revision is not None and "organisation" not in tables:
        raise _not_ours()
    _check_revision(revision, has_tables=bool(tables))


def _check_revision(revision: str | None, *, has_tables: bool) -> None:
    if revision is not None and revision not in known_revisions():
        raise NewerSchemaError(
            _(
                "These data were saved by a newer version of Werkleren Desktop; "
                "install that version to open them. Nothing has been changed."
            )
        )
    if revision is None and has_tables:
        raise _not_ours()


def upgrade_database(
    engine: Engine,
    database_file: Path | None,
    backups_dir: Path | None,
    *,
    target: str = "head",
    now: dt.datetime | None = None,
    read_every_page: bool = True,
) -> MigrationResult:
    """Bring the schema to ``target``; copy the file aside first when it holds data.

    ``database_file`` is None for a database server (PostgreSQL), whose schema moves one
    revision per transaction."""
    if database_file is not None:
        inspect_file(database_file, read_every_page=read_every_page)
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            _check_revision(revision, has_tables=bool(inspect(connection).get_table_names()))
    except SQLAlchemyDatabaseError as error:
        raise _not_ours() from error

    goal = head_revision() if target == "head" else target
    if revision == goal:
        if engine.dialect.name == "sqlite":
            _mark(engine, goal)
        return MigrationResult(revision, goal, None)

    backup = None
    if revision is not None and database_file is not None and backups_dir is not None:
        stamp = (now or dt.datetime.now()).strftime("%Y%m%d-%H%M%S")
        destination = backups_dir / f"werkleren-{stamp}-before-upgrade-{revision}.sqlite3"
        try:
            backup = copy_database(database_file, destination)
        except BackupError as error:
            raise UserError(
                _(
                    "The data could not be copied aside before updating ({reason}). "
                    "Nothing has been changed."
                ).format(reason=error)
            ) from error

    from alembic import command

    if engine.dialect.name == "sqlite":
        with engine.begin() as connection:  # the file was copied aside: all or nothing
            command.upgrade(alembic_config(connection), goal)
        _mark(engine, goal)
    else:  # a server: each revision in a transaction of its own
        with engine.connect() as connection:
            command.upgrade(alembic_config(connection, per_revision=True), goal)
            connection.commit()
    return MigrationResult(revision, goal, backup)


def _mark(engine: Engine, revision: str) -> None:
    """Stamp the file's header as ours, with the schema's number (only when needed)."""
    with engine.connect() as connection:
        marks = (
            connection.exec_driver_sql("PRAGMA application_id").scalar(),
            connection.exec_driver_sql("PRAGMA user_version").scalar(),
        )
        wanted = (APPLICATION_ID, int(revision) if revision.isdigit() else 0)
        if marks != wanted:
            connection.exec_driver_sql(f"PRAGMA application_id = {wanted[0]}")
            connection.exec_driver_sql(f"PRAGMA user_version = {wanted[1]}")
            connection.commit()
