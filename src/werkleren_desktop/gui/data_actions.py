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
        return self.shown.store.back_up("before-import")

    def back_up_now(self) -> None:
        """Copy the data in the background: ten years of a care group are tens of MB."""
        store = self.shown.store
        self.backing_up.emit(True)

        def done(made: Backup) -> None:
            self.backing_up.emit(False)
            self.backed_up.emit(_("Backup made: {path}").format(path=made.path))

        def failed(error: BaseException) -> None:
            self.backing_up.emit(False)
            prompts.show_error(self.window, _("Back up now"), str(error))

        self.tasks.run(lambda: store.back_up("manual"), done, failed, owner=self)

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
        if paths.on_server:
            from werkleren_desktop.storage.server import restore_elsewhere

            prompts.show_error(self.window, title, str(restore_elsewhere()))
            return
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

    # --- where the data live ----------------------------------------------------------

    def _may_switch(self, title: str) -> bool:
        if self.shown.showing_demo:
            prompts.show_error(
                self.window,
                title,
                _("Close the demo organisation first; this is about your own data."),
            )
            return False
        if self.shown.unsaved_dialogs():
            prompts.show_error(self.window, title, _("Save or close the open form first."))
            return False
        return True

    def connect_to_server(self) -> None:
        """Work on a shared server from now on: the connection dialog, then its data."""
        from werkleren_desktop.gui.dialogs.connection import ConnectionDialog
        from werkleren_desktop.storage.server import saved_address

        title = _("Shared server")
        if not self._may_switch(title):
            return
        folder = DataPaths(self.shown.own_store.paths.root)
        dialog = ConnectionDialog(folder, self.tasks, self.window, saved_address(folder))
        dialog.connected.connect(self._take)
        dialog.open()
        self.connection_dialog = dialog

    def work_on_this_computer(self) -> None:
        """Back from the shared server to the data file in the data folder."""
        from werkleren_desktop.storage.server import save_address

        title = _("Work on this computer")
        if not self.shown.own_store.paths.on_server or not self._may_switch(title):
            return
        folder = DataPaths(self.shown.own_store.paths.root)
        if not prompts.confirm(
            self.window,
            title,
            _(
                "Work with the data file on this computer again ({folder})? The data on the "
                "shared server stay there; nothing is copied."
            ).format(folder=folder.root),
            _("Work on this computer"),
            _("Cancel"),
        ):
            return

        def opened(store: DataStore) -> None:
            # the choice is remembered once the data on this computer opened: until
            # then the next start still goes to the server
            try:
                save_address(folder, None)
            except UserError as error:
                store.close()
                prompts.show_error(self.window, title, str(error))
                return
            self._take(store)

        self.tasks.run(
            lambda: _open_folder(folder),
            opened,
            lambda error: prompts.show_error(self.window, title, str(error)),
            owner=self,
        )

    def _take(self, store: DataStore) -> None:
        """Show ``store`` as the own data; the data shown so far are closed once no work
        of the window uses them."""
        from werkleren_desktop.storage.server import described_url

        self.tasks.wait(10_000)
        self.shown.own_store.close()
        where = store.paths.server_url
        message = (
            _("Connected to the shared server {server}.").format(server=described_url(where))
            if where
            else _("Working on this computer: {folder}").format(folder=store.paths.root)
        )
        self.switched.emit(store, True, message)


def _open_folder(paths: DataPaths) -> DataStore:
    from werkleren_desktop.storage.data_store import open_data_folder

    return open_data_folder(paths)


def _open_demo(paths: DataPaths, language: str) -> DataStore:
    """The demo organisation's data; its generator is loaded only when it is wanted."""
    from werkleren_desktop.services.demo import open_demo_store

    return open_demo_store(paths, language)
