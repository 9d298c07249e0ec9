"""Backups: made through SQLite's online backup API, kept like Anki keeps them, and
restored only after the chosen file proved sound.

- At start, at most once a day and only when the data changed; by hand ("Back up
  now", ``werkleren backup``); before a restore and before a bulk import; before every
  migration (db/migrate.py).
- Rotation: every backup of the last two days, then the newest per day for a month,
  per week for three months and per month for a year. A backup dated after "now" means
  the clock was set back: then nothing is deleted.
- The folder can be chosen (a USB stick, an encrypted drive); it is remembered in the
  data folder, beside the database.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from werkleren_desktop.db.backup import BackupError, copy_database
from werkleren_desktop.db.migrate import (
    DamagedDatabaseError,
    ForeignDatabaseError,
    NewerSchemaError,
    inspect_file,
)
from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.local_settings import read_local, write_local

NAME = re.compile(r"^werkleren-(\d{8}-\d{6})(?:-([a-z0-9-]+))?\.sqlite3$")
AUTO_EVERY = dt.timedelta(days=1)


@dataclass(frozen=True)
class Backup:
    path: Path
    made_at: dt.datetime
    reason: str  # "auto", "manual", "before-restore", "before-import", "before-upgrade-0005"
    size: int


def backup_folder(paths: DataPaths) -> Path:
    """Where backups go: the chosen folder, or ``backups`` in the data folder."""
    chosen = read_local(paths).get("backup_folder")
    return Path(chosen) if isinstance(chosen, str) and chosen else paths.backups


def set_backup_folder(paths: DataPaths, folder: Path | None) -> None:
    """Choose the backup folder (None: back to the data folder); it must be writable."""
    if folder is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            probe = folder / ".werkleren-write-test"
            probe.write_bytes(b"")
            probe.unlink()
        except OSError as error:
            raise UserError(
                _("Backups cannot be written to {folder}: {reason}").format(
                    folder=folder, reason=error.strerror or error
                )
            ) from error
    write_local(paths, "backup_folder", str(folder) if folder is not None else None)


def list_backups(folder: Path) -> list[Backup]:
    """The backups in the folder, newest first; other files are left alone."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = NAME.match(path.name)
        if match is None or not path.is_file():
            continue
        made_at = dt.datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
        found.append(Backup(path, made_at, match.group(2) or "auto", path.stat().st_size))
    return sorted(found, key=lambda b: b.made_at, reverse=True)


def make_backup(
    paths: DataPaths,
    reason: str = "manual",
    now: dt.datetime | None = None,
    destination: Path | None = None,
) -> Backup:
    """A checked copy of the database, written whole or not at all, then rotation."""
    now = (now or dt.datetime.now()).replace(microsecond=0)
    folder = backup_folder(paths)
    target = destination or folder / f"werkleren-{now:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    try:
        copy_database(paths.database, target)
    except BackupError as error:
        raise UserError(
            _("The backup could not be made ({reason}). The data itself is unchanged.").format(
                reason=error
            )
        ) from error
    with contextlib.suppress(OSError):
        target.chmod(0o600)  # personnel data: for the user only
    if destination is None:
        rotate(folder, now)
    return Backup(target, now, reason, target.stat().st_size)


def rotate(folder: Path, now: dt.datetime) -> None:
    """Remove the backups in ``folder`` that rotation no longer keeps."""
    for old in to_delete(list_backups(folder), now):
        with contextlib.suppress(OSError):
            old.path.unlink()


def to_delete(backups: list[Backup], now: dt.datetime) -> list[Backup]:
    """Which backups rotation removes (see the module's docstring)."""
    if any(b.made_at > now + dt.timedelta(minutes=5) for b in backups):
        return []  # the clock was set back: keep everything
    keep: set[Path] = set()
    buckets: set[tuple[str, int, int]] = set()
    for backup in sorted(backups, key=lambda b: b.made_at, reverse=True):
        age = now - backup.made_at
        if age <= dt.timedelta(days=2):
            keep.add(backup.path)
            continue
        if age <= dt.timedelta(days=31):
            bucket = ("day", backup.made_at.toordinal(), 0)
        elif age <= dt.timedelta(days=92):
            iso = backup.made_at.isocalendar()
            bucket = ("week", iso.year, iso.week)
        elif age <= dt.timedelta(days=366):
            bucket = ("month", backup.made_at.year, backup.made_at.month)
        else:
            continue
        if bucket not in buckets:  # the newest of each period stays
            buckets.add(bucket)
            keep.add(backup.path)
    return [b for b in backups if b.path not in keep]


