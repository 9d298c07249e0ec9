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
    destination.parent.mkdir(parents=True, exist_ok=True)
    temporary = destination.with_name(destination.name + ".tmp")
    temporary.unlink(missing_ok=True)
    try:
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
