"""Importing people: which column is what, what each row would do, then confirm."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.people_import import FIELDS, REQUIRED, guess_mapping, read_table
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.gui.widgets import ErrorLabel, hint, paragraph
from werkleren_desktop.i18n import N_, _
from werkleren_desktop.services.people_import import (
    PlannedRow,
    RowStatus,
    apply_import,
    plan_import,
)

STATUS_TEXT = {
    RowStatus.NEW: N_("new"),
    RowStatus.UPDATE: N_("changes"),
    RowStatus.UNCHANGED: N_("unchanged"),
    RowStatus.ERROR: N_("error"),
}
COLUMNS = (N_("Line"), N_("Name"), N_("What happens"), N_("Explanation"))


def _cells(row: PlannedRow) -> tuple[str, ...]:
    return (str(row.line), row.name, _(STATUS_TEXT[row.status]), row.message)


class ImportPlanTableModel(RowsTableModel[PlannedRow]):
    def __init__(self) -> None:
        super().__init__(COLUMNS, _cells)

    def extra(self, row: PlannedRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and row.status is RowStatus.ERROR:
            return QColor("#b00020")
        return None


class ImportDialog(QDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        path: Path,
        today: dt.date,
        parent: QWidget | None = None,
        backup: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.backup = backup  # a backup is made before a bulk import
        self.today = today
        self.table = read_table(path)  # a UserError here is shown by the caller
        self.result_message = ""
        self.setWindowTitle(_("Import people from {name}").format(name=path.name))
        self.setMinimumSize(820, 560)

        mapping = guess_mapping(self.table.headers)
        columns_box = QGroupBox(_("Which column holds what"))
        grid = QGridLayout(columns_box)
        self.column_boxes: dict[str, QComboBox] = {}
        for i, (field, label) in enumerate(FIELDS.items()):
            box = QComboBox()
            box.addItem(_("(not in the file)"), None)
            for index, header in enumerate(self.table.headers):
                box.addItem(header or _("column {n}").format(n=index + 1), index)
            box.setCurrentIndex(max(0, box.findData(mapping.get(field))))
            box.currentIndexChanged.connect(self._replan)
            self.column_boxes[field] = box
            title = _(label) + (" *" if field in REQUIRED else "")
            grid.addWidget(QLabel(title), i // 3, (i % 3) * 2)
            grid.addWidget(box, i // 3, (i % 3) * 2 + 1)

        self.summary = paragraph("")
        self.error_label = ErrorLabel()
        self.model = ImportPlanTableModel()
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view_header = self.view.horizontalHeader()
        view_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view_header.setStretchLastSection(True)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            _("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(
            _("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(columns_box)
        layout.addWidget(
            hint(
                _(
                    "Nothing is stored until you press Import. People already known (by e-mail "
                    "address, or else by name) are updated, not added twice."
                )
            )
        )
        layout.addWidget(self.summary)
        layout.addWidget(self.error_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        self._replan()

    def mapping(self) -> dict[str, int]:
        return {
            f: box.currentData()
            for f, box in self.column_boxes.items()
            if box.currentData() is not None
        }

    def _replan(self) -> None:
        try:
            plan = plan_import(self.sessions, self.table, self.mapping(), self.today)
        except UserError as error:
            self.error_label.show_message(str(error))
            self.model.show_rows([])
            self.summary.setText("")
            self.import_button.setEnabled(False)
            return
        self.error_label.clear_message()
        self.model.show_rows(list(plan.rows))
        self.summary.setText(
            _("{new} new, {updated} changed, {same} unchanged, {bad} with errors.").format(
                new=plan.count(RowStatus.NEW),
                updated=plan.count(RowStatus.UPDATE),
                same=plan.count(RowStatus.UNCHANGED),
                bad=plan.count(RowStatus.ERROR),
            )
            + (
                " " + _("Rows with errors are skipped; correct them in the file and import again.")
                if plan.errors
                else ""
            )
        )
        self.import_button.setEnabled(bool(plan.to_store))
        self.import_button.setText(_("Import {n}").format(n=len(plan.to_store)))

    def accept(self) -> None:
        try:
            plan = plan_import(self.sessions, self.table, self.mapping(), self.today)
            if self.backup is not None:
                self.backup()
            result = apply_import(self.sessions, plan)
        except UserError as error:
            self.error_label.show_message(str(error))
            return
        self.result_message = _("Imported: {created} added, {updated} changed.").format(
            created=result.created, updated=result.updated
        )
        super().accept()
