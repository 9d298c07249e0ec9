"""How long the program takes to start, measured from outside: WERKLEREN_START_CLOCK.

bench/run.py starts the program with this variable set to the moment it launched it (in
seconds since the epoch, as ``time.time()`` gives). The window then prints two lines on
standard output and closes:

    painted <ms> <kB>   its first paint
    ready <ms> <kB>     the home page shows its data: the data opened, every load done

with the milliseconds since the launch and the resident memory at that moment. The same
lines come from the sources and from the installed bundle, which the bench cannot reach
into, so both are measured alike.
"""

from __future__ import annotations

import os
import resource
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

if TYPE_CHECKING:
    from werkleren_desktop.gui.main_window import MainWindow

VARIABLE = "WERKLEREN_START_CLOCK"


def launched_at() -> float | None:
    """The launch moment the bench passed, or None for an ordinary start."""
    value = os.environ.get(VARIABLE)
    try:
        return float(value) if value else None
    except ValueError:
        return None


def resident_kb() -> int:
    """The resident memory now (what a task manager shows); the peak where the system
    does not tell the current figure."""
    try:
        with Path("/proc/self/status").open(encoding="ascii") as status:
            return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class StartClock(QObject):
    """Watches the window's own events only: a filter on every widget costs time itself."""

    def __init__(self, window: MainWindow, launched: float) -> None:
        super().__init__(window)
        self.window = window
        self.launched = launched
        window.installEventFilter(self)

    def report(self, what: str) -> None:
        at = (time.time() - self.launched) * 1000
        print(f"{what} {at:.1f} {resident_kb()}", flush=True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            self.report("painted")
            self.window.opened.connect(self._opened)
        return False

    def _opened(self) -> None:
        self.window.tasks.busy_changed.connect(self._idle)
        self._idle(False)

    def _idle(self, busy: bool) -> None:
        if busy or self.window.tasks.busy:
            return
        self.window.tasks.busy_changed.disconnect(self._idle)
        # paint what the loads filled in, then say so
        QTimer.singleShot(0, self._ready)

    def _ready(self) -> None:
        self.window.repaint()
        self.report("ready")
        self.window.close()
