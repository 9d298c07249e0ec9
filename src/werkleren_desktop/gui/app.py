"""Starting the window: the application object, the data folder, the main window.

The window is painted first, as it looked last time, and the data are opened behind
it: importing the data layer (SQLAlchemy and the services) and checking and opening
the data file take most of a second on a large organisation, and the window would
otherwise stay away that long.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from werkleren_desktop._version import __version__
from werkleren_desktop.collector import tune_collector
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import errors, prompts
from werkleren_desktop.gui.icons import app_icon
from werkleren_desktop.gui.language import apply_language
from werkleren_desktop.gui.main_window import MainWindow
from werkleren_desktop.gui.screen_fit import FitDialogsToScreen
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.window_state import WindowState
from werkleren_desktop.i18n import _, current_language
from werkleren_desktop.paths import APP_NAME, DataPaths
from werkleren_desktop.storage.files import ensure_data_folder
from werkleren_desktop.storage.writer import (
    instance_name,
    shared_location_warning,
    writer_lock,
)

if TYPE_CHECKING:
    from filelock import FileLock
    from PySide6.QtNetwork import QLocalServer

    from werkleren_desktop.storage.data_store import DataStore


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    tune_collector()  # (the command line did already; tests and the bench start here)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("nl.werkleren.Desktop")
    app.setWindowIcon(app_icon())
    if not any(isinstance(child, FitDialogsToScreen) for child in app.children()):
        app.installEventFilter(FitDialogsToScreen(app))
    return app


def offer_recovery(
    paths: DataPaths, problem: str, parent: QWidget | None = None
) -> DataStore | None:
    """The data file is damaged: offer the newest good backup, naming its date and time.
    The damaged file is kept aside, never deleted and never silently replaced."""
    from werkleren_desktop.domain.formatting import format_moment
    from werkleren_desktop.storage.backups import newest_good_backup, recover
    from werkleren_desktop.storage.data_store import open_data_folder

    title = _("Werkleren Desktop cannot start")
    backup = newest_good_backup(paths)
    if backup is None:
        prompts.show_error(
            parent,
            title,
            problem + " " + _("There is no backup to restore; the file stays as it is."),
        )
        return None
    if not prompts.confirm(
        parent,
        title,
        problem
        + "\n\n"
        + _(
            "The newest good backup is of {moment}. Restore it? The damaged file is kept "
            "aside in the data folder."
        ).format(moment=format_moment(backup.made_at)),
        _("Restore"),
        _("Quit"),
        destructive=True,
    ):
        return None
    try:
        aside = recover(paths, backup)
        store = open_data_folder(paths)
    except UserError as error:
        prompts.show_error(parent, title, str(error))
        return None
    prompts.show_information(
        parent,
        _("Backup restored"),
        _("The backup of {moment} is restored. The damaged file is kept as {path}.").format(
            moment=format_moment(backup.made_at), path=aside
        ),
    )
    return store


def bring_to_front(name: str) -> bool:
    """Ask the window already running on these data to come forward."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(1500):
        return False
    socket.write(b"show")
    socket.flush()
    socket.waitForBytesWritten(1500)
    socket.disconnectFromServer()
    return True


def listen_for_second_starts(name: str, window: QWidget) -> QLocalServer:
    """A second start of the program brings this window to the front instead."""
    from PySide6.QtNetwork import QLocalServer

    server = QLocalServer(window)
    QLocalServer.removeServer(name)  # a socket left behind by a crash
    server.listen(name)

    def show() -> None:
        connection = server.nextPendingConnection()
        if connection is not None:
            connection.disconnectFromServer()
        if window.isMinimized():
            window.showNormal()
        window.show()
        window.raise_()
        window.activateWindow()

    server.newConnection.connect(show)
    return server


