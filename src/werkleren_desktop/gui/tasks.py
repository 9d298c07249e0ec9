"""Slow work off the UI thread, with the outcome delivered on the UI thread.

Pages never touch a widget inside the work function; they pass two callbacks that
run on the UI thread. Work runs on two threads, so answers can come back out of order:
a load carries a ``key`` (its page and purpose), and the answer of an older load with
the same key is dropped once a newer one was asked for. Saves, exports and backups
carry no key: they are never dropped, and always report. Tests swap in
``TaskRunner(synchronous=True)`` so the work runs at once, like Picard's FakeThreadPool.
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

T = TypeVar("T")
ASIDE_WAIT_S = 3.0
_Callbacks = tuple[Callable[[Any], None], Callable[[BaseException], None], QObject | None]


class _Signals(QObject):
    finished = Signal(int, object, object)  # task id, result, error


class _Task(QRunnable):
    def __init__(self, task_id: int, work: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.task_id = task_id
        self.work = work
        self.signals = signals

    def run(self) -> None:
        try:
            result = self.work()
        except BaseException as error:
            self.signals.finished.emit(self.task_id, None, error)
        else:
            self.signals.finished.emit(self.task_id, result, None)


class TaskRunner(QObject):
    """Runs a function in a thread pool and calls back on the thread that owns the runner."""

    busy_changed = Signal(bool)

    def __init__(self, *, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        # work the user did not ask for and need not wait for (a copy of the server's
        # data, a quiet try to reconnect): threads of their own, no busy cursor, and
        # never holding up the program's end (a server that does not answer may keep a
        # connection attempt waiting for seconds)
        self._aside: list[threading.Thread] = []
        self._quiet: set[int] = set()
        self._signals = _Signals()
        # The runner lives on the UI thread, so this connection is queued onto it.
        self._signals.finished.connect(self._deliver)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._keys: dict[int, Hashable] = {}  # task -> its key, for keyed loads
        self._newest: dict[Hashable, int] = {}  # key -> the newest task asked with it

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        owner: QObject | None = None,
        key: Hashable | None = None,
    ) -> None:
        """Run ``work`` in the pool; the callbacks are skipped once ``owner`` is deleted,
        and (with a ``key``) when a newer task with the same key was started since."""
        if self.synchronous:
            try:
                result = work()
            except Exception as error:
                on_error(error)
            else:
                on_done(result)
            return
        task_id = next(self._ids)
        self._pending[task_id] = (on_done, on_error, owner)
        if key is not None:
            self._keys[task_id] = key
            self._newest[key] = task_id
        if len(self._pending.keys() - self._quiet) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Task(task_id, work, self._signals))

    def run_aside(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[BaseException], None],
        owner: QObject | None = None,
    ) -> None:
        """Like ``run``, for work the user is not waiting for: on a thread of its own
        (the two that load pages stay free), without making the window busy."""
        if self.synchronous:
            self.run(work, on_done, on_error, owner)
            return
        task_id = next(self._ids)
        self._pending[task_id] = (on_done, on_error, owner)
        self._quiet.add(task_id)
        thread = threading.Thread(
            target=_Task(task_id, work, self._signals).run, name="werkleren-aside", daemon=True
        )
        self._aside = [t for t in self._aside if t.is_alive()] + [thread]
        thread.start()

    @property
    def busy(self) -> bool:
        return bool(self._pending.keys() - self._quiet)

    def wait(self, milliseconds: int = -1) -> bool:
        """Block until running work has finished (at shutdown, in tests); work aside is
        given at most ``ASIDE_WAIT_S`` to end (a copy under way ends at its next chunk
        once told to stop)."""
        done = self._pool.waitForDone(milliseconds)
        limit = ASIDE_WAIT_S if milliseconds < 0 else min(ASIDE_WAIT_S, milliseconds / 1000)
        for thread in self._aside:
            thread.join(limit)
        return done and not any(thread.is_alive() for thread in self._aside)

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: object, error: object) -> None:
        callbacks = self._pending.pop(task_id, None)
        if task_id in self._quiet:
            self._quiet.discard(task_id)
        elif not self.busy:
            self.busy_changed.emit(False)
        key = self._keys.pop(task_id, None)
        if key is not None:
            if self._newest.get(key) != task_id:
                return  # an older answer: the newer one is on its way
            del self._newest[key]
        if callbacks is None:
            return
        on_done, on_error, owner = callbacks
        if owner is not None and not shiboken6.isValid(owner):
            return
        if isinstance(error, BaseException):
            on_error(error)
        else:
            on_done(result)