def _changed_since(paths: DataPaths, moment: dt.datetime) -> bool:
    """Whether the database (or its write-ahead log) was written after ``moment``."""
    latest = 0.0
    for path in (paths.database, paths.database.with_name(paths.database.name + "-wal")):
        with contextlib.suppress(OSError):
            latest = max(latest, path.stat().st_mtime)
    return dt.datetime.fromtimestamp(latest) > moment


def backup_at_start(paths: DataPaths, now: dt.datetime | None = None) -> Backup | None:
    """The automatic backup at start: at most once a day, and only when data changed."""
    now = now or dt.datetime.now()
    if not paths.database.exists():
        return None
    backups = list_backups(backup_folder(paths))
    if backups:
        newest = backups[0]
        if now - newest.made_at < AUTO_EVERY or not _changed_since(paths, newest.made_at):
            return None
    return make_backup(paths, "auto", now)


def check_candidate(file: Path) -> None:
    """Refuse a file that is not a sound Werkleren Desktop database, without changing it:
    it is looked at in a temporary copy."""
    if not file.is_file():
        raise UserError(_("{path} is not a file.").format(path=file))
    with tempfile.TemporaryDirectory(prefix="werkleren-restore-") as folder:
        copy = Path(folder) / "candidate.sqlite3"
        try:
            copy.write_bytes(file.read_bytes())
            inspect_file(copy)
            with contextlib.closing(sqlite3.connect(copy)) as connection:
                result = connection.execute("PRAGMA integrity_check").fetchone()
                tables = {
                    row[0]
                    for row in connection.execute(
                        "SELECT name FROM sqlite_master WHERE type = 'table'"
                    )
                }
        except (NewerSchemaError, ForeignDatabaseError):
            raise
        except DamagedDatabaseError as error:
            raise UserError(
                _("{path} is damaged and cannot be restored. Nothing has been changed.").format(
                    path=file
                )
            ) from error
        except (sqlite3.DatabaseError, OSError) as error:
            raise UserError(
                _("{path} cannot be read as a backup ({reason}). Nothing has been changed.").format(
                    path=file, reason=error
                )
            ) from error
    if not result or result[0] != "ok":
        raise UserError(
            _("{path} is damaged and cannot be restored. Nothing has been changed.").format(
                path=file
            )
        )
    if "organisation" not in tables:
        raise UserError(
            _("{path} holds no organisation; nothing to restore. Nothing has been changed.").format(
                path=file
            )
        )


def restore_backup(paths: DataPaths, file: Path, now: dt.datetime | None = None) -> Path | None:
    """Replace the data by ``file``: checked first, the current data kept (returned: a
    backup, or for damaged data a plain copy byte for byte beside them), then swapped in
    one rename. The caller closes every connection first.

    A restore works exactly when the data are damaged: SQLite cannot copy a damaged
    file, so it is then copied as it is."""
    check_candidate(file)
    _write_back_the_log(paths)  # refused here, before anything is made, when in use
    kept: Path | None = None
    if paths.database.exists():
        try:
            kept = make_backup(paths, "before-restore", now).path
        except UserError:
            kept = keep_aside(paths, now)
    incoming = paths.database.with_name(paths.database.name + ".restore")
    try:
        copy_database(file, incoming)
        _write_back_the_log(paths)
        incoming.replace(paths.database)
        # the log files belonged to the data replaced (written back and kept above);
        # left beside the new file, SQLite would read them into it
        for extra in ("-wal", "-shm"):
            paths.database.with_name(paths.database.name + extra).unlink(missing_ok=True)
    except (BackupError, OSError) as error:
        incoming.unlink(missing_ok=True)
        raise UserError(
            _("The backup could not be restored ({reason}). Nothing has been changed.").format(
                reason=error
            )
        ) from error
    with contextlib.suppress(OSError):
        paths.database.chmod(0o600)
    return kept


