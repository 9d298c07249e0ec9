"""Writing files the user keeps: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.paths import DataPaths


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: never half a file, and
    never over something that is not a regular file (a folder, a device)."""
    if path.exists() and not path.is_file():
        raise UserError(
            _("{path} is not a file; choose a file name to write to.").format(path=path)
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            Path(temporary).replace(path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise UserError(
            _("{path} could not be written: {reason}").format(
                path=path, reason=error.strerror or error
            )
        ) from error


def ensure_data_folder(paths: DataPaths) -> None:
    """Create the data folder if needed; a clear message when that is not possible."""
    try:
        paths.ensure()
    except OSError as error:
        raise UserError(
            _("The data folder {folder} cannot be created: {reason}").format(
                folder=paths.root, reason=error.strerror or error
            )
        ) from error


def protected_paths(paths: DataPaths) -> list[Path]:
    """What no export may ever write over: the data file and its journal files, the
    drafts, the window's state, and the backups (their folders and what is in them)."""
    from werkleren_desktop.storage.backups import backup_folder

    database = paths.database
    return [
        database,
        database.with_name(database.name + "-wal"),
        database.with_name(database.name + "-shm"),
        paths.drafts,
        paths.window_state,
        paths.backups,
        backup_folder(paths),
    ]


def _refuse_protected(path: Path, paths: DataPaths) -> None:
    target = path.expanduser().resolve()
    for protected in protected_paths(paths):
        guarded = protected.expanduser().resolve()
        if target == guarded or guarded in target.parents:
            raise UserError(
                _(
                    "{path} is where the program keeps its data or backups; choose another "
                    "place. Nothing has been written."
                ).format(path=path)
            )


def output_folder(path: Path, paths: DataPaths) -> Path:
    """``path`` as a folder an export may write its files into, or a UserError."""
    _refuse_protected(path, paths)
    if path.exists() and not path.is_dir():
        raise UserError(_("{path} is not a folder.").format(path=path))
    return path


def output_file(path: Path, paths: DataPaths, *, may_exist: bool = True) -> Path:
    """``path`` as a file that a command may write the user's export to, or a
    UserError that says why not. Nothing is written here."""
    _refuse_protected(path, paths)
    if path.exists() and not path.is_file():
        raise UserError(
            _("{path} is not a file; choose a file name to write to.").format(path=path)
        )
    if path.exists() and not may_exist:
        raise UserError(
            _("{path} exists already; choose another name. Nothing has been written.").format(
                path=path
            )
        )
    return path
