"""Consistent copies of a live SQLite database through its online backup API.

A plain file copy of a WAL database can miss commits still in the ``-wal`` file;
``sqlite3.Connection.backup`` copies what is committed, page by page.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path


class BackupError(Exception):
    pass


def copy_database(source: Path, destination: Path) -> Path:
    """Copy ``source`` to ``destination`` atomically: a temporary file, checked, renamed."""
    destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)  # the backups: user only
    temporary = destination.with_name(destination.name + ".tmp")
    temporary.unlink(missing_ok=True)
    try:
        # personnel data: readable by the user only from the first byte (SQLite keeps
        # the mode of a file that exists)
        os.close(os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        with (
            contextlib.closing(sqlite3.connect(source)) as src,
            contextlib.closing(sqlite3.connect(temporary)) as dst,
        ):
            src.backup(dst)
            result = dst.execute("PRAGMA quick_check").fetchone()
            if not result or result[0] != "ok":
                raise BackupError(f"the copy of {source.name} does not pass quick_check")
            # a copy is a standalone file, not a WAL database waiting for its -wal
            dst.execute("PRAGMA journal_mode = DELETE")
        with temporary.open("rb+") as handle:
            os.fsync(handle.fileno())
        temporary.replace(destination)
    except (sqlite3.Error, OSError) as error:
        temporary.unlink(missing_ok=True)
        raise BackupError(str(error)) from error
    return destination
