"""Starting the window: the application object, the data folder, the main window."""

from __future__ import annotations

import sys

from filelock import Timeout
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

from werkleren_desktop._version import __version__
from werkleren_desktop.db.migrate import DamagedDatabaseError
from werkleren_desktop.domain.formatting import format_moment
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.icons import app_icon
from werkleren_desktop.gui.language import apply_language
from werkleren_desktop.gui.main_window import MainWindow
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.i18n import _, current_language
from werkleren_desktop.paths import APP_NAME, DataPaths
from werkleren_desktop.services.backups import backup_at_start, newest_good_backup, recover
from werkleren_desktop.services.data_store import DataStore, open_data_folder
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.writer import (
    instance_name,
    shared_location_warning,
    writer_lock,
)


def make_application(argv: list[str] | None = None) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("nl.werkleren.Desktop")
    app.setWindowIcon(app_icon())
    return app


def offer_recovery(paths: DataPaths, problem: str) -> DataStore | None:
    """The data file is damaged: offer the newest good backup, naming its date and time.
    The damaged file is kept aside, never deleted and never silently replaced."""
    title = _("Werkleren Desktop cannot start")
    backup = newest_good_backup(paths)
    if backup is None:
        prompts.show_error(
            None,
            title,
            problem + " " + _("There is no backup to restore; the file stays as it is."),
        )
        return None
    if not prompts.confirm(
        None,
        title,
        problem
        + "\n\n"
        + _(
            "The newest good backup is of {moment}. Restore it? The damaged file is kept "
            "aside in the data folder."
        ).format(moment=format_moment(backup.made_at)),
        _("Restore"),
        _("Quit"),
    ):
        return None
    try:
        recover(paths, backup)
        return open_data_folder(paths)
    except UserError as error:
        prompts.show_error(None, title, str(error))
        return None


def bring_to_front(name: str) -> bool:
    """Ask the window already running on these data to come forward."""
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
    apply_language(current_language())
    title = _("Werkleren Desktop cannot start")
    try:
        lock = writer_lock(paths)
        lock.acquire(timeout=0)
    except Timeout:
        if bring_to_front(instance_name(paths)):
            return 0
        prompts.show_error(
            None,
            title,
            _("The data in {folder} are in use by another Werkleren Desktop.").format(
                folder=paths.root
            ),
        )
        return 1
    except (UserError, OSError) as error:
        prompts.show_error(None, title, str(error))
        return 1
    try:
        return _run_window(app, paths)
    finally:
        lock.release()


def _run_window(app: QApplication, paths: DataPaths) -> int:
    try:
        store = open_data_folder(paths)
    except DamagedDatabaseError as error:
        recovered = offer_recovery(paths, str(error))
        if recovered is None:
            return 1
        store = recovered
    except UserError as error:
        prompts.show_error(None, _("Werkleren Desktop cannot start"), str(error))
        return 1
    try:
        settings = load_settings(store.sessions)
        if settings is not None:
            apply_language(settings.language)
        notes = []
        warning = shared_location_warning(paths.root)
        if warning is not None:
            notes.append(warning)
        try:
            backup_at_start(paths)  # at most once a day, and only when data changed
        except UserError as error:
            notes.append(str(error))
        window = MainWindow(store, TaskRunner())
        server = listen_for_second_starts(instance_name(paths), window)
        window.show()
        if warning is not None:
            prompts.show_error(window, _("Data folder"), warning)
        if notes:
            window.statusBar().showMessage(" ".join(notes))
        code = app.exec()
        server.close()
        return code
    finally:
        store.close()
