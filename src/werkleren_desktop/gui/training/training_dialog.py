"""Recording formal training, for one person or several at once."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.constants import (
    TrainingForm,
    TrainingStatus,
)
from werkleren_desktop.domain.conversations import add_months
from werkleren_desktop.domain.money import format_euro_plain, parse_euro
from werkleren_desktop.domain.people import format_hours
from werkleren_desktop.domain.training import (
    FORM_LABELS,
    TRAINING_STATUS_LABELS,
    TrainingInput,
    parse_training_hours,
)
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.situations.people_picker import PeoplePicker
from werkleren_desktop.gui.training.functions import SkillChoice
from werkleren_desktop.gui.widgets import OptionalDate, date_edit, from_qdate, hint, scrolling
from werkleren_desktop.i18n import _, current_language
from werkleren_desktop.services.certificates import list_certificate_types
from werkleren_desktop.services.people import PersonRow
from werkleren_desktop.services.training import read_training, save_training
from werkleren_desktop.services.versions import Stamp

TYPED = "typed"  # the certificate's item for a name typed before there were types


class TrainingDialog(FormDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        people: list[PersonRow],
        today: dt.date,
        training: TrainingInput | None = None,
        training_id: int | None = None,
        parent: QWidget | None = None,
        stamp: Stamp | None = None,
    ) -> None:
        super().__init__(_("Change training") if training_id else _("New training"), parent)
        self.sessions = sessions
        self.all_people = people
        self.today = today
        self.training_id = training_id
        self.saved_ids: list[int] = []
        data = training or TrainingInput((), "", TrainingForm.COURSE, today, today)
        chosen = data.person_ids
        shown = [p for p in people if not p.has_left(today) or p.id in chosen]
        self.people = PeoplePicker(shown, chosen)
        self.title = QLineEdit(data.title)
        self.provider = QLineEdit(data.provider)
        self.form = QComboBox()
        for kind, label in FORM_LABELS.items():
            self.form.addItem(_(label), kind)
        self.form.setCurrentIndex(self.form.findData(data.form))
        self.starts_on = date_edit(data.starts_on)
        self.ends_on = date_edit(data.ends_on)
        self.starts_on.dateChanged.connect(
            lambda day: self.ends_on.setDate(day) if self.ends_on.date() < day else None
        )
        language = current_language()
        self.hours = QLineEdit(format_hours(data.minutes, language) if data.minutes else "")
        self.hours.setPlaceholderText(_("for example 7,5"))
        self.cost = QLineEdit(format_euro_plain(data.cost_cents) if data.cost_cents else "")
        self.cost.setPlaceholderText(_("per person, for example 450,00"))
        for edit in (self.hours, self.cost):
            edit.setMaximumWidth(160)
        self.required = QCheckBox(_("Required for the job (art. 7:611a BW)"))
        self.required.setChecked(data.required)
        self.in_working_time = QCheckBox(_("In working time"))
        self.in_working_time.setChecked(data.in_working_time)
        self.status = QComboBox()
        for status, label in TRAINING_STATUS_LABELS.items():
            self.status.addItem(_(label), status)
        self.status.setCurrentIndex(self.status.findData(data.status))
        # the certificate by its type, whose rule gives the expiry; a name typed before
        # there were types stays until it is linked to one
        self.types = {
            t.id: t
            for t in list_certificate_types(sessions, include_retired=True)
            if not t.retired or t.id == data.certificate_type_id
        }
        self.typed_name = data.certificate if data.certificate_type_id is None else ""
        self.certificate = QComboBox()
        self.certificate.addItem(_("— no certificate —"), None)
        for type_id, row in self.types.items():
            self.certificate.addItem(row.name, type_id)
        if self.typed_name:
            self.certificate.addItem(
                _("{name} (typed, no type yet)").format(name=self.typed_name), TYPED
            )
        chosen_type = data.certificate_type_id or (TYPED if self.typed_name else None)
        self.certificate.setCurrentIndex(max(0, self.certificate.findData(chosen_type)))
        self.refresher = QCheckBox(_("Refresher course: renews a certificate held"))
        self.refresher.setChecked(data.refresher)
        self.rule_hint = hint("")
        self.expires = OptionalDate(
            _("expires on"),
            data.certificate_expires_on,
            add_months(data.starts_on, 12),  # 29 February: the 28th
        )
        # the skill it grants once followed, at a level (domain.qualifications); level 3
        # (on their own) proposed
        self.skill_choice = SkillChoice(
            sessions, data.skill_id, data.skill_level, 3,
            (_("Skill it grants"), _("Level it grants")),
        )  # fmt: skip
        self.skill, self.skill_level = self.skill_choice.skill, self.skill_choice.level
        self.study_cost = QCheckBox(_("Study-cost agreement (repayment clause)"))
        self.study_cost.setChecked(data.study_cost_agreement)
        self.study_cost_hint = hint("")
        self.required.toggled.connect(self._required_toggled)
        self.certificate.currentIndexChanged.connect(lambda _index: self._certificate_changed())
        self.ends_on.dateChanged.connect(lambda _day: self._certificate_changed())
        self.notes = QPlainTextEdit(data.notes)
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        self.fields = {
            "people": self.people.search,
            "title": self.title,
            "ends_on": self.ends_on,
            "hours": self.hours,
            "cost": self.cost,
            "status": self.status,
            "certificate": self.certificate,
            "refresher": self.refresher,
            "certificate_expires_on": self.expires.edit,
            "skill": self.skill,
            "skill_level": self.skill_level,
            "study_cost_agreement": self.study_cost,
        }

        layout = QFormLayout()
        layout.addRow(_("Who follows it"), self.people)
        if training_id is None:
            layout.addRow(
                "",
                hint(_("Choose several people to record the same training for each of them.")),
            )
        layout.addRow(_("Title"), self.title)
        layout.addRow(_("Provider"), self.provider)
        layout.addRow(_("Form"), self.form)
        layout.addRow(_("Starts on"), self.starts_on)
        layout.addRow(_("Ends on"), self.ends_on)
        layout.addRow(_("Hours"), self.hours)
        layout.addRow(_("Cost"), self.cost)
        layout.addRow("", self.required)
        layout.addRow("", self.in_working_time)
        layout.addRow(_("Status"), self.status)
        layout.addRow(_("Certificate"), self.certificate)
        layout.addRow("", self.rule_hint)
        layout.addRow("", self.refresher)
        layout.addRow("", self.expires)
        layout.addRow(_("Skill it grants"), self.skill_choice)
        # (no row while the organisation keeps no skills)
        layout.setRowVisible(self.skill_choice, self.skill_choice.has_skills())
        layout.addRow("", self.study_cost)
        layout.addRow("", self.study_cost_hint)
        layout.addRow(_("Notes"), self.notes)
        content = QWidget()
        content.setLayout(layout)
        column = QVBoxLayout()
        column.addWidget(scrolling(content))
        self.setMinimumSize(640, 640)
        self._required_toggled(data.required)
        self._show_rule()
        if training_id is None and data.certificate_type_id and not data.certificate_expires_on:
            self._certificate_changed()  # a renewal planned: the expiry its rule gives
        self.finish_layout(column)
        self.title.setFocus()
        if stamp is not None:
            self.follow_version(stamp, "training", training_id)
            self.record_name = _("training “{title}”").format(title=data.title)

    def _required_toggled(self, required: bool) -> None:
        """Required training is free for the employee: no study-cost agreement then."""
        if required:
            self.study_cost.setChecked(False)
        self.study_cost.setEnabled(not required)
        self.study_cost_hint.setText(
            _(
                "Not possible for training required for the job: it is free for the "
                "employee and counts as working time."
            )
            if required
            else ""
        )
        self.study_cost_hint.setVisible(required)
        if required:
            self.in_working_time.setChecked(True)

    def chosen_type(self) -> int | None:
        chosen = self.certificate.currentData()
        return chosen if isinstance(chosen, int) else None

    def _show_rule(self) -> None:
        """The chosen type's rule beside it; a refresher only where it renews."""
        row = self.types.get(self.chosen_type() or 0)
        self.rule_hint.setText(row.rule.describe() if row is not None else "")
        self.rule_hint.setVisible(row is not None)
        renews = row is not None and row.rule.refresher_renews
        if not renews:
            self.refresher.setChecked(False)
        self.refresher.setEnabled(renews)

    def _certificate_changed(self) -> None:
        """A type chosen (or the last day moved) sets the expiry its rule gives; the
        user may change it after."""
        self._show_rule()
        row = self.types.get(self.chosen_type() or 0)
        if row is not None:
            self.expires.set_value(row.rule.expires_on(from_qdate(self.ends_on.date())))
        elif self.certificate.currentData() is None:
            self.expires.set_value(None)

    def form_input(self) -> TrainingInput:
        cost = self.cost.text().strip()
        return TrainingInput(
            person_ids=self.people.chosen(),
            title=self.title.text(),
            form=TrainingForm(self.form.currentData()),
            starts_on=from_qdate(self.starts_on.date()),
            ends_on=from_qdate(self.ends_on.date()),
            minutes=parse_training_hours(self.hours.text()),
            cost_cents=parse_euro(cost, field="cost") if cost else 0,
            provider=self.provider.text(),
            required=self.required.isChecked(),
            in_working_time=self.in_working_time.isChecked(),
            status=TrainingStatus(self.status.currentData()),
            certificate=self.typed_name if self.certificate.currentData() == TYPED else "",
            certificate_expires_on=self.expires.value(),
            study_cost_agreement=self.study_cost.isChecked(),
            notes=self.notes.toPlainText(),
            certificate_type_id=self.chosen_type(),
            refresher=self.refresher.isChecked(),
            skill_id=self.skill.currentData(),
            skill_level=self.skill_level.currentData(),
        )

    def version_parts(self) -> dict[str, QWidget]:
        return {
            "people": self.people,
            "title": self.title,
            "provider": self.provider,
            "form": self.form,
            "starts_on": self.starts_on,
            "ends_on": self.ends_on,
            "hours": self.hours,
            "cost": self.cost,
            "required": self.required,
            "in_working_time": self.in_working_time,
            "status": self.status,
            "certificate": self.certificate,
            "refresher": self.refresher,
            "certificate_expires_on": self.expires,
            "skill": self.skill,
            "skill_level": self.skill_level,
            "study_cost_agreement": self.study_cost,
            "notes": self.notes,
        }

    def read_again(self) -> tuple[FormDialog, Stamp]:
        assert self.training_id is not None
        training, stamp = read_training(self.sessions, self.training_id)
        again = TrainingDialog(
            self.sessions, self.all_people, self.today, training, self.training_id
        )
        return again, stamp

    def snapshot(self) -> object:
        return (
            self.people.chosen(),
            self.title.text(),
            self.provider.text(),
            self.hours.text(),
            self.cost.text(),
            self.certificate.currentIndex(),
            self.refresher.isChecked(),
            self.expires.value(),
            self.skill.currentIndex(),
            self.skill_level.currentIndex(),
            self.notes.toPlainText(),
        )

    @property
    def saved_id(self) -> int | None:
        """The first record saved, for the list to follow."""
        return self.saved_ids[0] if self.saved_ids else None

    def save(self) -> None:
        self.saved_ids = save_training(
            self.sessions, self.form_input(), self.today, self.training_id, self.version
        )
