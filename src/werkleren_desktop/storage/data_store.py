"""Opening the data: the folder's database file, or the shared server's database,
migrated, behind a session factory."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from werkleren_desktop.db.engine import (
    SessionFactory,
    make_engine,
    make_session_factory,
    refresh_statistics,
)
from werkleren_desktop.db.migrate import MigrationResult, upgrade_database
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.files import ensure_data_folder, write_atomically

if TYPE_CHECKING:
    from werkleren_desktop.domain.users import Seat
    from werkleren_desktop.storage.backups import Backup
    from werkleren_desktop.storage.offline import OfflineCopy


@dataclass
class DataStore:
    paths: DataPaths
    engine: Engine
    sessions: SessionFactory
    migration: MigrationResult
    # the copy of the server's data kept on this computer, shown read-only while the
    # server cannot be reached (``storage.offline``); None: the data themselves
    offline: OfflineCopy | None = None
    # a manager or a professional signed in to the server: the window shows their part
    # (Mijn leren); None: the beheerder, or the owner on a laptop, who see everything
    seat: Seat | None = None

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or not at all."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()
        if not self.paths.on_server and self.offline is None:
            _mark_closed(self.paths)

    def read_offline(self, copy: OfflineCopy, engine: Engine) -> None:
        """Read ``copy`` (opened read-only, as ``engine``) instead of the server, until
        ``back_online``. The session factory stays the same object, so that the pages
        and the open forms now read the copy, and a save is refused in a sentence."""
        server, self.engine, self.offline = self.engine, engine, copy
        self.sessions.configure(bind=engine)
        server.dispose()  # its connections are gone; the way back opens anew

    def back_online(self, server: DataStore) -> None:
        """Work on ``server`` (the server's data, just opened) again instead of the copy.
        The forms opened meanwhile keep the versions they read from the copy, so a record
        someone changed since ends in the choice between theirs and what was typed."""
        copy, self.engine, self.offline = self.engine, server.engine, None
        self.migration = server.migration
        self.sessions.configure(bind=server.engine)
        copy.dispose()

    def back_up(self, reason: str = "manual", destination: Path | None = None) -> Backup:
        """A backup of the data now: of the file, or of the server's data as a laptop
        data file; into the backup folder (rotated) unless ``destination`` is named."""
        from werkleren_desktop.storage.backups import Backup, make_backup

        if self.offline is not None:
            raise UserError(
                _(
                    "The server cannot be reached; a backup is made of the server's data "
                    "once it answers again."
                )
            )
        if not self.paths.on_server:
            return make_backup(self.paths, reason, destination=destination)
        from werkleren_desktop.storage.server_copy import backup_server, export_server

        if destination is None:
            return backup_server(self.engine, self.paths, reason)
        export_server(self.engine, destination)
        made = dt.datetime.now().replace(microsecond=0)
        return Backup(destination, made, reason, destination.stat().st_size)


def _refuse_an_emptied_file(paths: DataPaths) -> None:
    """A data file that is empty while backups exist lost its data: damage, not a new
    start (an empty file with no backup at all is a first start that was cut short)."""
    from werkleren_desktop.db.migrate import DamagedDatabaseError
    from werkleren_desktop.storage.backups import backup_folder, list_backups

    if not paths.database.is_file() or paths.database.stat().st_size:
        return
    if any(list_backups(folder) for folder in {paths.backups, backup_folder(paths)}):
        raise DamagedDatabaseError(
            _("The data file is empty, while backups exist. Nothing has been changed.")
        )


def _fingerprint(database: Path) -> dict[str, int] | None:
    try:
        status = database.stat()
    except OSError:
        return None
    return {
        "size": status.st_size,
        "modified_ns": status.st_mtime_ns,
        "inode": status.st_ino,
        "device": status.st_dev,
    }


def _mark_closed(paths: DataPaths) -> None:
    """Note how the data file looks now that this program closed it (SQLite wrote the
    last of its journal into it): the next start need not read every page of a file
    nothing touched since."""
    fingerprint = _fingerprint(paths.database)
    if fingerprint is None or _journal_left(paths):
        return  # another program still has it open: its journal is not in the file yet
    with contextlib.suppress(OSError, UserError):
        write_atomically(paths.closed_mark, json.dumps(fingerprint).encode())


def _journal_left(paths: DataPaths) -> bool:
    journal = paths.database.with_name(paths.database.name + "-wal")
    try:
        return journal.stat().st_size > 0
    except OSError:
        return False


def _as_closed(paths: DataPaths) -> bool:
    """Whether the data file is exactly as this program left it when it last closed it:
    the same size, time of change and file, and no journal left behind. Then opening it
    leaves out SQLite's read of every page (2.4 s on 1.4 GB), which still runs for any
    file changed since, copied in, restored, or left by a crash; the daily backup checks
    its copy, and `werkleren check` the whole file."""
    try:
        recorded = json.loads(paths.closed_mark.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return not _journal_left(paths) and recorded == _fingerprint(paths.database)


def open_data_folder(paths: DataPaths) -> DataStore:
    """Create the folder if needed, open its database and bring the schema up to date.
    In the shared mode the database is the server's (the folder keeps this computer's
    drafts, window state and backups)."""
    ensure_data_folder(paths)
    if paths.on_server:
        from werkleren_desktop.storage.server_admin import open_server

        return open_server(paths)
    if paths.database.exists() and paths.database.is_dir():
        raise UserError(_("{path} is a folder, not a database file.").format(path=paths.database))
    _refuse_an_emptied_file(paths)
    as_left = _as_closed(paths)
    with contextlib.suppress(OSError):
        paths.closed_mark.unlink(missing_ok=True)  # open now: a crash leaves no mark
    engine = make_engine(paths.database_url)
    try:
        migration = upgrade_database(
            engine, paths.database, paths.backups, read_every_page=not as_left
        )
    except BaseException:
        engine.dispose()
        raise
    refresh_statistics(engine, schema_changed=migration.from_revision != migration.to_revision)
    # personnel data: readable by the user only (SQLite gives its -wal and -shm files
    # the same permissions); systems without such permissions ignore this
    with contextlib.suppress(OSError):
        paths.database.chmod(0o600)
    return DataStore(paths, engine, make_session_factory(engine), migration)
