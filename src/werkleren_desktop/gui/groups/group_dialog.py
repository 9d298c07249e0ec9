"""Starting or changing a learning group."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.people import sort_key
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import OptionalDate, date_edit, from_qdate, hint
from werkleren_desktop.i18n import _
from werkleren_desktop.services.groups import group_detail, save_group
from werkleren_desktop.services.people import PersonRow
from werkleren_desktop.services.versions import Stamp


class GroupDialog(FormDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        people: list[PersonRow],
        today: dt.date,
        group: GroupInput | None = None,
        group_id: int | None = None,
        parent: QWidget | None = None,
        stamp: Stamp | None = None,
    ) -> None:
        super().__init__(
            _("Change learning group") if group_id else _("New learning group"), parent
        )
        self.sessions = sessions
        self.people = people
        self.today = today
        self.group_id = group_id
        self.saved_id: int | None = None
        data = group or GroupInput("", today)

        self.name = QLineEdit(data.name)
        self.theme = QPlainTextEdit(data.theme)
        self.theme.setPlaceholderText(
            _(
                "The question or theme the group works on, for example: how do we find the cause "
                "of a fault in one visit?"
            )
        )
        self.theme.setMaximumHeight(80)
        self.expert = QComboBox()
        self.expert.addItem(_("(nobody, or someone from outside)"), None)
        for row in sorted(people, key=lambda r: sort_key(r.first_name, r.last_name)):
            if not row.has_left(today) or row.id == data.expert_id:
                self.expert.addItem(row.full_name, row.id)
        self.expert.setCurrentIndex(max(0, self.expert.findData(data.expert_id)))
        self.expert_name = QLineEdit(data.expert_name)
        self.expert_name.setPlaceholderText(_("Name and organisation"))
        self.expert_contact = QLineEdit(data.expert_contact)
        self.expert_contact.setPlaceholderText(_("E-mail or telephone"))
        self.expert.currentIndexChanged.connect(self._expert_changed)
        self.starts = date_edit(data.starts)
        self.ends = OptionalDate(_("Ends on"), data.ends, today)
        self.fields = {
            "name": self.name,
            "ends": self.ends.edit,
            "expert": self.expert,
            "expert_name": self.expert_name,
        }

        form = QFormLayout()
        form.addRow(_("Name"), self.name)
        form.addRow(_("Question or theme"), self.theme)
        form.addRow(_("Colleague on call"), self.expert)
        form.addRow(_("Or an outside expert"), self.expert_name)
        form.addRow(_("Contact details"), self.expert_contact)
        form.addRow(
            "",
            hint(
                _("An experienced colleague or an expert the group can call on when it gets stuck.")
            ),
        )
        form.addRow(_("Starts on"), self.starts)
        form.addRow(_("End"), self.ends)
        self.setMinimumWidth(560)
        self._expert_changed()
        self.finish_layout(form)
        self.name.setFocus()
        if stamp is not None:
            self.follow_version(stamp, "learning_group", group_id)
            self.record_name = _("learning group “{name}”").format(name=data.name)

    def version_parts(self) -> dict[str, QWidget]:
        return {
            "name": self.name,
            "theme": self.theme,
            "expert": self.expert,
            "expert_name": self.expert_name,
            "expert_contact": self.expert_contact,
            "starts": self.starts,
            "ends": self.ends,
        }

    def read_again(self) -> tuple[FormDialog, Stamp]:
        assert self.group_id is not None
        detail = group_detail(self.sessions, self.group_id, self.today)
        again = GroupDialog(self.sessions, self.people, self.today, detail.group, self.group_id)
        return again, detail.stamp

    def _expert_changed(self) -> None:
        outside = self.expert.currentData() is None
        self.expert_name.setEnabled(outside)
        self.expert_contact.setEnabled(outside)

    def snapshot(self) -> object:
        return (
            self.name.text(),
            self.theme.toPlainText(),
            self.expert.currentIndex(),
            self.expert_name.text(),
            self.expert_contact.text(),
            self.starts.date(),
            self.ends.value(),
        )

    def save(self) -> None:
        outside = self.expert.currentData() is None
        data = GroupInput(
            name=self.name.text(),
            starts=from_qdate(self.starts.date()),
            theme=self.theme.toPlainText(),
            ends=self.ends.value(),
            expert_id=self.expert.currentData(),
            expert_name=self.expert_name.text() if outside else "",
            expert_contact=self.expert_contact.text() if outside else "",
        )
        self.saved_id = save_group(self.sessions, data, self.group_id, self.version)
