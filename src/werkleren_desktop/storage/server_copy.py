"""Copying the data between a laptop's file and the shared server, checked record by
record: ``werkleren server move`` (file to server), ``server export`` and ``server
backup`` (server to a file that opens in the laptop mode and passes ``werkleren
check``).

Everything is read in one snapshot of the source (a REPEATABLE READ transaction on the
server), written in one transaction, and compared, row by row and column by column,
before that transaction commits: a copy that differs is never kept.
"""

from __future__ import annotations

import datetime as dt
import tempfile
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Engine,
    Select,
    Table,
    case,
    exists,
    func,
    inspect,
    null,
    select,
    text,
    update,
)
from sqlalchemy import column as sql_column
from sqlalchemy import exc as sqlalchemy_exc
from sqlalchemy import table as sql_table

from werkleren_desktop.db.backup import BackupError, copy_database
from werkleren_desktop.db.portable import set_sequences
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.backups import Backup, backup_folder, check_candidate, rotate

if TYPE_CHECKING:
    from werkleren_desktop.storage.data_store import DataStore

CHUNK = 2000
EXPORT_PREFIX = "werkleren-export-"  # an export's work folder, beside its result


class CopyStopped(Exception):  # noqa: N818 - not an error: asked for
    """The copy was stopped before it was done (the window closed); nothing was kept."""


Stop = threading.Event | None  # set: stop the copy at the next chunk


# the server's own, not the data's: its users (logins of that server). A move into a
# server leaves them as the administrator made them, and never brings a file's in.
SERVER_ONLY = ("app_user",)


def _tables(connection: Connection | None = None, skip: Sequence[str] = ()) -> list[Table]:
    """The program's tables, in an order that inserts a row after those it points to;
    with ``connection``, only those its database has (a server not yet brought up to
    date lacks the newest: its backup before the upgrade is read at its own schema)."""
    from werkleren_desktop.db.models import Base

    tables = [table for table in Base.metadata.sorted_tables if table.name not in skip]
    if connection is None:
        return tables
    there = set(inspect(connection).get_table_names())
    return [table for table in tables if table.name in there]


def _later_columns(table: Table) -> list[str]:
    """Columns pointing into their own table (a person's manager): filled in after every
    row is there, as a row may point to one with a higher id."""
    return [fk.parent.name for fk in table.foreign_keys if fk.column.table is table]


def _present(connection: Connection, table: Table) -> list[Column[Any]]:
    """The table's columns that ``connection``'s database has: all of them at the
    program's schema; fewer in a server not yet brought up to date (its backup before
    the upgrade is read at its own schema)."""
    there = {c["name"] for c in inspect(connection).get_columns(table.name)}
    return [column for column in table.columns if column.name in there]


def _readable(connection: Connection, table: Table) -> Select[Any] | None:
    """What ``connection``'s login may read of ``table``, as a query of its columns:
    everything for the administrator and a beheerder; for a manager's or a
    professional's login (docs/roles.md) the rows its policies let through, nothing of
    a table it may not read (None), and of ``person`` the public columns with the
    personal ones of the people it may see (the view ``person_private``, blank for the
    others). On a laptop's file: everything."""
    columns = _present(connection, table)
    if connection.dialect.name != "postgresql":
        return select(*columns)
    allowed = connection.execute(
        text(
            "SELECT has_table_privilege(CAST(:t AS regclass), 'SELECT'),"
            " has_any_column_privilege(CAST(:t AS regclass), 'SELECT')"
        ),
        {"t": table.name},
    ).one()
    if allowed[0]:
        return select(*_links_readable(connection, table, columns))
    if not allowed[1]:
        return None
    granted = {
        name
        for (name,) in connection.execute(
            text(
                "SELECT attname FROM pg_attribute WHERE attrelid = CAST(:t AS regclass)"
                " AND attnum > 0 AND NOT attisdropped"
                " AND has_column_privilege(CAST(:t AS regclass), attname, 'SELECT')"
            ),
            {"t": table.name},
        )
    }
    if table.name != "person":  # no other table is granted by its columns
        return select(*(c for c in columns if c.name in granted))
    from werkleren_desktop.db.models import PERSON_PRIVATE

    view = PERSON_PRIVATE.c
    picked: list[ColumnElement[Any]] = []
    for column in columns:
        if column.name in granted:
            picked.append(column)
        elif column.name in view and not column.nullable:  # an e-mail, the notes: blank
            picked.append(func.coalesce(view[column.name], "").label(column.name))
        elif column.name in view:
            picked.append(view[column.name].label(column.name))
    return select(*picked).select_from(table.outerjoin(PERSON_PRIVATE, view.id == table.c.id))


