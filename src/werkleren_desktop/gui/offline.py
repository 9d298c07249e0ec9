"""The window's side of the offline copy (``storage.offline``): a fresh copy now and
then while the server answers, the copy offered read-only when it does not, and the
way back to the server once it answers again.

The window keeps one ``DataStore`` throughout; going offline and back only binds its
session factory to the copy and to the server in turn, so the pages and the forms
open at that moment go on with the other data without being rebuilt.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from werkleren_desktop.errors import UserError
from werkleren_desktop.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from werkleren_desktop.storage.data_store import DataStore
    from werkleren_desktop.storage.offline import OfflineCopy

CHECK_EVERY_MS = 60_000  # whether a fresh copy is due (it is every 15 minutes)
FIRST_CHECK_MS = 20_000  # after opening: the first pages load first
RETRY_EVERY_MS = 15_000  # while reading the copy: the server tried again


class OfflineCopies(QObject):
    """Signals: ``copied`` (a fresh copy was made), ``went_offline`` (the store now reads
    the copy), ``back_online`` (the store works on the server again), ``failed`` (a
    sentence: the copy could not be opened)."""

    copied = Signal(object)  # OfflineCopy
    went_offline = Signal()
    back_online = Signal()
    failed = Signal(str)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.store: DataStore | None = None
        self._copying = False
        self._trying = False
        self._stop = threading.Event()  # set when the window closes: a copy under way ends
        # whether the data changed since the last copy (here or elsewhere): a copy is
        # made only then, so quiet hours cost the server nothing
        self._changed = True
        self._listened: Engine | None = None  # whose commits count as changes
        self._check = QTimer(self)
        self._check.setInterval(CHECK_EVERY_MS)
        self._check.timeout.connect(self.copy_if_due)
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_EVERY_MS)
        self._retry.timeout.connect(self.try_server)

    def watch(self, store: DataStore | None) -> None:
        """Look after ``store``'s copy: made while it is on the server, the server tried
        while it reads the copy; nothing for a laptop's file or the demo."""
        self.store = store
        self._check.stop()
        self._retry.stop()
        self._listen(None)
        if store is None or not store.paths.on_server:
            return
        if store.offline is None:
            self._changed = True  # what happened while away is not known
            self._listen(store.engine)
            self._check.start()
            QTimer.singleShot(FIRST_CHECK_MS, self, self.copy_if_due)
        else:
            self._retry.start()

    def note_changes(self) -> None:
        """Someone else changed data on the server (``gui.server_watch``)."""
        self._changed = True

    def _own_commit(self, _connection: object) -> None:  # on whichever thread saved
        self._changed = True

    def _listen(self, engine: Engine | None) -> None:
        from sqlalchemy import event  # the data layer, loaded by now when there are data

        if self._listened is not None and event.contains(
            self._listened, "commit", self._own_commit
        ):
            event.remove(self._listened, "commit", self._own_commit)
        self._listened = engine
        if engine is not None:
            event.listen(engine, "commit", self._own_commit)

    @property
    def available(self) -> OfflineCopy | None:
        """The copy this computer keeps of the server shown, if any."""
        from werkleren_desktop.storage.offline import offline_copy

        return offline_copy(self.store.paths) if self.store is not None else None

    # --- while connected ----------------------------------------------------------

    def copy_if_due(self) -> None:
        from werkleren_desktop.storage.offline import copy_is_due, make_copy

        store = self.store
        if store is None or store.offline is not None or self._copying:
            return
        if not copy_is_due(store.paths):
            return
        if not self._changed and self.available is not None:
            return  # the copy there is still the data as they are
        self._copying, self._changed = True, False
        engine, paths = store.engine, store.paths

        def done(copy: OfflineCopy) -> None:
            self._copying = False
            self.copied.emit(copy)

        def failed(_error: BaseException) -> None:
            # the server went away meanwhile, or the disk is full: the older copy stays,
            # and the next check tries again (the connection's loss is said elsewhere)
            self._copying, self._changed = False, True

        stop = self._stop
        self.tasks.run_aside(lambda: make_copy(engine, paths, stop=stop), done, failed, owner=self)

    # --- while the server cannot be reached ---------------------------------------

    def read_copy(self) -> None:
        """Read the copy instead of the server (the user chose it)."""
        from werkleren_desktop.storage.offline import open_copy

        store = self.store
        if store is None or store.offline is not None:
            return
        paths = store.paths

        def opened(copy: DataStore) -> None:
            if self.store is not store or store.offline is not None or copy.offline is None:
                copy.close()  # meanwhile other data, or the server again
                return
            store.read_offline(copy.offline, copy.engine)
            self.watch(store)
            self.went_offline.emit()

        def failed(error: BaseException) -> None:
            self.failed.emit(str(error) if isinstance(error, UserError) else type(error).__name__)

        self.tasks.run(lambda: open_copy(paths), opened, failed, owner=self)

    def try_server(self) -> None:
        """Open the server again, quietly; back to it when it answers."""
        from werkleren_desktop.storage.data_store import open_data_folder

        store = self.store
        if store is None or store.offline is None or self._trying:
            return
        self._trying = True
        paths = store.paths

        def opened(server: DataStore) -> None:
            self._trying = False
            if self.store is not store or store.offline is None:  # meanwhile elsewhere
                server.close()
                return
            store.back_online(server)
            self.watch(store)
            self.back_online.emit()

        def failed(_error: BaseException) -> None:
            self._trying = False  # still away: the next round tries again

        self.tasks.run_aside(lambda: open_data_folder(paths), opened, failed, owner=self)

    def stop(self) -> None:
        """The window closes: no new copy, and the one under way ends at once."""
        self._check.stop()
        self._retry.stop()
        self._listen(None)
        self._stop.set()
