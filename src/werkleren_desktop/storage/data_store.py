"""Opening a data folder: the database, migrated, behind a session factory."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass

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


@dataclass
class DataStore:
    paths: DataPaths
    engine: Engine
    sessions: SessionFactory
    migration: MigrationResult

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or not at all."""
        with self.sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


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
    """Create the folder if needed, open its database and bring the schema up to date."""
    ensure_data_folder(paths)
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