def _write_back_the_log(paths: DataPaths) -> None:
    """Write the write-ahead log of the current data into the file and empty it, so
    that nothing is lost when the log goes; refused when another program still has the
    data open. Damaged data (kept aside byte for byte already) are left as they are."""
    if not paths.database.exists():
        return
    try:
        with contextlib.closing(sqlite3.connect(paths.database, timeout=5)) as connection:
            busy = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
    except sqlite3.DatabaseError:
        return
    if busy:
        raise UserError(
            _(
                "The data are in use by another program right now; close it and try again. "
                "Nothing has been changed."
            )
        )


def keep_aside(paths: DataPaths, now: dt.datetime | None = None) -> Path:
    """The data file and its journal files copied as they are (damaged, say) beside
    them, owner-only; returns the copy of the data file. Nothing is changed."""
    now = now or dt.datetime.now()
    aside = paths.database.with_name(f"werkleren-damaged-{now:%Y%m%d-%H%M%S}.sqlite3")
    try:
        for extra in ("", "-wal", "-shm"):
            source = paths.database.with_name(paths.database.name + extra)
            if source.exists():
                target = aside.with_name(aside.name + extra)
                descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(descriptor, "wb") as out, source.open("rb") as data:
                    shutil.copyfileobj(data, out)
                    out.flush()
                    os.fsync(out.fileno())
    except OSError as error:
        raise UserError(
            _(
                "The damaged data could not be copied aside ({reason}). Nothing has been changed."
            ).format(reason=error.strerror or error)
        ) from error
    return aside


LEFTOVER_AGE = dt.timedelta(minutes=10)  # older half-written copies are a crash's


def remove_leftovers(paths: DataPaths, now: dt.datetime | None = None) -> list[Path]:
    """Half-written copies a crash left behind (a backup's ``.tmp``, a restore's
    ``.restore``, an export's work folder): removed at the next start, once they are
    clearly not being written."""
    now = now or dt.datetime.now()
    removed = []
    candidates = list(paths.root.glob("*.restore")) + list(paths.root.glob("*.sqlite3.tmp"))
    for folder in {paths.backups, backup_folder(paths), paths.root / "offline"}:
        if folder.is_dir():
            candidates += list(folder.glob("*.sqlite3.tmp"))
            candidates += list(folder.glob("werkleren-export-*"))  # an export's work folder
    for leftover in candidates:
        with contextlib.suppress(OSError):
            age = now - dt.datetime.fromtimestamp(leftover.stat().st_mtime)
            if age > LEFTOVER_AGE:
                if leftover.is_dir():
                    shutil.rmtree(leftover)
                else:
                    leftover.unlink()
                removed.append(leftover)
    return removed


def newest_good_backup(paths: DataPaths) -> Backup | None:
    """The newest backup that passes the checks a restore makes, or None."""
    for backup in list_backups(backup_folder(paths)):
        try:
            check_candidate(backup.path)
        except UserError:
            continue
        return backup
    return None


def recover(paths: DataPaths, backup: Backup, now: dt.datetime | None = None) -> Path:
    """After damage: the damaged file (and its journal files) set aside under a new name,
    never deleted, then the backup restored. Returns where the damaged file went."""
    now = now or dt.datetime.now()
    aside = paths.database.with_name(f"werkleren-damaged-{now:%Y%m%d-%H%M%S}.sqlite3")
    try:
        for extra in ("-wal", "-shm"):
            journal = paths.database.with_name(paths.database.name + extra)
            if journal.exists():
                journal.replace(aside.with_name(aside.name + extra))
        paths.database.replace(aside)
    except OSError as error:
        raise UserError(
            _(
                "The damaged file could not be set aside ({reason}). Nothing has been changed."
            ).format(reason=error.strerror or error)
        ) from error
    restore_backup(paths, backup.path, now)
    return aside
