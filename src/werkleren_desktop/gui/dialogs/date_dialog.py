"""Asking for one date, with a sentence that says what it is for."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import QFormLayout, QWidget

from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import date_edit, from_qdate, paragraph


class DateDialog(FormDialog):
    """``action`` gets the chosen date; its ValidationError keeps the dialog open."""

    def __init__(
        self,
        title: str,
        question: str,
        label: str,
        day: dt.date,
        action: Callable[[dt.date], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(title, parent)
        self.action = action
        self.date = date_edit(day)
        self.fields = dict.fromkeys(
            ("date", "out_of_service", "left_on", "ends", "joined"), self.date
        )
        form = QFormLayout()
        form.addRow(paragraph(question))
        form.addRow(label, self.date)
        self.finish_layout(form)

    def save(self) -> None:
        self.action(from_qdate(self.date.date()))