def run_gui(paths: DataPaths) -> int:
    app = make_application()
    try:
        ensure_data_folder(paths)
    except UserError as error:
        prompts.show_error(None, _("Werkleren Desktop cannot start"), str(error))
        return 1
    errors.log_into(paths.root)
    errors.install_exception_hook()
    held: list[FileLock] = []
    if window_may_be_open(paths):  # ask it first: no second window should even show
        lock, code = take_writer_lock(paths, None)
        if lock is None:
            return code
        held.append(lock)
    try:
        return _run_window(app, paths, held)
    finally:
        for lock in held:
            lock.release()


def window_may_be_open(paths: DataPaths) -> bool:
    """Whether a window may be running on these data: on Unix its socket for second
    starts exists (a crash can leave one behind: then the lock says no). Elsewhere the
    answer is always maybe."""
    if sys.platform == "win32":  # a named pipe, not a file to look for
        return True
    return (Path(QDir.tempPath()) / instance_name(paths)).exists()


def take_writer_lock(paths: DataPaths, window: QWidget | None) -> tuple[FileLock | None, int]:
    """The lock that makes this the one program writing these data. When another holds
    it: that window brought forward (exit code 0), or a message why not (1)."""
    from filelock import Timeout

    title = _("Werkleren Desktop cannot start")
    try:
        lock = writer_lock(paths)
        lock.acquire(timeout=0)
    except Timeout:
        if bring_to_front(instance_name(paths)):
            return None, 0
        prompts.show_error(
            window,
            title,
            _("The data in {folder} are in use by another Werkleren Desktop.").format(
                folder=paths.root
            ),
        )
        return None, 1
    except (UserError, OSError) as error:
        prompts.show_error(window, title, str(error))
        return None, 1
    return lock, 0


@dataclass
class Opened:
    """What opening the data folder found, for the window to show."""

    store: DataStore
    notes: list[str] = field(default_factory=list)  # for the status bar
    warning: str | None = None  # a shared or synchronised folder: said at once


def open_data(paths: DataPaths) -> Opened:
    """Open the data folder (off the UI thread): check the file, bring the schema up to
    date, make the daily backup. The data layer is imported here, at its first use."""
    from werkleren_desktop.storage.backups import backup_at_start, remove_leftovers
    from werkleren_desktop.storage.data_store import open_data_folder

    opened = Opened(open_data_folder(paths))
    remove_leftovers(paths)  # half-written copies of personnel data a crash left behind
    if paths.on_server:
        from werkleren_desktop.storage.server_copy import backup_at_start_server

        try:
            backup_at_start_server(opened.store)  # the administrator's computer only
        except UserError as error:
            opened.notes.append(str(error))
        return opened
    opened.warning = shared_location_warning(paths.root)
    if opened.warning is not None:
        opened.notes.append(opened.warning)
    try:
        backup_at_start(paths)  # at most once a day, and only when data changed
    except UserError as error:
        opened.notes.append(str(error))
    return opened


class _AfterFirstPaint(QObject):
    """Runs an action once, just after the window was first painted: work started
    earlier would compete with the painting for Python's attention. A window that is not
    painted (started minimised) gets the action after ``at_latest_ms``."""

    def __init__(self, window: QWidget, action: Callable[[], None], at_latest_ms: int) -> None:
        super().__init__(window)
        self._window = window
        self._action: Callable[[], None] | None = action
        window.installEventFilter(self)
        QTimer.singleShot(at_latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self, self._run)  # once this paint is on screen
        return False

    def _run(self) -> None:
        action, self._action = self._action, None
        if action is not None:
            action()


