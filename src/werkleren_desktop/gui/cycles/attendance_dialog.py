"""Attendance and the check-in of each member at one session: energy and meaning, 1 to 5."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.constants import (
    AttendanceStatus,
)
from werkleren_desktop.domain.cycles import ATTENDANCE_STATUS_LABELS
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import heading, hint
from werkleren_desktop.i18n import _
from werkleren_desktop.services.cycles import AttendanceInput, MemberMark, record_attendance

STATUS_LABELS = ATTENDANCE_STATUS_LABELS


def _score_box(value: int | None) -> QSpinBox:
    box = QSpinBox()
    box.setRange(0, 5)
    box.setSpecialValueText("—")  # 0 shows as "not given"
    box.setValue(value or 0)
    return box


class AttendanceDialog(FormDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        session_id: int,
        title: str,
        marks: list[MemberMark],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.sessions = sessions
        self.session_id = session_id
        self.today = today
        self.marks = marks
        self.table = QTableWidget(len(marks), 5)
        self.table.setHorizontalHeaderLabels(
            [_("Name"), _("Attendance"), _("Energy"), _("Meaning"), _("Note")]
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.status_boxes: list[QComboBox] = []
        self.energy_boxes: list[QSpinBox] = []
        self.meaning_boxes: list[QSpinBox] = []
        self.notes: list[QLineEdit] = []
        for row, mark in enumerate(marks):
            self.table.setItem(row, 0, QTableWidgetItem(mark.name))
            status = QComboBox()
            status.addItem("—", None)
            for value, label in STATUS_LABELS.items():
                status.addItem(_(label), value)
            status.setCurrentIndex(max(0, status.findData(mark.status)))
            energy, meaning = _score_box(mark.energy), _score_box(mark.meaning)
            note = QLineEdit(mark.note)
            status.currentIndexChanged.connect(
                lambda _i, s=status, e=energy, m=meaning: self._status_changed(s, e, m)
            )
            self._status_changed(status, energy, meaning)
            for position, widget in enumerate((status, energy, meaning, note), start=1):
                self.table.setCellWidget(row, position, widget)
            self.status_boxes.append(status)
            self.energy_boxes.append(energy)
            self.meaning_boxes.append(meaning)
            self.notes.append(note)
        self.fields = {"energy": self.table, "meaning": self.table}
        self.all_present = self.buttons.addButton(
            _("Everyone present"), self.buttons.ButtonRole.ActionRole
        )
        self.all_present.clicked.connect(self.mark_all_present)
        layout = QVBoxLayout()
        layout.addWidget(heading(title, 1.15))  # which session: said in the dialog itself
        layout.addWidget(
            hint(
                _(
                    "Energy and meaning: how the session felt to each person who was there, from 1 "
                    "(low) to 5 (high). Leave a score at — when it was not asked."
                )
            )
        )
        layout.addWidget(self.table)
        self.setMinimumSize(720, 360)
        self.finish_layout(layout)

    @staticmethod
    def _status_changed(status: QComboBox, energy: QSpinBox, meaning: QSpinBox) -> None:
        # Qt hands a str-enum back as a plain str: compare by value
        present = status.currentData() == AttendanceStatus.PRESENT
        for box in (energy, meaning):
            box.setEnabled(present)
            if not present:
                box.setValue(0)

    def mark_all_present(self) -> None:
        for box in self.status_boxes:
            if box.currentData() is None:
                box.setCurrentIndex(box.findData(AttendanceStatus.PRESENT))

    def entries(self) -> list[AttendanceInput]:
        result = []
        for row, mark in enumerate(self.marks):
            status = self.status_boxes[row].currentData()
            if status is None:
                continue
            result.append(
                AttendanceInput(
                    mark.person_id,
                    AttendanceStatus(status),
                    self.energy_boxes[row].value() or None,
                    self.meaning_boxes[row].value() or None,
                    self.notes[row].text(),
                )
            )
        return result

    def snapshot(self) -> object:
        return tuple(self.entries())

    def save(self) -> None:
        record_attendance(self.sessions, self.session_id, self.entries(), self.today)
