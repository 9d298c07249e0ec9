"""What was deleted, kept in memory (never in the file) until the program closes, and
offered back: "Terugzetten" in the status bar, and Ctrl+Z outside a text field."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QPushButton

from werkleren_desktop.gui import errors
from werkleren_desktop.i18n import _

if TYPE_CHECKING:
    from werkleren_desktop.db.engine import SessionFactory
    from werkleren_desktop.gui.record_page import RecordListPage
    from werkleren_desktop.services.undo import Deleted


class BringBack(QObject):
    changed = Signal()  # something can (or no longer can) be brought back

    def __init__(self, window: QMainWindow, sessions: Callable[[], SessionFactory]) -> None:
        super().__init__(window)
        self.window = window
        self.sessions = sessions  # the data in view at the moment of bringing back
        self.records: list[tuple[Deleted, RecordListPage]] = []  # newest last
        self._button: QPushButton | None = None  # made at the first delete

    @property
    def button(self) -> QPushButton:
        """'Bring back' in the status bar, while something deleted can come back."""
        if self._button is None:
            self._button = QPushButton()
            self._button.setFlat(True)
            self._button.clicked.connect(self.bring_back)
            self.window.statusBar().addPermanentWidget(self._button)
            self._button.hide()
        return self._button

    def keep(self, kept: Deleted, page: RecordListPage) -> None:
        """A page deleted a record: offer it back."""
        self.records.append((kept, page))
        self.window.statusBar().showMessage(_("{what} deleted.").format(what=kept.what), 30_000)
        self.button.setText(_("Bring back"))
        self.button.setToolTip(_("Bring back: {what}").format(what=kept.what))
        self.button.show()
        self.changed.emit()

    def forget(self) -> None:
        """Other data in view (the demo, a restored backup): their deletes do not apply."""
        self.records.clear()
        if self._button is not None:
            self._button.hide()
        self.changed.emit()

    def bring_back(self) -> None:
        from werkleren_desktop.services.undo import restore

        if not self.records:
            return
        kept, page = self.records[-1]
        try:
            restore(self.sessions(), kept)
        except Exception as error:  # a refusal or the unexpected: said, the record kept
            errors.report(self.window, error)
            return
        self.records.pop()
        self.button.setVisible(bool(self.records))
        if self.records:
            self.button.setToolTip(_("Bring back: {what}").format(what=self.records[-1][0].what))
        self.window.statusBar().showMessage(
            _("{what} brought back.").format(what=kept.what), 10_000
        )
        page.refresh()
        self.changed.emit()