def _run_window(app: QApplication, paths: DataPaths, held: list[FileLock]) -> int:
    """The window, painted before anything else; then, behind it, the writer lock (when
    not taken yet) and the data. ``held`` gets the lock, for the caller to release."""
    # in the language and with the organisation's name it had last time
    apply_language(WindowState(paths.window_state).language() or current_language())
    tasks = TaskRunner()
    window = MainWindow(None, tasks, paths=paths)
    if os.environ.get("WERKLEREN_START_CLOCK"):  # the bench measuring the start
        from werkleren_desktop.gui.start_clock import StartClock, launched_at

        launched = launched_at()
        if launched is not None:
            StartClock(window, launched)
    window.show()
    servers: list[QLocalServer] = []

    def show(opened: Opened) -> None:
        window.open_store(opened.store)
        if opened.warning is not None:
            prompts.show_error(window, _("Data folder"), opened.warning)
        if opened.notes:
            window.statusBar().showMessage(" ".join(opened.notes))

    def failed(error: BaseException) -> None:
        from werkleren_desktop.db.migrate import DamagedDatabaseError, ForeignDatabaseError

        store = None
        if paths.on_server and isinstance(error, UserError):
            ask_for_the_server(str(error))
            return
        # the data folder's own file no longer reads as ours (random bytes, a broken
        # header): damage as likely as a stranger's file, so the backups are offered;
        # the file is kept aside either way
        if isinstance(error, DamagedDatabaseError | ForeignDatabaseError):
            store = offer_recovery(paths, str(error), window)
        elif isinstance(error, UserError):
            prompts.show_error(window, _("Werkleren Desktop cannot start"), str(error))
        else:
            # for whoever helps, in the log: kinds and frames, never the error's own words
            # (a server's refusal quotes the values it refused)
            errors.log_unexpected(error)
            prompts.show_error(
                window,
                _("Werkleren Desktop cannot start"),
                # the kind only: the error's own words may quote stored personal data
                _(
                    "Something unexpected went wrong while opening the data ({kind}). "
                    "Nothing was changed."
                ).format(kind=type(error).__name__),
            )
        if store is None:
            window.close()
            app.exit(1)
        else:
            show(Opened(store))

    def ask_for_the_server(problem: str) -> None:
        """The server could not be opened (unreachable, the password not kept or wrong):
        the connection dialog says why, and offers the data on this computer instead."""
        from werkleren_desktop.gui.dialogs.connection import ConnectionDialog
        from werkleren_desktop.storage.offline import offline_copy, open_copy
        from werkleren_desktop.storage.server import ServerAddress, save_address, saved_address

        assert paths.server_url is not None
        folder = DataPaths(paths.root)
        address = saved_address(folder) or ServerAddress.from_url(paths.server_url)
        dialog = ConnectionDialog(
            folder,
            tasks,
            window,
            address,
            problem,
            offer_local=True,
            offer_copy=offline_copy(paths),
        )
        outcome: list[str] = []

        def connected(store: DataStore) -> None:
            outcome.append("server")
            show(Opened(store))

        dialog.connected.connect(connected)

        def local() -> None:
            outcome.append("local")
            try:
                save_address(folder, None)
            except UserError as error:
                failed(error)
                return
            tasks.run(lambda: open_data(folder), show, failed, owner=window)

        dialog.local_chosen.connect(local)

        def copy() -> None:  # read-only; the window tries the server again meanwhile
            outcome.append("copy")
            tasks.run(lambda: open_copy(paths), lambda store: show(Opened(store)), failed)

        dialog.copy_chosen.connect(copy)

        def finished() -> None:
            if not outcome:  # cancelled: nothing to show
                window.close()
                app.exit(1)

        dialog.finished.connect(finished)
        dialog.open()

    def open_behind_the_window() -> None:
        if not held:
            lock, code = take_writer_lock(paths, window)
            if lock is None:  # another window has the data (now in front), or a command
                window.close()
                app.exit(code)
                return
            held.append(lock)
        servers.append(listen_for_second_starts(instance_name(paths), window))
        tasks.run(lambda: open_data(paths), show, failed, owner=window)

    _AfterFirstPaint(window, open_behind_the_window, 1000)
    try:
        return app.exec()
    finally:
        for server in servers:
            server.close()
        if window.is_open:
            window.own_store.close()  # the data the window has now (a restore replaces them)
