"""Importing people: which column is what, every problem of the file, then confirm.

Checking a large file takes seconds, so the plan is made in the background; a newer
choice of columns makes the answer of an older one moot, and it is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.formatting import format_number
from werkleren_desktop.domain.people_import import (
    FIELDS,
    MAX_PROBLEMS_SHOWN,
    REQUIRED,
    Problem,
    Table,
    column_letter,
    doubled_columns,
    guess_mapping,
)
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import Banner, ErrorLabel, hint, paragraph
from werkleren_desktop.i18n import N_, _
from werkleren_desktop.services.people_import import (
    ImportPlan,
    ImportResult,
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
PROBLEM_COLUMNS = (N_("Line"), N_("Column"), N_("Problem"))
ERROR_COLOUR = QColor("#b00020")


def _cells(row: PlannedRow) -> tuple[str, ...]:
    return (str(row.line), row.name, _(STATUS_TEXT[row.status]), row.message)


def _problem_cells(problem: Problem) -> tuple[str, ...]:
    return (str(problem.line), problem.column, problem.message)


class ImportPlanTableModel(RowsTableModel[PlannedRow]):
    def __init__(self) -> None:
        super().__init__(COLUMNS, _cells)

    def extra(self, row: PlannedRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and row.status is RowStatus.ERROR:
            return ERROR_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column == 3 and row.problems:
            return "\n".join(
                f"{p.column}: {p.message}" if p.column else p.message for p in row.problems
            )
        return None


class ProblemsTableModel(RowsTableModel[Problem]):
    """The problems of the file: errors in red, remarks (imported all the same) plain."""

    def __init__(self) -> None:
        super().__init__(PROBLEM_COLUMNS, _problem_cells)

    def extra(self, row: Problem, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and row.blocking:
            return ERROR_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return row.message
        return None


def _table_view(model: RowsTableModel[PlannedRow] | RowsTableModel[Problem]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setStretchLastSection(True)
    return view


class ImportDialog(QDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        table: Table,
        path: Path,
        today: dt.date,
        parent: QWidget | None = None,
        backup: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.tasks = tasks
        self.backup = backup  # a backup is made before a bulk import
        self.today = today
        self.table = table
        self.result_message = ""
        self.plan: ImportPlan | None = None
        self._asked = 0  # the number of the latest plan asked for; older answers are dropped
        self._importing = False
        self.setWindowTitle(_("Import people from {name}").format(name=path.name))
        self.setMinimumSize(760, 480)
        self.resize(960, 620)

        mapping = guess_mapping(table.headers)
        columns_box = QGroupBox(_("Which column holds what"))
        grid = QGridLayout(columns_box)
        self.column_boxes: dict[str, QComboBox] = {}
        for i, (field, label) in enumerate(FIELDS.items()):
            box = QComboBox()
            box.addItem(_("(not in the file)"), None)
            for index, header in enumerate(table.headers):
                letter = column_letter(index)
                box.addItem(
                    f"{letter}: {header}" if header else _("column {letter}").format(letter=letter),
                    index,
                )
            box.setCurrentIndex(max(0, box.findData(mapping.get(field))))
            box.currentIndexChanged.connect(self._replan)
            self.column_boxes[field] = box
            title = QLabel(_(label) + (" *" if field in REQUIRED else ""))
            title.setBuddy(box)
            grid.addWidget(title, i // 3, (i % 3) * 2)
            grid.addWidget(box, i // 3, (i % 3) * 2 + 1)
            grid.setColumnStretch((i % 3) * 2 + 1, 1)

        doubled = doubled_columns(table)
        self.doubled_banner = Banner(
            " ".join(str(p) for p in doubled)
            + " "
            + _("The first of them is read; choose another above if that is wrong.")
        )
        self.doubled_banner.setVisible(bool(doubled))

        self.summary = paragraph("")
        self.error_label = ErrorLabel()

        self.problems_model = ProblemsTableModel()
        self.problems_view = _table_view(self.problems_model)
        self.problems_view.setColumnWidth(0, 60)
        self.problems_view.setColumnWidth(1, 150)
        self.problems_note = hint("")
        self.copy_button = QPushButton(_("Copy all problems"))
        self.copy_button.setToolTip(
            _(
                "Copies every problem as a line of text, to keep beside the file while you "
                "correct it."
            )
        )
        self.copy_button.clicked.connect(self.copy_problems)
        problems_page = QWidget()
        problems_layout = QVBoxLayout(problems_page)
        problems_top = QHBoxLayout()
        problems_top.addWidget(self.problems_note, 1)
        problems_top.addWidget(self.copy_button)
        problems_layout.addLayout(problems_top)
        problems_layout.addWidget(self.problems_view, 1)

        self.model = ImportPlanTableModel()
        self.view = _table_view(self.model)
        self.view.setColumnWidth(0, 60)
        self.view.setColumnWidth(1, 220)
        self.view.setColumnWidth(2, 110)

        self.tabs = QTabWidget()
        self.tabs.addTab(problems_page, _("Problems"))
        self.tabs.addTab(self.view, _("All rows"))

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
        layout.addWidget(self.doubled_banner)
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
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._replan()

    def mapping(self) -> dict[str, int]:
        return {
            f: box.currentData()
            for f, box in self.column_boxes.items()
            if box.currentData() is not None
        }

    # --- the plan, made in the background --------------------------------------------

    def _replan(self) -> None:
        self._asked += 1
        asked, mapping = self._asked, self.mapping()
        self.plan = None
        self.import_button.setEnabled(False)
        self.summary.setText(_("Checking the file…"))
        self.tasks.run(
            lambda: plan_import(self.sessions, self.table, mapping, self.today),
            lambda plan: self._planned(asked, plan),
            lambda error: self._not_planned(asked, error),
            owner=self,
        )

    def _planned(self, asked: int, plan: ImportPlan) -> None:
        if asked != self._asked:
            return  # the columns changed since; a newer plan is on its way
        self.plan = plan
        self.error_label.clear_message()
        self.model.show_rows(list(plan.rows))
        problems = plan.problems
        self.problems_model.show_rows(problems[:MAX_PROBLEMS_SHOWN])
        errors = sum(1 for p in problems if p.blocking)
        self.problems_note.setText(self._problems_text(len(problems), errors))
        self.copy_button.setEnabled(bool(problems))
        self.tabs.setTabText(0, _("Problems ({n})").format(n=format_number(len(problems))))
        self.tabs.setTabText(1, _("All rows ({n})").format(n=format_number(len(plan.rows))))
        if not problems:
            self.tabs.setCurrentIndex(1)
        self.summary.setText(
            plan.summary()
            + (
                " " + _("Rows with errors are skipped; correct them in the file and import again.")
                if plan.errors
                else ""
            )
        )
        self.import_button.setEnabled(bool(plan.to_store) and not self._importing)
        self.import_button.setText(_("Import {n}").format(n=format_number(len(plan.to_store))))

    @staticmethod
    def _problems_text(total: int, errors: int) -> str:
        if not total:
            return _("The file has no problems.")
        remarks = total - errors
        counts = _(
            "Errors: {errors} (in red; those rows are skipped). Remarks: {remarks} (those rows "
            "are imported all the same)."
        ).format(errors=format_number(errors), remarks=format_number(remarks))
        if total <= MAX_PROBLEMS_SHOWN:
            return counts
        return (
            _(
                "The first {shown} of {total} problems are shown; copy them all with the button."
            ).format(shown=format_number(MAX_PROBLEMS_SHOWN), total=format_number(total))
            + " "
            + counts
        )

    def _not_planned(self, asked: int, error: BaseException) -> None:
        if asked != self._asked:
            return
        self.model.show_rows([])
        self.problems_model.show_rows([])
        self.problems_note.setText("")
        self.copy_button.setEnabled(False)
        self.summary.setText("")
        self.error_label.show_message(
            str(error)
            if isinstance(error, UserError)
            else _("The file could not be checked ({kind}).").format(kind=type(error).__name__)
        )

    def copy_problems(self) -> None:
        if self.plan is not None:
            QGuiApplication.clipboard().setText(
                "\n".join(str(p) for p in self.plan.problems) + "\n"
            )

    # --- importing, in the background too ---------------------------------------------

    def accept(self) -> None:
        if self.plan is None or self._importing:
            return
        mapping = self.mapping()
        self._busy(True)
        self.summary.setText(_("Importing…"))

        def work() -> ImportResult:
            plan = plan_import(self.sessions, self.table, mapping, self.today)  # fresh
            if self.backup is not None:
                self.backup()
            return apply_import(self.sessions, plan)

        self.tasks.run(work, self._imported, self._not_imported, owner=self)

    def _imported(self, result: ImportResult) -> None:
        self._busy(False)
        self.result_message = _("Imported: {created} added, {updated} changed.").format(
            created=format_number(result.created), updated=format_number(result.updated)
        )
        super().accept()

    def _not_imported(self, error: BaseException) -> None:
        self._busy(False)
        if self.plan is not None:
            self.summary.setText(self.plan.summary())
        self.error_label.show_message(
            str(error)
            if isinstance(error, UserError)
            else _("Nothing was imported: an unexpected error ({kind}).").format(
                kind=type(error).__name__
            )
        )

    def _busy(self, busy: bool) -> None:
        self._importing = busy
        self.import_button.setEnabled(
            not busy and self.plan is not None and bool(self.plan.to_store)
        )
        self.cancel_button.setEnabled(not busy)
        for box in self.column_boxes.values():
            box.setEnabled(not busy)

    def reject(self) -> None:
        if not self._importing:  # an import under way finishes; then the dialog closes
            super().reject()
