"""The organisation's library of working methods (werkvormen) for the days of a week
cycle: edit, reorder, add, and take out of use or offer again.

A method is taken out of use rather than deleted: the sessions that used it keep it.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.domain.cycles import MethodRow, default_methods
from werkleren_desktop.gui.widgets import hint, paragraph
from werkleren_desktop.i18n import _

ROW_ROLE = Qt.ItemDataRole.UserRole


class MethodsEditor(QWidget):
    def __init__(self, methods: list[MethodRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.original = list(methods)
        self.list = QListWidget()
        self.list.setAlternatingRowColors(True)
        self.list.setAccessibleName(_("Working methods"))
        self.list.setMinimumHeight(150)
        for method in methods:
            self._add_item(method)
        self.list.currentRowChanged.connect(self._show_current)
        self.list.itemChanged.connect(self._check_changed)

        self.name = QLineEdit()
        self.description = QPlainTextEdit()
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(60)
        self.description.setMaximumHeight(90)  # the list above takes the room
        self.uses_ai = QCheckBox(_("uses AI as a tool"))
        self.with_others = QCheckBox(_("with the colleague or expert on call"))
        self.vitality = QLineEdit()
        self.vitality.setPlaceholderText(_("For example: outside and moving"))
        self.in_use = QCheckBox(_("offered for new sessions"))
        self.form = QWidget()
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(_("Name"), self.name)
        form.addRow(_("What the group does"), self.description)
        form.addRow(_("Works"), self.uses_ai)
        form.addRow("", self.with_others)
        form.addRow(_("Vitality and meaning"), self.vitality)
        form.addRow("", self.in_use)
        self.name.textEdited.connect(self._edited)
        self.description.textChanged.connect(self._edited)
        self.vitality.textEdited.connect(self._edited)
        for box in (self.uses_ai, self.with_others, self.in_use):
            box.toggled.connect(self._edited)

        self.add_button = QPushButton(_("Add a method"))
        self.up_button = QPushButton(_("Move up"))
        self.down_button = QPushButton(_("Move down"))
        self.missing_button = QPushButton(_("Add the program's methods that are missing"))
        self.add_button.clicked.connect(self.add_method)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.missing_button.clicked.connect(self.add_missing_defaults)

        buttons = QVBoxLayout()
        for button in (self.add_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                _(
                    "What a group can do on a day of its week cycle. Each method says whether "
                    "it uses AI or the colleague or expert on call, and what it does for "
                    "vitality and meaning. A method no longer offered stays with the sessions "
                    "that used it."
                )
            )
        )
        layout.addLayout(row, 1)
        layout.addWidget(self.form)
        layout.addWidget(
            hint(_("Tick a method in the list to offer it; untick it to stop offering it."))
        )
        layout.addWidget(self.missing_button, 0, Qt.AlignmentFlag.AlignLeft)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._show_current()

    def _add_item(self, method: MethodRow) -> QListWidgetItem:
        item = QListWidgetItem()
        item.setFlags(
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )
        self.list.addItem(item)
        self._set_row(item, method)
        return item

    def _set_row(self, item: QListWidgetItem, method: MethodRow) -> None:
        """The item shows the method: its name and traits, greyed when not offered."""
        self.list.blockSignals(True)
        item.setData(ROW_ROLE, method)
        traits = method.traits()
        name = method.name or _("(no name yet)")
        item.setText(f"{name} — {traits}" if traits else name)
        item.setCheckState(Qt.CheckState.Unchecked if method.retired else Qt.CheckState.Checked)
        role = QPalette.ColorRole.PlaceholderText if method.retired else QPalette.ColorRole.Text
        item.setForeground(QBrush(self.palette().color(role)))
        item.setToolTip(_("No longer offered") if method.retired else method.description)
        self.list.blockSignals(False)

    def current(self) -> MethodRow | None:
        item = self.list.currentItem()
        if item is None:
            return None
        method: MethodRow = item.data(ROW_ROLE)
        return method

    def _show_current(self, *_args: object) -> None:
        method = self.current()
        self.form.setEnabled(method is not None)
        method = method or MethodRow(None, "")
        for widget in (self.name, self.description, self.vitality, *self._boxes()):
            widget.blockSignals(True)
        self.name.setText(method.name)
        self.description.setPlainText(method.description)
        self.uses_ai.setChecked(method.uses_ai)
        self.with_others.setChecked(method.with_others)
        self.vitality.setText(method.vitality)
        self.in_use.setChecked(not method.retired)
        for widget in (self.name, self.description, self.vitality, *self._boxes()):
            widget.blockSignals(False)
        row = self.list.currentRow()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < self.list.count() - 1)

    def _boxes(self) -> tuple[QCheckBox, ...]:
        return (self.uses_ai, self.with_others, self.in_use)

    def _edited(self, *_args: object) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        method: MethodRow = item.data(ROW_ROLE)
        self._set_row(
            item,
            replace(
                method,
                name=self.name.text(),
                description=self.description.toPlainText(),
                uses_ai=self.uses_ai.isChecked(),
                with_others=self.with_others.isChecked(),
                vitality=self.vitality.text(),
                retired=not self.in_use.isChecked(),
            ),
        )

    def _check_changed(self, item: QListWidgetItem) -> None:
        """Ticked or unticked in the list: offered or not."""
        method: MethodRow = item.data(ROW_ROLE)
        retired = item.checkState() == Qt.CheckState.Unchecked
        if method.retired != retired:
            self._set_row(item, replace(method, retired=retired))
            if item is self.list.currentItem():
                self._show_current()

    def rows(self) -> list[MethodRow]:
        """The library as shown, top to bottom; a new method left empty is none."""
        rows = []
        for index in range(self.list.count()):
            method: MethodRow = self.list.item(index).data(ROW_ROLE)
            if method.id is None and not method.name.strip() and not method.description.strip():
                continue
            rows.append(method)
        return rows

    def has_changes(self) -> bool:
        return self.rows() != self.original

    def add_method(self) -> None:
        item = self._add_item(MethodRow(None, ""))
        self.list.setCurrentItem(item)
        self.name.setFocus()

    def add_missing_defaults(self) -> None:
        shown = {m.name.casefold() for m in self.rows()}
        for method in default_methods():
            if method.name.casefold() not in shown:
                self._add_item(method)

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.list.count():
            return
        self.list.blockSignals(True)
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(target)
