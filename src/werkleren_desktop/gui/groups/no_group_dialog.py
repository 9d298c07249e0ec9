"""The people in service who are in no learning group, to add to one: the way to
"everyone in a mixed group"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QListWidget, QListWidgetItem, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import date_edit, from_qdate, hint
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.groups import GroupRow, Outsider, add_members

ID_ROLE = Qt.ItemDataRole.UserRole


class NoGroupDialog(FormDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        outsiders: tuple[Outsider, ...],
        groups: list[GroupRow],
        today: dt.date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("People in no learning group"), parent)
        self.sessions = sessions
        self.added = 0
        self.people = QListWidget()
        self.people.setAccessibleName(_("People in no learning group"))
        for outsider in outsiders:
            label = (
                f"{outsider.name} — {outsider.job_title}" if outsider.job_title else outsider.name
            )
            item = QListWidgetItem(label)
            item.setData(ID_ROLE, outsider.person_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.people.addItem(item)
        if self.people.count():
            self.people.setCurrentRow(0)  # Space ticks at once, reached with Tab
        self.group = QComboBox()
        for row in groups:
            members = n_("{n} member", "{n} members", row.members).format(n=row.members)
            self.group.addItem(f"{row.name} ({members})", row.id)
        self.joined = date_edit(today)
        self.save_button.setText(_("Add to the group"))
        self.fields = {"person": self.people, "group": self.group, "joined": self.joined}
        form = QFormLayout()
        form.addRow(
            "",
            hint(
                _(
                    "Everyone in service who is in no active learning group. Tick who joins "
                    "a group, and choose the group."
                )
            ),
        )
        form.addRow(_("People"), self.people)
        form.addRow(_("Learning group"), self.group)
        form.addRow(_("Member from"), self.joined)
        self.setMinimumWidth(520)
        self.finish_layout(form)

    def chosen(self) -> tuple[int, ...]:
        return tuple(
            self.people.item(i).data(ID_ROLE)
            for i in range(self.people.count())
            if self.people.item(i).checkState() == Qt.CheckState.Checked
        )

    def snapshot(self) -> object:
        return self.chosen()

    def save(self) -> None:
        group_id = self.group.currentData()
        if group_id is None:
            raise ValidationError(_("Start a learning group first."), "group")
        chosen = self.chosen()
        add_members(self.sessions, group_id, chosen, from_qdate(self.joined.date()))
        self.added = len(chosen)
