"""The organisation's guiding questions: edit, reorder, add, and retire or ask again.

A question is retired rather than deleted: situations keep the text they answered,
and a retired question can be asked again later.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.domain.situations import QuestionRow, default_questions
from werkleren_desktop.gui.widgets import hint, paragraph
from werkleren_desktop.i18n import _

ID_ROLE = Qt.ItemDataRole.UserRole


class QuestionsEditor(QWidget):
    def __init__(self, questions: list[QuestionRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = list(questions)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        for question in questions:
            self._add_item(question)
        self.list.itemChanged.connect(self._show_state)
        self.list.currentRowChanged.connect(self._update_buttons)

        self.add_button = QPushButton(_("Add a question"))
        self.edit_button = QPushButton(_("Edit"))
        self.up_button = QPushButton(_("Move up"))
        self.down_button = QPushButton(_("Move down"))
        self.missing_button = QPushButton(_("Add the program's questions that are missing"))
        self.add_button.clicked.connect(self.add_question)
        self.edit_button.clicked.connect(self._edit_current)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.missing_button.clicked.connect(self.add_missing_defaults)

        buttons = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                _(
                    "The questions that steer learning from a work situation, in the order the "
                    "form asks them: the first three show at once, the others on request. "
                    "Untick a question to stop asking it: situations keep the text they "
                    "answered, so changing a question never rewrites what was logged."
                )
            )
        )
        layout.addLayout(row, 1)
        layout.addWidget(hint(_("Double-click a question to change its text.")))
        layout.addWidget(self.missing_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._update_buttons()

    def _add_item(self, question: QuestionRow) -> QListWidgetItem:
        item = QListWidgetItem(question.text)
        item.setData(ID_ROLE, question.id)
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsEditable
            | Qt.ItemFlag.ItemIsUserCheckable
            | Qt.ItemFlag.ItemIsDragEnabled
        )
        item.setCheckState(Qt.CheckState.Unchecked if question.retired else Qt.CheckState.Checked)
        self.list.addItem(item)
        self._show_state(item)
        return item

    def _show_state(self, item: QListWidgetItem) -> None:
        """A retired question is shown greyed, with its tooltip saying why."""
        retired = item.checkState() == Qt.CheckState.Unchecked
        role = QPalette.ColorRole.PlaceholderText if retired else QPalette.ColorRole.Text
        self.list.blockSignals(True)
        item.setForeground(QBrush(self.palette().color(role)))
        item.setToolTip(_("No longer asked") if retired else "")
        self.list.blockSignals(False)

    def rows(self) -> list[QuestionRow]:
        """The set as shown, top to bottom; a new question left empty is no question."""
        rows = []
        for index in range(self.list.count()):
            item = self.list.item(index)
            question_id = item.data(ID_ROLE)
            if question_id is None and not item.text().strip():
                continue
            retired = item.checkState() == Qt.CheckState.Unchecked
            rows.append(QuestionRow(question_id, item.text(), retired))
        return rows

    def has_changes(self) -> bool:
        return self.rows() != self.original

    def add_question(self) -> None:
        item = self._add_item(QuestionRow(None, ""))
        self.list.setCurrentItem(item)
        self.list.editItem(item)

    def _edit_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def add_missing_defaults(self) -> None:
        shown = {self.list.item(i).text().casefold() for i in range(self.list.count())}
        for text in default_questions():
            if text.casefold() not in shown:
                self._add_item(QuestionRow(None, text))

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def _update_buttons(self, *_args: object) -> None:
        row = self.list.currentRow()
        self.edit_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)