def _links_readable(
    connection: Connection, table: Table, columns: list[Column[Any]]
) -> list[ColumnElement[Any]]:
    """``columns``, where a manager's or a professional's login reads a row that points
    at one it may not read (a work agreement made from another team's situation): the
    pointer blank, as the copy holds no row to point at. Only optional pointers to
    tables read row by row can point so; the others are kept as they are."""
    if not _is_staff(connection):
        return list(columns)
    picked: list[ColumnElement[Any]] = []
    for column in columns:
        targets = [fk.column for fk in column.foreign_keys if fk.column.table is not table]
        if column.nullable and targets and _row_secured(connection, targets[0].table.name):
            target = targets[0]
            found = exists(select(target).where(target == column))
            picked.append(case((found, column), else_=null()).label(column.name))
        else:
            picked.append(column)
    return picked


def _is_staff(connection: Connection) -> bool:
    """Whether the login is a manager's or a professional's (asked once a connection)."""
    if "werkleren_staff" not in connection.info:
        from werkleren_desktop.storage.server_admin import is_staff_login

        connection.info["werkleren_staff"] = is_staff_login(connection)
    return bool(connection.info["werkleren_staff"])


def _row_secured(connection: Connection, table: str) -> bool:
    return bool(
        connection.execute(
            text("SELECT relrowsecurity FROM pg_class WHERE oid = CAST(:t AS regclass)"),
            {"t": table},
        ).scalar()
    )


def _rows(
    connection: Connection, table: Table, stop: Stop = None
) -> Iterator[list[dict[str, Any]]]:
    readable = _readable(connection, table)
    if readable is None:  # a table this login may not read: none of its rows
        return
    query = readable.order_by(*table.primary_key.columns)
    result = connection.execution_options(yield_per=CHUNK).execute(query)
    for chunk in result.mappings().partitions():
        if stop is not None and stop.is_set():
            raise CopyStopped
        yield [dict(row) for row in chunk]


def copy_rows(
    source: Connection, target: Connection, stop: Stop = None, skip: Sequence[str] = ()
) -> dict[str, int]:
    """Every row of every table (but those in ``skip``) from ``source`` into the empty
    ``target``, ids kept; returns the number of rows per table."""
    counts: dict[str, int] = {}
    for table in _tables(source, skip):
        later = _later_columns(table)
        pointers: list[dict[str, Any]] = []
        counts[table.name] = 0
        for chunk in _rows(source, table, stop):
            for row in chunk:
                if any(row.get(name) is not None for name in later):
                    pointers.append({"key": row["id"], **{name: row[name] for name in later}})
                    for name in later:
                        row[name] = None
            try:
                # only the columns the source has, without the model's defaults for others
                columns = [sql_column(name, table.c[name].type) for name in chunk[0]]
                target.execute(sql_table(table.name, *columns).insert(), chunk)
            except sqlalchemy_exc.DataError as error:
                raise UserError(
                    _(
                        "A record in {table} cannot be stored there (it holds a character or "
                        "value that database does not accept). Nothing has been copied."
                    ).format(table=table.name)
                ) from error
            counts[table.name] += len(chunk)
        if pointers:
            from sqlalchemy import bindparam

            statement = (
                update(table)
                .where(table.c.id == bindparam("key"))
                .values({name: bindparam(name) for name in later})
            )
            target.execute(statement, pointers)
    set_sequences(target)
    return counts


