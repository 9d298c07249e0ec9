"""Acting as a user in GUI tests."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot


def type_text(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type like keyClicks, also letters such as ş and ë that QTest cannot map to a key."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def clear_and_type(qtbot: QtBot, widget: QWidget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    type_text(qtbot, widget, text)


def pick(picker: Any, name: str) -> None:
    """Tick ``name`` in a PeoplePicker, found by typing it in the picker's search."""
    picker.search.setText(name)
    for index in range(picker.list.count()):
        item = picker.list.item(index)
        if not item.isHidden() and item.text().startswith(name):
            item.setCheckState(Qt.CheckState.Checked)
