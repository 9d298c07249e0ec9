"""A list of the organisation's own (functions, skills, certificate types) in a dialog:
a new one, a change, or one no longer offered. What names one keeps it, so nothing is
ever deleted; each list says how to read, open and retire its rows (``ListActions``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.gui import errors
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.gui.widgets import ErrorLabel, hint, list_table, paragraph
from werkleren_desktop.i18n import _


class Listed(Protocol):
    @property
    def id(self) -> int: ...

    @property
    def retired(self) -> bool: ...


Row = TypeVar("Row", bound=Listed)


@dataclass(frozen=True)
class ListActions(Generic[Row]):
    """What a list reads, how it opens a row's form (None: a new one), how it retires or
    offers a row again, and what the line below it says of the chosen row."""

    rows: Callable[[], list[Row]]
    form_for: Callable[[Row | None], FormDialog]
    retire: Callable[[Row], None]
    about: Callable[[Row], str] = lambda _row: ""


class ListDialog(QDialog, Generic[Row]):
    """The list with its buttons, a line about the chosen row, and Close."""

    def __init__(
        self,
        sessions: SessionFactory,
        title: str,
        intro: str,
        model: RowsTableModel[Row],
        new_label: str,
        actions: ListActions[Row],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.listed = actions  # (not "actions": a widget has actions())
        self.setWindowTitle(title)
        self.sessions = sessions
        self.changed = False
        self.model: RowsTableModel[Row] = model
        self.table = list_table(self.model, {})
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.change())
        self.new_button = QPushButton(new_label)
        self.change_button = QPushButton(_("Change…"))
        self.retire_button = QPushButton(_("No longer offer"))
        self.new_button.clicked.connect(lambda: self._open(actions.form_for(None)))
        self.change_button.clicked.connect(self.change)
        self.retire_button.clicked.connect(self.toggle_retired)
        self.error_label = ErrorLabel()
        self.source = hint("")  # about the chosen row (``about``), where there is something
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_chosen())
        buttons = QHBoxLayout()
        for button in (self.new_button, self.change_button, self.retire_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(paragraph(intro))
        layout.addWidget(self.table, 1)
        layout.addWidget(self.source)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.resize(820, 520)
        self.form: FormDialog | None = None
        self.load()
        self.table.setFocus()

    def load(self, chosen: int | None = None) -> None:
        rows = self.listed.rows()
        self.model.show_rows(rows)
        index = next((i for i, r in enumerate(rows) if r.id == chosen), 0 if rows else -1)
        if index >= 0:
            self.table.selectRow(index)
        self._show_chosen()

    def chosen(self) -> Row | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def _show_chosen(self) -> None:
        row = self.chosen()
        self.change_button.setEnabled(row is not None)
        self.retire_button.setEnabled(row is not None)
        self.retire_button.setText(
            _("Offer again") if row is not None and row.retired else _("No longer offer")
        )
        said = self.listed.about(row) if row is not None else ""
        self.source.setText(said)
        self.source.setVisible(bool(said))

    def change(self) -> None:
        row = self.chosen()
        if row is not None:
            self._open(self.listed.form_for(row))

    def _open(self, form: FormDialog) -> None:
        def saved() -> None:
            self.changed = True
            self.load(getattr(form, "saved_id", None))

        form.accepted.connect(saved)
        form.open()
        self.form = form

    def toggle_retired(self) -> None:
        row = self.chosen()
        if row is None:
            return
        try:
            self.listed.retire(row)
        except Exception as error:
            self.error_label.show_message(errors.sentence_for(error))
            return
        self.changed = True
        self.load(row.id)
