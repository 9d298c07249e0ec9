"""Watching a shared server for the other managers' changes and for who else is
connected, on a thread of its own (the window shows both: ``gui.server_watch``).

Every committed change on the server sends ``<table>:<id>`` on the channel
``werkleren_changes`` (migration 0020): a table and an id, never a value. This
program's own changes are left out (the window already shows them). Who else is
connected is read from the server's list of sessions, by the name each program gives
its connections: the other programs' logins, never what they do.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy import exc as sqlalchemy_exc

from werkleren_desktop.db.engine import APPLICATION_NAME, APPLICATION_PREFIX, is_own_connection
from werkleren_desktop.errors import StorageError

CHANNEL = "werkleren_changes"
EVERY_ROW = "*"  # the id of a message about a statement that changed many rows
PRESENCE_EVERY_S = 30.0  # how often who else is connected is asked again
RETRY_AFTER_S = 5.0  # after the connection was lost, the next try


@dataclass(frozen=True)
class Change:
    table: str
    record: str  # an id, or EVERY_ROW

    @classmethod
    def from_payload(cls, payload: str) -> Change | None:
        table, sep, record = payload.partition(":")
        return cls(table, record) if sep and table else None


PRESENCE_QUERY = """
SELECT usename, count(DISTINCT application_name)
FROM pg_stat_activity
WHERE datname = current_database()
  AND application_name LIKE %s AND application_name <> %s
GROUP BY usename ORDER BY usename
"""


def others_connected(connection: Any) -> list[tuple[str, int]]:
    """(login, how many of their programs) of everyone else with this program open on
    the same database, ``connection`` a psycopg connection."""
    rows = connection.execute(PRESENCE_QUERY, (APPLICATION_PREFIX + "%", APPLICATION_NAME))
    return [(str(login), int(count)) for login, count in rows]


class ServerWatcher:
    """Listens on its own connection until ``stop``; reports through the callbacks,
    on its own thread."""

    def __init__(
        self,
        engine: Engine,
        changed: Callable[[list[Change]], None],
        present: Callable[[list[tuple[str, int]]], None],
        reachable: Callable[[bool], None],
    ) -> None:
        self.engine = engine
        self.changed, self.present, self.reachable = changed, present, reachable
        self.presence_every = PRESENCE_EVERY_S
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="server-watch", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self, wait_s: float = 3.0) -> None:
        self._stop.set()
        self._thread.join(wait_s)

    def _run(self) -> None:
        was_reachable: bool | None = None
        while not self._stop.is_set():
            raw = None
            try:
                raw = self.engine.raw_connection()
                connection = raw.driver_connection
                assert connection is not None
                connection.rollback()
                connection.autocommit = True
                connection.execute(f"LISTEN {CHANNEL}")
                if was_reachable is not True:
                    self.reachable(True)
                was_reachable = True
                self._listen(connection)
            except Exception as error:
                if not _is_connection_trouble(error):
                    raise
                if was_reachable is not False:
                    self.reachable(False)
                was_reachable = False
                self._stop.wait(RETRY_AFTER_S)
            finally:
                if raw is not None:
                    raw.invalidate()  # in autocommit and listening: never back into the pool

    def _listen(self, connection: Any) -> None:
        next_presence = 0.0
        while not self._stop.is_set():
            if time.monotonic() >= next_presence:
                self.present(others_connected(connection))
                next_presence = time.monotonic() + self.presence_every
            batch: list[Change] = []
            for note in connection.notifies(timeout=0.5):
                if note.channel != CHANNEL or is_own_connection(note.pid):
                    continue
                change = Change.from_payload(note.payload)
                if change is not None:
                    batch.append(change)
            if batch:
                self.changed(batch)


def _is_connection_trouble(error: BaseException) -> bool:
    import psycopg

    return isinstance(
        error,
        psycopg.OperationalError
        | sqlalchemy_exc.OperationalError
        | sqlalchemy_exc.InterfaceError
        | StorageError
        | OSError,
    )
