"""The data folder's actions behind the File menu: the demo beside the own data, a
backup now, a backup before an import, and restoring one. The window shows whatever
data these hand it (``switched``); it does not know how they were made."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.i18n import _, current_language
from werkleren_desktop.paths import DataPaths

if TYPE_CHECKING:
    from werkleren_desktop.storage.backups import Backup
    from werkleren_desktop.storage.data_store import DataStore


class ShowsData(Protocol):
    """The window as these actions see it."""

    own_store: DataStore
    store: DataStore

    @property
    def showing_demo(self) -> bool: ...

    def unsaved_dialogs(self) -> list[QDialog]: ...


class DataActions(QObject):
    # data to show now: the store, whether it is the user's own, and what to say
    switched = Signal(object, bool, str)
    demo_busy = Signal(bool)  # the demo is being made or opened
    demo_failed = Signal(str)  # a sentence
    backing_up = Signal(bool)
    backed_up = Signal(str)  # what to say

    def __init__(self, window: QWidget, shown: ShowsData, tasks: TaskRunner) -> None:
        super().__init__(window)
        self.window = window  # the parent of questions and messages
        self.shown = shown
        self.tasks = tasks

    # --- the demo -------------------------------------------------------------------

    def open_demo(self) -> None:
        """Open the demo beside the own data (made on first use, in the background)."""
        if self.shown.showing_demo:
            return
        self.demo_busy.emit(True)
        paths = self.shown.own_store.paths.demo
        language = current_language()
        self.tasks.run(
            lambda: _open_demo(paths, language), self._demo_opened, self._failed, owner=self
        )

    def _demo_opened(self, store: DataStore) -> None:
        self.demo_busy.emit(False)
        self.switched.emit(store, False, _("The demo organisation is open."))

    def _failed(self, error: BaseException) -> None:
        self.demo_busy.emit(False)
        self.demo_failed.emit(
            _("The demo organisation could not be opened: {reason}").format(reason=error)
        )

    def close_demo(self) -> None:
        """Back to the user's own data: their organisation, or the welcome page."""
        if not self.shown.showing_demo:
            return
        self.shown.store.close()
        self.switched.emit(self.shown.own_store, True, "")

    # --- backups --------------------------------------------------------------------

    def back_up_before_import(self) -> object:
        from werkleren_desktop.storage.backups import make_backup

        return make_backup(self.shown.store.paths, "before-import")

    def back_up_now(self) -> None:
        """Copy the data in the background: ten years of a care group are tens of MB."""
        from werkleren_desktop.storage.backups import make_backup

        paths = self.shown.store.paths
        self.backing_up.emit(True)

        def done(made: Backup) -> None:
            self.backing_up.emit(False)
            self.backed_up.emit(_("Backup made: {path}").format(path=made.path))

        def failed(error: BaseException) -> None:
            self.backing_up.emit(False)
            prompts.show_error(self.window, _("Back up now"), str(error))

        self.tasks.run(lambda: make_backup(paths, "manual"), done, failed, owner=self)

    def restore(self) -> None:
        """Replace the own data by a backup, after checks and with a copy of the current."""
        from werkleren_desktop.storage.backups import (
            backup_folder,
            check_candidate,
            restore_backup,
        )
        from werkleren_desktop.storage.data_store import open_data_folder

        title = _("Restore a backup")
        if self.shown.showing_demo:
            prompts.show_error(
                self.window,
                title,
                _("Close the demo organisation first; a backup restores your own data."),
            )
            return
        if self.shown.unsaved_dialogs():
            prompts.show_error(self.window, title, _("Save or close the open form first."))
            return
        paths = self.shown.store.paths
        file = prompts.choose_backup_file(self.window, backup_folder(paths))
        if file is None:
            return
        try:
            check_candidate(file)
        except UserError as error:
            prompts.show_error(self.window, title, str(error))
            return
        if not prompts.confirm(
            self.window,
            title,
            _(
                "Replace all data by the backup {name}? The data as they are now are "
                "kept as a backup first."
            ).format(name=file.name),
            _("Restore"),
            _("Cancel"),
            destructive=True,
        ):
            return
        # the data are closed only when no work of the window still uses them
        if not self.tasks.wait(10_000):
            prompts.show_error(
                self.window,
                title,
                _(
                    "The program is still busy with the data; try again in a moment. "
                    "Nothing has been changed."
                ),
            )
            return
        self.shown.store.close()
        message = ""
        try:
            kept = restore_backup(paths, file)
        except UserError as error:
            prompts.show_error(self.window, title, str(error))
        else:
            message = _("The backup is restored.")
            if kept is not None:
                message += " " + _("The data as they were are kept in {path}.").format(path=kept)
        self.switched.emit(open_data_folder(paths), True, message)


def _open_demo(paths: DataPaths, language: str) -> DataStore:
    """The demo organisation's data; its generator is loaded only when it is wanted."""
    from werkleren_desktop.services.demo import open_demo_store

    return open_demo_store(paths, language)
