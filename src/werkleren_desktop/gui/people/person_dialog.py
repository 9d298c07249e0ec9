"""Adding or changing a person."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.people import (
    PersonInput,
    format_hours,
    parse_birth_year,
    parse_hours,
    sort_key,
)
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.training.functions import requires_text
from werkleren_desktop.gui.widgets import OptionalDate, date_edit, from_qdate, hint
from werkleren_desktop.i18n import _, current_language
from werkleren_desktop.services.functions import list_functions
from werkleren_desktop.services.people import PersonRow, read_person, save_person
from werkleren_desktop.services.versions import Stamp


class PersonDialog(FormDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        people: list[PersonRow],
        today: dt.date,
        person: PersonInput | None = None,
        person_id: int | None = None,
        parent: QWidget | None = None,
        stamp: Stamp | None = None,
    ) -> None:
        super().__init__(_("Change person") if person_id else _("New person"), parent)
        self.sessions = sessions
        self.today = today
        self.person_id = person_id
        self.people = people
        self.saved_id: int | None = None
        data = person or PersonInput("", "", today)

        self.first_name = QLineEdit(data.first_name)
        self.last_name = QLineEdit(data.last_name)
        self.last_name.setPlaceholderText(_("For example: van den Berg"))
        self.email = QLineEdit(data.email)
        # the job title names a function of the list (offered as one types) or stays as
        # typed; the hint below says which
        self.job_title = QLineEdit(data.job_title)
        self.functions = {f.name.casefold(): f for f in list_functions(sessions)}
        names = sorted((f.name for f in self.functions.values()), key=str.casefold)
        completer = QCompleter(names, self.job_title)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.job_title.setCompleter(completer)
        self.function_hint = hint("")
        self.job_title.textChanged.connect(lambda _text: self._show_function())
        self.manager = QComboBox()
        self.manager.addItem(_("(no manager)"), None)
        for row in sorted(people, key=lambda r: sort_key(r.first_name, r.last_name)):
            stays = not row.has_left(today) or row.id == data.manager_id
            if row.id != person_id and stays:
                self.manager.addItem(row.full_name, row.id)
        self.manager.setCurrentIndex(max(0, self.manager.findData(data.manager_id)))
        self.in_service = date_edit(data.in_service)
        self.out_of_service = OptionalDate(_("Left on"), data.out_of_service, today)
        self.birth_year = QLineEdit("" if data.birth_year is None else str(data.birth_year))
        self.birth_year.setPlaceholderText(_("For example: 1987"))
        self.birth_year.setMaximumWidth(120)
        self.hours = QLineEdit(format_hours(data.contract_minutes, current_language()))
        self.hours.setPlaceholderText(_("For example: 32"))
        self.hours.setMaximumWidth(120)
        self.last_conversation = OptionalDate(_("Held on"), data.last_conversation_on, today)
        self.last_conversation.setToolTip(
            _(
                "For the time before this program: when the last talent conversation was "
                "held. A conversation recorded under Conversations counts by itself."
            )
        )
        self.notes = QPlainTextEdit(data.notes)
        self.notes.setMaximumHeight(90)
        self.fields = {
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "job_title": self.job_title,
            "manager": self.manager,
            "in_service": self.in_service,
            "out_of_service": self.out_of_service.edit,
            "birth_year": self.birth_year,
            "contract_hours": self.hours,
            "last_conversation_on": self.last_conversation.edit,
        }

        form = QFormLayout()
        form.addRow(_("First name"), self.first_name)
        form.addRow(_("Surname"), self.last_name)
        form.addRow(_("E-mail (optional)"), self.email)
        form.addRow(_("Job title"), self.job_title)
        form.addRow("", self.function_hint)
        form.addRow(_("Manager"), self.manager)
        form.addRow(_("In service"), self.in_service)
        form.addRow(_("Out of service"), self.out_of_service)
        form.addRow(_("Hours per week"), self.hours)
        form.addRow(_("Birth year (optional)"), self.birth_year)
        form.addRow(
            "",
            hint(
                _("The birth year is only used to show the mix of generations in learning groups.")
            ),
        )
        form.addRow(_("Last conversation"), self.last_conversation)
        form.addRow(_("Notes"), self.notes)
        self.setMinimumWidth(520)
        self._show_function()
        self.finish_layout(form)
        self.first_name.setFocus()
        if stamp is not None:
            self.follow_version(stamp, "person", person_id)
            self.record_name = data.full_name

    def _show_function(self) -> None:
        """Which function the job title names and what it requires, or that it names
        none (while the organisation keeps functions)."""
        title = self.job_title.text().strip()
        function = self.functions.get(title.casefold())
        if function is not None:
            said = _("Function {name}; requires: {needs}.").format(
                name=function.name, needs=requires_text(function)
            )
        elif title and self.functions:
            said = _("Names no function of the list (Training › Who holds what › Functions…).")
        else:
            said = ""
        self.function_hint.setText(said)
        self.function_hint.setVisible(bool(said))

    def version_parts(self) -> dict[str, QWidget]:
        return {
            **self.fields,
            "out_of_service": self.out_of_service,
            "last_conversation_on": self.last_conversation,
            "notes": self.notes,
        }

    def read_again(self) -> tuple[FormDialog, Stamp]:
        assert self.person_id is not None
        person, stamp = read_person(self.sessions, self.person_id)
        again = PersonDialog(self.sessions, self.people, self.today, person, self.person_id)
        return again, stamp

    def form_input(self) -> PersonInput:
        return PersonInput(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            in_service=from_qdate(self.in_service.date()),
            email=self.email.text(),
            job_title=self.job_title.text(),
            manager_id=self.manager.currentData(),
            out_of_service=self.out_of_service.value(),
            birth_year=parse_birth_year(self.birth_year.text()),
            contract_minutes=parse_hours(self.hours.text()),
            notes=self.notes.toPlainText(),
            last_conversation_on=self.last_conversation.value(),
        )

    def snapshot(self) -> object:
        return (
            self.first_name.text(),
            self.last_name.text(),
            self.email.text(),
            self.job_title.text(),
            self.manager.currentIndex(),
            self.in_service.date(),
            self.out_of_service.value(),
            self.birth_year.text(),
            self.hours.text(),
            self.notes.toPlainText(),
            self.last_conversation.value(),
        )

    def save(self) -> None:
        self.saved_id = save_person(
            self.sessions, self.form_input(), self.today, self.person_id, self.version
        )
