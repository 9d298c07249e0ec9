"""Planning one week cycle or a series: the planner proposes, conflicts show before saving."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import replace

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.calendar import WorkCalendar
from werkleren_desktop.domain.cycles import (
    DEFAULT_DURATION,
    DEFAULT_START,
    MAX_SERIES,
    CycleProposal,
    SessionTimes,
    propose_series,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.errors import ValidationError
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import date_edit, from_qdate, hint, section
from werkleren_desktop.i18n import _
from werkleren_desktop.services.cycles import CycleDraft, check_conflicts, plan_series
from werkleren_desktop.services.groups import GroupRow

WARNING_STYLE = "color: #8a5300;"


class PlanCycleDialog(FormDialog):
    def __init__(
        self,
        sessions: SessionFactory,
        groups: list[GroupRow],
        calendar: WorkCalendar,
        outline: list[str],
        today: dt.date,
        group_id: int | None = None,
        parent: QWidget | None = None,
        question: str = "",
        cause: tuple[int, str] | None = None,
    ) -> None:
        """``cause``: the situation of the log (id, title) the cycle takes up, when the
        cycle is started from it; ``question``, the question it starts with."""
        super().__init__(_("Plan a week cycle"), parent)
        self.sessions = sessions
        self.calendar = calendar
        self.cause = cause
        self.saved_ids: list[int] = []
        self.proposals: list[CycleProposal] = []
        self.conflicts: list[str] = []

        self.group = QComboBox()
        for row in groups:
            self.group.addItem(row.name, row.id)
        self.group.setCurrentIndex(max(0, self.group.findData(group_id)))
        monday = today + dt.timedelta(days=(7 - today.weekday()) % 7 or 7)
        self.start = date_edit(monday)
        self.count = QSpinBox()
        self.count.setRange(1, MAX_SERIES)
        self.interval = QSpinBox()
        self.interval.setRange(1, 52)
        self.interval.setValue(6)
        self.interval.setSuffix(" " + _("weeks"))
        series = QHBoxLayout()
        series.addWidget(self.count)
        series.addWidget(QLabel(_("every")))
        series.addWidget(self.interval)
        series.addStretch(1)
        self.time = QTimeEdit(QTime(DEFAULT_START.hour, DEFAULT_START.minute))
        self.time.setDisplayFormat("HH:mm")
        self.duration = QSpinBox()
        self.duration.setRange(5, 480)
        self.duration.setSingleStep(15)
        self.duration.setValue(DEFAULT_DURATION)
        self.duration.setSuffix(" " + _("minutes"))
        when = QHBoxLayout()
        when.addWidget(self.time)
        when.addWidget(self.duration)
        when.addStretch(1)
        self.location = QLineEdit()
        self.location.setPlaceholderText(_("A comfortable room, for example the learning room"))
        self.themes = [QLineEdit(theme) for theme in outline]
        self.question = QPlainTextEdit(question)
        self.question.setTabChangesFocus(True)
        self.question.setMaximumHeight(56)
        self.question.setPlaceholderText(
            _("The question the group works on (it can also be written in the workbook later)")
        )
        self.proposal = QLabel()
        self.proposal.setWordWrap(True)
        self.proposal.setTextFormat(Qt.TextFormat.RichText)
        self.proposal.setMinimumHeight(60)
        self.fields = {
            "count": self.count,
            "interval": self.interval,
            "duration": self.duration,
            "location": self.location,
            "question": self.question,
        }

        form = QFormLayout()
        form.addRow(_("Learning group"), self.group)
        form.addRow(_("Starts on"), self.start)
        form.addRow(_("Number of cycles"), series)
        form.addRow(_("Time"), when)
        form.addRow(_("Location"), self.location)
        form.addRow(_("Question"), self.question)
        if cause is not None:
            form.addRow(
                "",
                hint(
                    _("Takes up the situation “{title}” from the learning log.").format(
                        title=cause[1]
                    )
                ),
            )
        for number, edit in enumerate(self.themes, start=1):
            form.addRow(_("Theme of day {n}").format(n=number), edit)
        column = QVBoxLayout()
        column.addLayout(form)
        column.addWidget(
            hint(
                _(
                    "Four consecutive working days, one hour a day. Weekends, public holidays and "
                    "closing days are skipped; when the chosen week has no room, the nearest start "
                    "that has is proposed."
                )
            )
        )
        column.addWidget(section(_("What will be planned")))
        column.addWidget(self.proposal)
        self.setMinimumWidth(620)
        self.finish_layout(column)
        for signal in (
            self.group.currentIndexChanged,
            self.start.dateChanged,
            self.count.valueChanged,
            self.interval.valueChanged,
            self.time.timeChanged,
            self.duration.valueChanged,
            self.location.textChanged,
        ):
            signal.connect(self.update_proposal)
        self.update_proposal()

    def times(self) -> SessionTimes:
        value = self.time.time()
        return SessionTimes(
            dt.time(value.hour(), value.minute()), self.duration.value(), self.location.text()
        )

    def drafts(self) -> list[CycleDraft]:
        """A draft per cycle; the first takes up the question and the situation, the
        others of a series start without (each gets its own in its workbook)."""
        themes = tuple(edit.text() for edit in self.themes)
        drafts = [
            CycleDraft(self.group.currentData(), p.days, self.times(), themes)
            for p in self.proposals
            if p.days
        ]
        if drafts:
            drafts[0] = replace(
                drafts[0],
                question=self.question.toPlainText(),
                situation_ids=(self.cause[0],) if self.cause is not None else (),
            )
        return drafts

    def update_proposal(self) -> None:
        self.error_label.clear_message()
        try:
            self.proposals = propose_series(
                self.calendar,
                from_qdate(self.start.date()),
                self.count.value(),
                self.interval.value(),
            )
        except ValidationError as error:
            self.show_error(error)
            return
        self.conflicts = []
        if self.group.currentData() is not None:
            for draft in self.drafts():
                self.conflicts += check_conflicts(self.sessions, draft)
        lines = []
        for proposal in self.proposals:
            if not proposal.days:
                lines.append(
                    html.escape(proposal.problem)
                    + " "
                    + html.escape(
                        _("No start with four consecutive working days was found nearby.")
                    )
                )
                continue
            text = html.escape(
                _("{first} to {last}").format(
                    first=format_date(proposal.days[0], "full"),
                    last=format_date(proposal.days[-1], "full"),
                )
            )
            if proposal.moved:
                text += (
                    f"<br><span style='{WARNING_STYLE}'>"
                    + html.escape(_("Moved: {reason}").format(reason=proposal.problem))
                    + "</span>"
                )
            lines.append(text)
        for conflict in self.conflicts:
            lines.append(
                f"<span style='{WARNING_STYLE}'><b>" + html.escape(conflict) + "</b></span>"
            )
        self.proposal.setText("<br>".join(lines))
        self.save_button.setText(
            _("Plan {n} cycles").format(n=len(self.drafts()))
            if len(self.drafts()) > 1
            else _("Plan")
        )
        self.save_button.setEnabled(bool(self.drafts()))

    def snapshot(self) -> object:
        return (
            self.location.text(),
            tuple(edit.text() for edit in self.themes),
            self.question.toPlainText(),
        )

    def save(self) -> bool:
        self.update_proposal()
        if self.group.currentData() is None:
            raise ValidationError(_("Start a learning group first."), "group")
        if self.conflicts and not prompts.confirm(
            self,
            _("Conflicts"),
            _(
                "The plan clashes with other sessions or members' dates:\n\n{list}\n\nPlan it "
                "anyway?"
            ).format(list="\n".join(self.conflicts)),
            _("Plan anyway"),
            _("Change the plan"),
        ):
            return False
        self.saved_ids = plan_series(self.sessions, self.drafts(), accepted=self.conflicts)
        return True
