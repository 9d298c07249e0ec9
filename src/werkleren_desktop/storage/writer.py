"""One writer per data folder, and a warning for folders SQLite cannot protect.

The lock is an operating-system file lock (filelock): it is released when the process
ends, also after a crash, so a stale lock never blocks the next start.
"""

from __future__ import annotations

import hashlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.files import ensure_data_folder

if TYPE_CHECKING:
    from filelock import FileLock

CLI_WAIT_SECONDS = 3.0
SYNCED_FOLDERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud", "nextcloud")
NETWORK_FILESYSTEMS = {"nfs", "nfs4", "cifs", "smb3", "smbfs", "sshfs", "fuse.sshfs", "davfs"}


class DataInUseError(UserError):
    pass


def writer_lock(paths: DataPaths) -> FileLock:
    from filelock import FileLock  # 25 ms to import: the window is painted first

    ensure_data_folder(paths)
    return FileLock(paths.root / "werkleren.lock")


class NotHeld:
    """The shared server needs no lock of this computer's: it serves many at once."""

    def release(self) -> None:
        return None


def hold_for_command(paths: DataPaths, wait: float = CLI_WAIT_SECONDS) -> FileLock | NotHeld:
    """For a command that writes: wait briefly for the window to finish, then give up
    with a clear message; nothing is changed then."""
    from filelock import Timeout

    if paths.on_server:
        return NotHeld()

    lock = writer_lock(paths)
    try:
        lock.acquire(timeout=wait)
    except Timeout:
        raise DataInUseError(
            _(
                "The data in {folder} are in use by Werkleren Desktop. Close the program "
                "and try again; nothing has been changed."
            ).format(folder=paths.root)
        ) from None
    return lock


def instance_name(paths: DataPaths) -> str:
    """The name under which the running window listens for a second start."""
    digest = hashlib.sha256(str(paths.root.resolve()).encode()).hexdigest()[:16]
    return f"werkleren-{digest}"


def shared_location(folder: Path) -> str | None:
    """Why the folder is a place SQLite cannot protect (synced or on the network)."""
    text = str(folder).casefold()
    for name in SYNCED_FOLDERS:
        if name in text:
            return _("it is synchronised by {service}").format(service=name.title())
    if text.startswith(("\\\\", "//")):
        return _("it is on a network share")
    if sys.platform.startswith("linux"):
        mount = _mount_type(folder)
        if mount in NETWORK_FILESYSTEMS:
            return _("it is on a network share")
    return None


def _mount_type(folder: Path) -> str | None:
    try:
        lines = Path("/proc/mounts").read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    target = os.path.realpath(folder)
    best, kind = "", None
    for line in lines:  # the longest mount point that holds the folder
        parts = line.split()
        if len(parts) < 3 or len(parts[1]) <= len(best):
            continue
        if target == parts[1] or target.startswith(parts[1].rstrip("/") + "/"):
            best, kind = parts[1], parts[2]
    return kind


def shared_location_warning(folder: Path) -> str | None:
    reason = shared_location(folder)
    if reason is None:
        return None
    return _(
        "The data folder {folder} is not a safe place for the data: {reason}. Two computers "
        "or a sync at the wrong moment can damage the file. Choose a folder on this "
        "computer (use --data-dir) and let backups go to the shared place instead."
    ).format(folder=folder, reason=reason)
