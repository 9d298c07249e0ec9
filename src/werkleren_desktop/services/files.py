"""Writing files the user keeps: whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.paths import DataPaths


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside ``path``, then rename: never half a file."""
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
