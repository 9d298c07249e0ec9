"""A new colleague's onboarding plan from the person page: made (the usual steps, the
certificates the function requires, an experienced colleague as buddy, the first talent
conversation), then ticked off step by step, and printed as a checklist."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.onboarding_checklist import checklist_pdf
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.onboarding import (
    MAX_WORKING_DAY,
    OWNER_LABELS,
    OnboardingInput,
    StepInput,
    StepOwner,
    working_day,
)
from werkleren_desktop.gui import errors
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.widgets import ErrorLabel, date_edit, from_qdate, hint, paragraph
from werkleren_desktop.i18n import _
from werkleren_desktop.services.onboarding import (
    BuddyCandidate,
    PlanView,
    Proposal,
    StepRow,
    mark_step,
    read_plan,
    save_plan,
)
from werkleren_desktop.services.organisation import calendar_of, load_settings

TITLE, DAY, DATE, OWNER = range(4)  # the steps table's columns


def buddy_text(candidate: BuddyCandidate) -> str:
    """ "Ria Kramer · Monteur · since 2014 (same function)"."""
    why = [
        said
        for said, holds in ((_("same function"), candidate.same_function),
                            (_("same team"), candidate.same_team))
        if holds
    ]  # fmt: skip
    since = _("since {year}").format(year=candidate.in_service.year)
    parts = [p for p in (candidate.name, candidate.job_title, since) if p]
    return " · ".join(parts) + (f" ({', '.join(why)})" if why else "")


class OnboardingDialog(FormDialog):
    """The plan: first day, buddy, the steps (each on a working day, with its date as the
    organisation's calendar gives it), and the first talent conversation."""

    def __init__(
        self,
        sessions: SessionFactory,
        proposal: Proposal,
        plan: PlanView | None,
        today: Callable[[], dt.date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Onboarding plan of {name}").format(name=proposal.person_name), parent)
        self.sessions = sessions
        self.today = today
        self.person_id = proposal.person_id
        self.calendar = calendar_of(sessions)
        self.starts_on = date_edit(plan.starts_on if plan else proposal.starts_on)
        self.buddy = QComboBox()
        self.buddy.addItem(_("— no buddy yet —"), None)
        for candidate in proposal.candidates:
            self.buddy.addItem(buddy_text(candidate), candidate.id)
        chosen = plan.buddy_id if plan else (proposal.candidates[0].id if proposal.candidates
                                             else None)  # fmt: skip
        self.buddy.setCurrentIndex(max(0, self.buddy.findData(chosen)))
        self.steps = QTableWidget(0, 4)
        self.steps.setHorizontalHeaderLabels([_("Step"), _("Working day"), _("Date"), _("Whose")])
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        for place, width in ((DAY, 90), (DATE, 100), (OWNER, 170)):
            self.steps.setColumnWidth(place, width)
        self.steps.verticalHeader().hide()
        self.steps.setTabKeyNavigation(False)
        self.conversation_rows: set[int] = set()
        steps = (
            [StepInput(s.title, s.working_day, s.owner) for s in plan.steps]
            if plan
            else list(proposal.steps)
        )
        for step in steps:
            self._add_row(step)
        self.add_button = QPushButton(_("Add a step"))
        self.add_button.clicked.connect(lambda: self._add_row(StepInput("", 1), edit=True))
        self.remove_button = QPushButton(_("Remove the step"))
        self.remove_button.clicked.connect(self._remove_row)
        self.plan_conversation = QCheckBox(_("Plan the first talent conversation on its day"))
        self.plan_conversation.setChecked(plan is None and proposal.has_manager)
        self.plan_conversation.setEnabled(proposal.has_manager)
        if not proposal.has_manager:
            self.plan_conversation.setToolTip(_("Without a manager there is no one to hold it."))
        self.starts_on.dateChanged.connect(lambda _day: self._dates())
        self.fields = {
            "starts_on": self.starts_on,
            "buddy": self.buddy,
            "steps": self.steps,
            "plan_conversation": self.plan_conversation,
        }
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(_("First day"), self.starts_on)
        form.addRow(_("Buddy"), self.buddy)
        about_buddy = hint(
            _(
                "An experienced colleague to ask anything: of the same function "
                "and team where there is one, longest in service first."
            )
        )
        # (measured at the form's width: a form sizes a wrapped line by its narrow width)
        about_buddy.setMinimumWidth(560)
        form.addRow("", about_buddy)  # fmt: skip
        column = QVBoxLayout()
        column.addLayout(form)
        column.addWidget(QLabel(_("Steps (days counted on the organisation's working days)")))
        column.addWidget(self.steps, 1)
        column.addLayout(buttons)
        column.addWidget(self.plan_conversation)
        self.setMinimumSize(760, 560)
        self._dates()
        self.finish_layout(column)
        self.starts_on.setFocus()

    def _add_row(self, step: StepInput, edit: bool = False) -> None:
        row = self.steps.rowCount()
        self.steps.insertRow(row)
        title = QTableWidgetItem(step.title)
        self.steps.setItem(row, TITLE, title)
        day = QSpinBox()
        day.setRange(1, MAX_WORKING_DAY)
        day.setValue(step.working_day)
        day.valueChanged.connect(lambda _value: self._dates())
        self.steps.setCellWidget(row, DAY, day)
        date = QTableWidgetItem("")
        date.setFlags(date.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.steps.setItem(row, DATE, date)
        owner = QComboBox()
        for kind, label in OWNER_LABELS.items():
            owner.addItem(_(label), kind)
        owner.setCurrentIndex(owner.findData(step.owner))
        self.steps.setCellWidget(row, OWNER, owner)
        if step.conversation:
            self.conversation_rows.add(row)
        self._dates()
        if edit:
            self.steps.setCurrentCell(row, TITLE)
            self.steps.editItem(title)

    def _remove_row(self) -> None:
        row = self.steps.currentRow()
        if row < 0:
            return
        self.steps.removeRow(row)
        self.conversation_rows = {r - (r > row) for r in self.conversation_rows if r != row}
        self._dates()

    def _day(self, row: int) -> QSpinBox:
        widget = self.steps.cellWidget(row, DAY)
        assert isinstance(widget, QSpinBox)
        return widget

    def _dates(self) -> None:
        """Each step's date as the organisation's working days give it."""
        first = from_qdate(self.starts_on.date())
        for row in range(self.steps.rowCount()):
            item = self.steps.item(row, DATE)
            if item is not None:
                day = working_day(self.calendar, first, self._day(row).value())
                item.setText(format_date(day, "short"))

    def data(self) -> OnboardingInput:
        steps = []
        for row in range(self.steps.rowCount()):
            title = self.steps.item(row, TITLE)
            owner = self.steps.cellWidget(row, OWNER)
            assert isinstance(owner, QComboBox)
            steps.append(
                StepInput(
                    title.text() if title is not None else "",
                    self._day(row).value(),
                    StepOwner(owner.currentData()),
                    conversation=row in self.conversation_rows,
                )
            )
        return OnboardingInput(
            self.person_id,
            self.buddy.currentData(),
            from_qdate(self.starts_on.date()),
            tuple(steps),
            self.plan_conversation.isChecked(),
        )

    def snapshot(self) -> object:
        return self.data()

    def save(self) -> None:
        save_plan(self.sessions, self.data(), self.today())


class ChecklistDialog(QDialog):
    """The plan as a checklist: a step ticked is done today (unticked: not done after
    all); print it, or change the plan."""

    def __init__(
        self,
        sessions: SessionFactory,
        person_id: int,
        today: Callable[[], dt.date],
        change: Callable[[], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.sessions = sessions
        self.person_id = person_id
        self.today = today
        self.changed = False
        self.plan: PlanView | None = None
        self.preview: PdfPreviewDialog | None = None
        self.form: QDialog | None = None  # the plan being changed
        self.summary = paragraph("")
        self.list = QListWidget()
        self.list.itemChanged.connect(self._ticked)
        self.error_label = ErrorLabel()
        self.print_button = QPushButton(_("Print…"))
        self.print_button.clicked.connect(self.print_checklist)
        self.change_button = QPushButton(_("Change the plan…"))
        self.change_button.clicked.connect(change)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(hint(_("Tick a step when it is done (Space): it is done today.")))
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error_label)
        layout.addWidget(close)
        self.resize(720, 520)
        self.load()
        self.list.setFocus()

    def load(self) -> None:
        self.plan = read_plan(self.sessions, self.person_id)
        if self.plan is None:
            return
        plan, today = self.plan, self.today()
        self.setWindowTitle(_("Onboarding plan of {name}").format(name=plan.person_name))
        self.summary.setText(summary_text(plan, today))
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for step in plan.steps:
            item = QListWidgetItem(step_text(step))
            item.setData(Qt.ItemDataRole.UserRole, step.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if step.done_on else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self.list.setCurrentRow(max(0, current))

    def _ticked(self, item: QListWidgetItem) -> None:
        done = item.checkState() == Qt.CheckState.Checked
        try:
            mark_step(
                self.sessions,
                int(item.data(Qt.ItemDataRole.UserRole)),
                self.today() if done else None,
                self.today(),
            )
        except Exception as error:
            self.error_label.show_message(errors.sentence_for(error))
        else:
            self.error_label.clear_message()
            self.changed = True
        self.load()

    def print_checklist(self) -> None:
        if self.plan is None:
            return
        settings = load_settings(self.sessions)
        pdf = checklist_pdf(
            self.plan,
            settings.name if settings else "",
            settings.logo_png if settings else None,
            self.today(),
        )
        name = _("onboarding plan {name}").format(name=self.plan.person_name) + ".pdf"
        self.preview = PdfPreviewDialog(_("Onboarding plan"), pdf, name, self)
        self.preview.open()


def step_text(step: StepRow) -> str:
    """ "04-12-2026 · Welcome, a walk round … · buddy · done 04-12-2026"."""
    owner = _(OWNER_LABELS[step.owner])
    said = f"{format_date(step.due_on, 'short')} · {step.title} · {owner}"
    if step.done_on is not None:
        said += " · " + _("done {date}").format(date=format_date(step.done_on, "short"))
    return said


def summary_text(plan: PlanView, today: dt.date) -> str:
    """ "First day 1 December 2026 · buddy Ria Kramer · 3 of 10 steps done, 1 late"."""
    late = len(plan.late(today))
    said = _("First day {day} · buddy {buddy} · {done} of {total} steps done").format(
        day=format_date(plan.starts_on),
        buddy=plan.buddy_name or "—",
        done=plan.done(),
        total=len(plan.steps),
    )
    if late:
        said += " · " + _("{n} late").format(n=late)
    return said
