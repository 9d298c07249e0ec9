"""Opening the data: the folder's database file, or the shared server's database,
migrated, behind a session factory."""

from __future__ import annotations

import contextlib
import datetime as dt
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
from werkleren_desktop.storage.files import ensure_data_folder

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
    engine = make_engine(paths.database_url)
    try:
        migration = upgrade_database(engine, paths.database, paths.backups)
    except BaseException:
        engine.dispose()
        raise
    refresh_statistics(engine, schema_changed=migration.from_revision != migration.to_revision)
    # personnel data: readable by the user only (SQLite gives its -wal and -shm files
    # the same permissions); systems without such permissions ignore this
    with contextlib.suppress(OSError):
        paths.database.chmod(0o600)
    return DataStore(paths, engine, make_session_factory(engine), migration)
