"""Adding someone to a learning group from a given date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.groups import generation_label, generation_of
from werkleren_desktop.domain.people import sort_key
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import date_edit, find_by_any_part, from_qdate
from werkleren_desktop.i18n import _
from werkleren_desktop.services.groups import add_member
from werkleren_desktop.services.people import PersonRow


class MemberDialog(FormDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        group_id: int,
        group_name: str,
        candidates: list[PersonRow],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Add a member to {group}").format(group=group_name), parent)
        self.sessions = sessions
        self.group_id = group_id
        self.person = QComboBox()
        self.person.setEditable(True)  # type to find someone among hundreds
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for row in sorted(candidates, key=lambda r: sort_key(r.first_name, r.last_name)):
            generation = (
                f" · {generation_label(generation_of(row.birth_year, today))}"
                if row.birth_year
                else ""
            )
            self.person.addItem(f"{row.full_name} — {row.job_title}{generation}", row.id)
        find_by_any_part(self.person)
        self.person.setCurrentIndex(-1)
        line = self.person.lineEdit()
        if line is not None:
            line.setPlaceholderText(_("Type a name"))
        self.joined = date_edit(today)
        self.fields = {"person": self.person, "joined": self.joined}
        form = QFormLayout()
        form.addRow(_("Person"), self.person)
        form.addRow(_("Member from"), self.joined)
        self.setMinimumWidth(480)
        self.finish_layout(form)

    def snapshot(self) -> object:
        return self.person.currentIndex()

    def save(self) -> None:
        person_id = self.person.currentData() if self.person.currentIndex() >= 0 else None
        matched = self.person.findText(self.person.currentText())
        if person_id is None or matched < 0:
            raise ValidationError(_("Choose a person from the list."), "person")
        add_member(self.sessions, self.group_id, person_id, from_qdate(self.joined.date()))