def _comparable(value: Any) -> Any:
    """A value as both databases mean it: a moment in UTC without its zone."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def differences(
    source: Connection,
    target: Connection,
    limit: int = 20,
    stop: Stop = None,
    skip: Sequence[str] = (),
) -> list[str]:
    """Where ``target`` differs from ``source``: "table row 12, column notes" (never the
    values: they are personal data), "table: 3 rows in the source, 2 in the copy"."""
    found: list[str] = []
    for table in _tables(source, skip):
        keys = [c.name for c in table.primary_key.columns]
        theirs = {
            tuple(row[k] for k in keys): row
            for chunk in _rows(target, table, stop)
            for row in chunk
        }
        ours = 0
        for chunk in _rows(source, table, stop):
            for row in chunk:
                ours += 1
                key = tuple(row[k] for k in keys)
                label = "/".join(str(k) for k in key)
                other = theirs.get(key)
                if other is None:
                    found.append(f"{table.name} row {label}: missing")
                    continue
                found += [
                    f"{table.name} row {label}, column {name}: differs"
                    for name in row
                    if _comparable(row[name]) != _comparable(other.get(name))
                ]
        if ours != len(theirs):
            found.append(f"{table.name}: {ours} rows in the source, {len(theirs)} in the copy")
        if len(found) >= limit:
            break
    return found[:limit]


def _snapshot(engine: Engine) -> Connection:
    """A connection that reads one consistent moment of the data."""
    connection = engine.connect()
    if engine.dialect.name == "postgresql":
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
    connection.begin()
    return connection


def _empty(connection: Connection) -> bool:
    """Whether the database holds no data (its users may be there already)."""
    return all(
        connection.execute(select(table).limit(1)).first() is None
        for table in _tables(skip=SERVER_ONLY)
    )


@dataclass(frozen=True)
class CopyResult:
    counts: dict[str, int]

    @property
    def records(self) -> int:
        return sum(self.counts.values())


def _checked_copy(
    source: Connection, target: Connection, stop: Stop = None, skip: Sequence[str] = ()
) -> CopyResult:
    counts = copy_rows(source, target, stop, skip)
    problems = differences(source, target, stop=stop, skip=skip)
    if problems:
        raise UserError(
            _("The copy does not match the data, so it was not kept: {problems}").format(
                problems="; ".join(problems)
            )
        )
    return CopyResult(counts)


def export_server(engine: Engine, out: Path, stop: Stop = None) -> CopyResult:
    """The server's data as a laptop data file at ``out`` (a new file, written whole or
    not at all), of the same schema, that passes ``werkleren check``. ``stop``, once
    set, ends the copy at its next chunk (CopyStopped), leaving ``out`` as it was."""
    from werkleren_desktop.db.engine import make_engine
    from werkleren_desktop.db.migrate import current_revision, upgrade_database
    from werkleren_desktop.storage.data_store import open_data_folder
    from werkleren_desktop.storage.files import ensure_data_folder
    from werkleren_desktop.storage.integrity import check_data

    # the work folder beside the result, not in the system's temporary folder: personnel
    # data stay where the user put them, also when a crash leaves the folder behind
    out.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=EXPORT_PREFIX, dir=out.parent) as folder:
        local = DataPaths(Path(folder))
        source = _snapshot(engine)
        try:
            # an empty file at the server's own schema (older before its upgrade) ...
            revision = current_revision(source) or "head"
            ensure_data_folder(local)
            empty = make_engine(local.database_url)
            try:
                upgrade_database(empty, None, None, target=revision)
                with empty.begin() as target:
                    result = _checked_copy(source, target, stop)
            finally:
                empty.dispose()
        finally:
            source.close()
        store = open_data_folder(local)  # ... brought up to the program's schema
        try:
            report = check_data(store)
        finally:
            store.close()
        if not report.ok:
            raise UserError(
                _("The copy does not pass the check, so it was not kept: {problems}").format(
                    problems="; ".join(report.problems[:5])
                )
            )
        try:
            copy_database(local.database, out)
        except BackupError as error:
            raise UserError(
                _("{path} could not be written: {reason}").format(path=out, reason=error)
            ) from error
    return result


def backup_server(
    engine: Engine, paths: DataPaths, reason: str = "manual", now: dt.datetime | None = None
) -> Backup:
    """A backup of the server's data in the backup folder, as a laptop data file, with
    the same names and rotation as the laptop's backups."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    folder = backup_folder(paths)
    target = folder / f"werkleren-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    export_server(engine, target)
    rotate(folder, now)
    return Backup(target, now, reason, target.stat().st_size)


def backup_at_start_server(store: DataStore, now: dt.datetime | None = None) -> Backup | None:
    """The daily backup at start, on the administrator's computer only: a manager's
    laptop keeps no backups of everyone's data (only the copy to read offline, which its
    user can turn off: ``storage.offline``)."""
    from werkleren_desktop.storage.backups import AUTO_EVERY, list_backups
    from werkleren_desktop.storage.server_admin import is_administrator

    now = now or dt.datetime.now()
    if not is_administrator(store.engine):
        return None
    backups = list_backups(backup_folder(store.paths))
    if backups and now - backups[0].made_at < AUTO_EVERY:
        return None
    return backup_server(store.engine, store.paths, "auto", now)


def move_to_server(file: Path, engine: Engine) -> CopyResult:
    """A laptop's data file (or a backup) copied into the prepared, empty server
    database; its own schema brought up to date in a copy first, the file untouched."""
    from werkleren_desktop.db.migrate import current_revision, head_revision
    from werkleren_desktop.storage.data_store import open_data_folder

    check_candidate(file)
    with engine.connect() as connection:
        revision = current_revision(connection)
        if revision != head_revision():
            raise UserError(
                _(
                    "The server's database is not ready: prepare it with werkleren server init "
                    "(or bring it up to date with werkleren server upgrade) first. Nothing "
                    "has been copied."
                )
            )
        if not _empty(connection):
            raise UserError(
                _(
                    "The server's database already holds data; move into an empty database. "
                    "Nothing has been copied."
                )
            )
    with tempfile.TemporaryDirectory(prefix="werkleren-move-") as folder:
        local = DataPaths(Path(folder))
        try:
            copy_database(file, local.database)
        except BackupError as error:
            raise UserError(
                _("{path} cannot be read ({reason}). Nothing has been copied.").format(
                    path=file, reason=error
                )
            ) from error
        store = open_data_folder(local)  # the copy upgraded, when it is older
        try:
            source = _snapshot(store.engine)
            try:
                with engine.begin() as target:
                    return _checked_copy(source, target, skip=SERVER_ONLY)
            finally:
                source.close()
        finally:
            store.close()
