"""Attendance of a formal training per day, from the training page: every participant of
the course against its days, ticked present (or absent), and the attendance list printed
for one day or all of them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.training_attendance_list import training_attendance_pdf
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.widgets import hint
from werkleren_desktop.i18n import _
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.training_attendance import Course, save_attendance


class AttendanceDialog(FormDialog):
    """A row per participant, a column per day; a ticked box is present, an empty one
    absent, a grey one (a day still to come, or not marked yet) not marked."""

    def __init__(
        self,
        sessions: SessionFactory,
        course: Course,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Attendance: {title}").format(title=course.title), parent)
        self.sessions = sessions
        self.course = course
        self.today = today
        self.preview: PdfPreviewDialog | None = None
        self.table = QTableWidget(len(course.participants), len(course.days))
        self.table.setHorizontalHeaderLabels([format_date(d, "short") for d in course.days])
        self.table.setVerticalHeaderLabels([p.name for p in course.participants])
        self.table.setTabKeyNavigation(False)
        for row, participant in enumerate(course.participants):
            for column, day in enumerate(course.days):
                item = QTableWidgetItem("")
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if day <= today():
                    flags |= Qt.ItemFlag.ItemIsUserCheckable
                    item.setCheckState(
                        Qt.CheckState.Checked
                        if participant.marks.get(day)
                        else Qt.CheckState.Unchecked
                        if day in participant.marks
                        else Qt.CheckState.PartiallyChecked
                    )
                    item.setFlags(flags | Qt.ItemFlag.ItemIsUserTristate)
                else:
                    item.setFlags(flags)
                    item.setToolTip(_("A day still to come"))
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in range(len(course.days)):
            self.table.setColumnWidth(column, max(96, self.table.columnWidth(column)))
        self.day = QComboBox()
        self.day.addItem(_("Every day"), None)
        for day in course.days:
            self.day.addItem(format_date(day), day)
        self.print_button = QPushButton(_("Print the attendance list…"))
        self.print_button.clicked.connect(self.print_list)
        printing = QHBoxLayout()
        printing.addWidget(QLabel(_("Attendance list of")))
        printing.addWidget(self.day)
        printing.addWidget(self.print_button)
        printing.addStretch(1)
        self.fields = {"attendance": self.table}
        page = QVBoxLayout()
        page.addWidget(
            hint(
                _(
                    "Ticked: present. Empty: absent. Grey: not marked yet. Space changes the "
                    "chosen day; funds ask for at least 80% presence, and signatures on the "
                    "day itself on the printed list."
                )
            )
        )
        page.addWidget(self.table, 1)
        page.addLayout(printing)
        self.setMinimumSize(640, 420)
        self.finish_layout(page)
        self.table.setFocus()
        self.table.setCurrentCell(0, 0)

    def marks(self) -> dict[tuple[int, dt.date], bool | None]:
        found: dict[tuple[int, dt.date], bool | None] = {}
        for row, participant in enumerate(self.course.participants):
            for column, day in enumerate(self.course.days):
                item = self.table.item(row, column)
                if item is None or not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                    continue
                state = item.checkState()
                found[(participant.training_id, day)] = (
                    None
                    if state == Qt.CheckState.PartiallyChecked
                    else state == Qt.CheckState.Checked
                )
        return found

    def snapshot(self) -> object:
        return self.marks()

    def save(self) -> None:
        save_attendance(self.sessions, self.marks(), self.today())

    def print_list(self) -> None:
        chosen = self.day.currentData()
        days = (chosen,) if chosen is not None else self.course.days
        settings = load_settings(self.sessions)
        pdf = training_attendance_pdf(
            self.course, days, settings.name if settings else "",
            settings.logo_png if settings else None, self.today(),
        )  # fmt: skip
        name = _("attendance list {title}").format(title=self.course.title) + ".pdf"
        self.preview = PdfPreviewDialog(_("Attendance list"), pdf, name, self)
        self.preview.open()
