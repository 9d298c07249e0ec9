"""Moving one session to another day or time."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QDateTimeEdit, QFormLayout, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import paragraph
from werkleren_desktop.i18n import _
from werkleren_desktop.services.cycles import move_session


class MoveSessionDialog(FormDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        session_id: int,
        starts_at: dt.datetime,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Move session"), parent)
        self.sessions = sessions
        self.session_id = session_id
        self.warning: str | None = None
        self.when = QDateTimeEdit(
            QDateTime(
                QDate(starts_at.year, starts_at.month, starts_at.day),
                QTime(starts_at.hour, starts_at.minute),
            )
        )
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("dd-MM-yyyy HH:mm")
        form = QFormLayout()
        form.addRow(
            paragraph(
                _("Calendars that imported the export get the new time with the next export.")
            )
        )
        form.addRow(_("New day and time"), self.when)
        self.finish_layout(form)

    def save(self) -> None:
        value = self.when.dateTime().toPython()
        assert isinstance(value, dt.datetime)
        self.warning = move_session(self.sessions, self.session_id, value.replace(tzinfo=None))
