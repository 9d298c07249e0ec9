"""Starting the window: the application object, the data folder, the main window."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

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


def run_gui(paths: DataPaths) -> int:
    app = make_application()
    apply_language(current_language())
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
        try:
            backup_at_start(paths)  # at most once a day, and only when data changed
            problem = None
        except UserError as error:
            problem = str(error)
        window = MainWindow(store, TaskRunner())
        window.show()
        if problem is not None:
            window.statusBar().showMessage(problem)
        return app.exec()
    finally:
        store.close()
