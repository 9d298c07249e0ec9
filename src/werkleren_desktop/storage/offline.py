"""The shared server's data kept on this computer, to read when the server cannot be
reached (a train, a cut cable, the server being updated).

While the window works on the server, it copies the server's data now and then into
``offline/`` in the data folder, as a laptop data file checked like a backup
(``server_copy.export_server``: what this computer's login may read, and only that: a
manager's copy holds their team's conversations, not another team's). When the server
cannot be reached at start, or the connection is lost, the window offers that copy,
read-only: the engine refuses every save in a sentence (``make_engine(read_only=True)``),
so nothing is ever written to a stale copy that would have to be merged later. What the
user types in a form stays in the form and in its draft until the server answers again.

The copy belongs to one server and one login: another server, or the laptop mode,
never sees it, and it is removed when this computer stops working on that server or
the user turns it off (File › Shared server).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import exc as sqlalchemy_exc

from werkleren_desktop.errors import UserError
from werkleren_desktop.i18n import _
from werkleren_desktop.paths import DataPaths
from werkleren_desktop.storage.files import write_atomically
from werkleren_desktop.storage.local_settings import read_local, write_local

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from werkleren_desktop.domain.users import Seat
    from werkleren_desktop.storage.data_store import DataStore
    from werkleren_desktop.storage.server_copy import Stop

FOLDER = "offline"
COPY_NAME = "werkleren-server.sqlite3"
ABOUT_NAME = "about.json"
KEEP_SETTING = "offline_copy"  # in local.json: false when the user turned the copy off
COPY_EVERY = dt.timedelta(minutes=15)  # while connected, a fresh copy at most this often


@dataclass(frozen=True)
class OfflineCopy:
    path: Path
    made_at: dt.datetime  # local time, to the second
    server: str  # which server and login it is of (``server_identity``)
    # the manager or professional whose copy it is (None: a beheerder's): the window
    # shows their part of it, as it does of the server
    seat: Seat | None = None


def _seat_json(seat: Seat | None) -> dict[str, object] | None:
    if seat is None:
        return None
    return {
        "login": seat.login,
        "role": seat.role.value,
        "person_id": seat.person_id,
        "name": seat.name,
    }


def _seat_of_json(found: object) -> Seat | None:
    from werkleren_desktop.domain.constants import UserRole
    from werkleren_desktop.domain.users import Seat

    if found is None:
        return None
    if not isinstance(found, dict):
        raise ValueError("seat")
    return Seat(
        str(found["login"]), UserRole(found["role"]), int(found["person_id"]), str(found["name"])
    )


def server_identity(url: str) -> str:
    """The server, database and login a copy is of: "bea@server:5432/werkleren"."""
    from werkleren_desktop.storage.server import ServerAddress

    return ServerAddress.from_url(url).keyring_name


def folder_of(paths: DataPaths) -> Path:
    return paths.root / FOLDER


def keeps_copy(paths: DataPaths) -> bool:
    """Whether this computer keeps a copy of the server's data (yes, unless turned off)."""
    return read_local(paths).get(KEEP_SETTING) is not False


def set_keeps_copy(paths: DataPaths, keep: bool) -> None:
    """Turn the copy on or off; off removes the copy there is."""
    write_local(paths, KEEP_SETTING, None if keep else False)
    if not keep:
        forget_copy(paths)


def offline_copy(paths: DataPaths) -> OfflineCopy | None:
    """The copy of the server ``paths`` names, when this computer has one."""
    if paths.server_url is None:
        return None
    folder = folder_of(paths)
    try:
        about = json.loads((folder / ABOUT_NAME).read_text(encoding="utf-8"))
        made_at = dt.datetime.fromisoformat(str(about["made_at"]))
        server = str(about["server"])
        seat = _seat_of_json(about.get("seat"))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    copy = folder / COPY_NAME
    if server != server_identity(paths.server_url) or not copy.is_file():
        return None
    return OfflineCopy(copy, made_at, server, seat)


def make_copy(
    engine: Engine, paths: DataPaths, now: dt.datetime | None = None, stop: Stop = None
) -> OfflineCopy:
    """Copy the server's data into this computer's offline copy (replacing the older
    one whole, or not at all). Off the UI thread: a large organisation takes seconds;
    ``stop``, once set, ends it early (``server_copy.CopyStopped``), the older copy kept."""
    from werkleren_desktop.storage.server_admin import seat_of
    from werkleren_desktop.storage.server_copy import export_server

    assert paths.server_url is not None
    now = (now or dt.datetime.now()).replace(microsecond=0)
    folder = folder_of(paths)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    # a manager's or a professional's copy holds what their login reads, and nothing
    # more (server_copy._readable); it says whose it is, to show their part of it
    seat = seat_of(engine)
    export_server(engine, folder / COPY_NAME, stop)
    for leftover in folder.glob(COPY_NAME + "-*"):  # an older copy's -wal and -shm
        leftover.unlink(missing_ok=True)
    server = server_identity(paths.server_url)
    about = {"server": server, "made_at": now.isoformat(), "seat": _seat_json(seat)}
    write_atomically(folder / ABOUT_NAME, json.dumps(about, indent=2).encode())
    return OfflineCopy(folder / COPY_NAME, now, server, seat)


def copy_is_due(paths: DataPaths, now: dt.datetime | None = None) -> bool:
    """Whether the window should make a fresh copy now."""
    if not keeps_copy(paths):
        return False
    copy = offline_copy(paths)
    now = now or dt.datetime.now()
    return copy is None or not dt.timedelta(0) <= now - copy.made_at < COPY_EVERY


def forget_copy(paths: DataPaths) -> None:
    """Remove the copy (personal data: not left behind on a laptop that no longer
    works on that server)."""
    folder = folder_of(paths)
    with contextlib.suppress(FileNotFoundError):
        shutil.rmtree(folder)


def open_copy(paths: DataPaths) -> DataStore:
    """The copy, opened read-only, behind the same paths as the server (drafts, the
    window's state and the backup folder stay this computer's)."""
    from werkleren_desktop.db.engine import make_engine, make_session_factory
    from werkleren_desktop.db.migrate import (
        MigrationResult,
        current_revision,
        head_revision,
        upgrade_database,
    )
    from werkleren_desktop.storage.data_store import DataStore

    copy = offline_copy(paths)
    if copy is None:
        raise UserError(_("This computer keeps no copy of the server's data to read."))
    url = f"sqlite:///{copy.path}"
    engine = make_engine(url, read_only=True)  # not a byte written: not even its journal
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
        if revision != head_revision():  # the program was updated since: the copy too
            writable = make_engine(url)
            try:
                upgrade_database(writable, copy.path, None)
            finally:
                writable.dispose()
    except (sqlalchemy_exc.DatabaseError, UserError) as error:  # damaged, or not ours
        engine.dispose()
        raise UserError(
            _(
                "The copy of the server's data on this computer cannot be read; it is made "
                "again once the server answers."
            )
        ) from error
    migration = MigrationResult(revision, head_revision(), None)
    sessions = make_session_factory(engine)
    sessions.seat = copy.seat
    return DataStore(paths, engine, sessions, migration, offline=copy, seat=copy.seat)
