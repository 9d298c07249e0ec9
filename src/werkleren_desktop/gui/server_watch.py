"""The window's side of watching the shared server (``storage.server_watch``): the
watcher's reports come in on its thread and go out as Qt signals, which the window
receives on its own."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from sqlalchemy import Engine

from werkleren_desktop.i18n import _
from werkleren_desktop.storage.server_watch import Change, ServerWatcher


class ServerWatch(QObject):
    changed = Signal(list)  # [Change]
    present = Signal(list)  # [(login, programs)]
    reachable = Signal(bool)

    def __init__(self, engine: Engine, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.watcher = ServerWatcher(
            engine,
            self._relay(self.changed),
            self._relay(self.present),
            self._relay(self.reachable),
        )
        # a window deleted without closing (its close was refused, then it was thrown
        # away) takes this with it: the thread stops then too
        watcher = self.watcher
        self.destroyed.connect(lambda *_args: watcher.stop(wait_s=0))

    @staticmethod
    def _relay(signal: Any) -> Callable[[Any], None]:
        def relay(value: Any) -> None:
            with contextlib.suppress(RuntimeError):  # the window went away meanwhile
                signal.emit(value)

        return relay

    def start(self) -> None:
        self.watcher.start()

    def stop(self) -> None:
        self.watcher.stop()


def presence_text(others: list[tuple[str, int]], my_login: str) -> str:
    """ "Also connected: bea, carl" for the status bar; empty when nobody else is."""
    names = [
        _("you on another computer") if login == my_login else login for login, _count in others
    ]
    return _("Also connected: {names}").format(names=", ".join(names)) if names else ""


def tables_of(changes: list[Change]) -> set[str]:
    return {change.table for change in changes}
