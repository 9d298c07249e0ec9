"""The parts of a form (its fields) as values: to compare what a form read, what its
user typed and what someone else saved meanwhile, and to fill a field with another's
value. Qt's own fields are known here; a widget of the program's own (a date that may
be left out, a list of people) says it itself with ``part_value``, ``set_part_value``
and ``part_text``."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, Protocol, runtime_checkable

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QTimeEdit,
    QWidget,
)

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.gui.widgets import from_qdate
from werkleren_desktop.i18n import _

EMPTY = "—"


@runtime_checkable
class Part(Protocol):
    """A widget that knows its own value as a part of a form."""

    def part_value(self) -> object: ...

    def set_part_value(self, value: Any) -> None: ...

    def part_text(self) -> str: ...


def part_value(widget: QWidget) -> object:
    """What the field holds, comparable between two forms of the same kind."""
    if isinstance(widget, Part):
        return widget.part_value()
    if isinstance(widget, QLineEdit):
        return widget.text().strip()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText().strip()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return data if data is not None or widget.currentIndex() == 0 else widget.currentText()
    if isinstance(widget, QTimeEdit):  # before QDateEdit: a QTimeEdit is a QDateTimeEdit too
        return widget.time().toPython()
    if isinstance(widget, QDateEdit):
        return widget.date().toPython()
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    raise TypeError(f"no part value for {type(widget).__name__}")


def canonical(value: object) -> str:
    """A part's value as text that compares the same after a trip through a draft's
    JSON (a date and its ISO text, a tuple and a list)."""
    return json.dumps(value, default=str, sort_keys=True, ensure_ascii=False)


def as_json(values: dict[str, object]) -> dict[str, Any]:
    """Part values as a draft keeps them."""
    loaded: dict[str, Any] = json.loads(canonical(values))
    return loaded


def part_text(widget: QWidget) -> str:
    """What the field holds, as its user reads it."""
    if isinstance(widget, Part):
        return widget.part_text() or EMPTY
    if isinstance(widget, QComboBox):
        return widget.currentText() or EMPTY
    if isinstance(widget, QAbstractButton):
        return _("Yes") if widget.isChecked() else _("No")
    if isinstance(widget, QDateEdit) and not isinstance(widget, QTimeEdit):
        return format_date(from_qdate(widget.date()))
    value = part_value(widget)
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    return str(value) or EMPTY


def set_part_value(widget: QWidget, value: Any, text: str = "") -> None:
    """Fill the field with ``value`` (read from the same field of another form; ``text``
    is how that form showed it, for a choice this form's list lacks)."""
    if isinstance(widget, Part):
        widget.set_part_value(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(value)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setPlainText(value)
    elif isinstance(widget, QComboBox):
        index = widget.findData(value) if value is not None else 0
        if index < 0 and isinstance(value, str):
            index = widget.findText(value)
        if index < 0:  # someone no longer in this form's list (who left since)
            widget.addItem(text, value)
            index = widget.count() - 1
        widget.setCurrentIndex(index)
    elif isinstance(widget, QTimeEdit):
        widget.setTime(value)
    elif isinstance(widget, QDateEdit):
        widget.setDate(value)
    elif isinstance(widget, QSpinBox | QDoubleSpinBox):
        widget.setValue(value)
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(bool(value))
    else:
        raise TypeError(f"cannot fill {type(widget).__name__}")
