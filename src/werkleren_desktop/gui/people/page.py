"""Mensen: the list of people with search and filters, and the page of one person."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.person_file import write_person_file
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.people import format_hours, full_name, full_name_key
from werkleren_desktop.domain.people_import import Table, read_table
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.conversations.summary import conversations_label, show_conversations
from werkleren_desktop.gui.dialogs.date_dialog import DateDialog
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.people.apprenticeship import (
    GuidanceDialog,
    PlacementDialog,
    placement_summary,
)
from werkleren_desktop.gui.people.erase_dialog import EraseDialog
from werkleren_desktop.gui.people.exit_conversation import ExitDialog
from werkleren_desktop.gui.people.import_dialog import ImportDialog
from werkleren_desktop.gui.people.onboarding import (
    ChecklistDialog,
    OnboardingDialog,
    summary_text,
)
from werkleren_desktop.gui.people.person_dialog import PersonDialog
from werkleren_desktop.gui.people.table_model import PeopleTableModel, StatusFilter
from werkleren_desktop.gui.record_page import RecordListPage
from werkleren_desktop.gui.requests.dialog import RequestDialog
from werkleren_desktop.gui.requests.summary import requests_label, show_requests
from werkleren_desktop.gui.situations.summary import show_situations, situations_label
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.training.functions import SkillSeenDialog
from werkleren_desktop.gui.training.summary import show_qualifications, show_trainings
from werkleren_desktop.gui.widgets import (
    fill_choices,
    heading,
    hint,
    list_and_panel,
    list_table,
    page_layout,
    paragraph,
    reading_panel,
    section,
)
from werkleren_desktop.i18n import _, current_language, n_
from werkleren_desktop.services.apprenticeship import read_placement
from werkleren_desktop.services.exit_conversation import read_exit
from werkleren_desktop.services.onboarding import propose_plan, read_plan
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.people import (
    PersonOverview,
    PersonRow,
    person_overview,
    record_leaving,
)
from werkleren_desktop.services.people import list_people as load_people
from werkleren_desktop.services.privacy import (
    Erasure,
    ErasurePlan,
    Mention,
    erase_person,
    person_file,
    plan_erasure,
)
from werkleren_desktop.services.requests import RequestRow
from werkleren_desktop.services.situations import SituationFilter
from werkleren_desktop.storage.drafts import DraftStore


class PersonPanel(QWidget):
    show_all_situations = Signal()
    conversation_link = Signal(object)  # a conversation's id, or None to plan one
    request_link = Signal(object)  # a learning request's id, or None to record one
    """Everything about one person; later areas add their own sections here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.overview: PersonOverview | None = None
        self.name = heading("", 1.4)
        self.job = paragraph("")
        # one rich-text label: wrapped labels in a grid get clipped inside a scroll area
        self.details = paragraph("")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.notes = paragraph("")
        self.groups = paragraph("")
        self.groups.setTextFormat(Qt.TextFormat.RichText)
        self.edit_button = QPushButton(_("Edit…"))
        self.leave_button = QPushButton(_("Record leaving…"))
        self.access_button = QPushButton(_("Personal data…"))
        self.access_button.setToolTip(
            _("Everything stored about this person, as PDF and JSON (AVG right of access)")
        )
        self.erase_button = QPushButton(_("Erase…"))
        self.erase_button.setToolTip(_("Remove this person and all their data for good"))
        buttons = QVBoxLayout()  # two by two: a laptop's panel has no room for four abreast
        for pair in (
            (self.edit_button, self.leave_button),
            (self.access_button, self.erase_button),
        ):
            row = QHBoxLayout()
            for button in pair:
                row.addWidget(button)
            row.addStretch(1)
            buttons.addLayout(row)

        self.empty = hint(_("Choose a person in the list to see everything about them."))
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.name)
        body.addWidget(self.job)
        body.addLayout(buttons)
        body.addSpacing(6)
        body.addWidget(self.details)
        body.addWidget(self.notes)
        body.addSpacing(6)
        body.addWidget(section(_("Learning groups")))
        body.addWidget(self.groups)
        body.addWidget(section(_("Learning situations")))
        self.situations = situations_label(self.show_all_situations.emit)
        body.addWidget(self.situations)
        body.addWidget(section(_("Learning requests")))
        self.requests = requests_label(self.request_link.emit)
        body.addWidget(self.requests)
        body.addWidget(section(_("Training")))
        self.trainings = paragraph("")
        self.trainings.setTextFormat(Qt.TextFormat.RichText)
        body.addWidget(self.trainings)
        body.addWidget(section(_("Function and skills")))
        self.qualifications = paragraph("")
        self.qualifications.setTextFormat(Qt.TextFormat.RichText)
        body.addWidget(self.qualifications)
        self.skill_button = QPushButton(_("Write down a skill level…"))
        self.skill_button.setToolTip(_("A level of a skill you saw this person work at"))
        skill_row = QHBoxLayout()
        skill_row.addWidget(self.skill_button)
        skill_row.addStretch(1)
        body.addLayout(skill_row)
        body.addWidget(section(_("Arriving and leaving")))
        self.onboarding = paragraph("")
        body.addWidget(self.onboarding)
        self.onboarding_button = QPushButton(_("Onboarding plan…"))
        self.onboarding_button.setToolTip(
            _("Steps for a new colleague, a buddy and the first talent conversation")
        )
        self.exit_button = QPushButton(_("Exit conversation…"))
        self.exit_button.setToolTip(
            _("Why someone leaves, what could be better, and the knowledge to hand over")
        )
        self.apprentice_button = QPushButton(_("Practical learning…"))
        self.apprentice_button.setToolTip(
            _("An apprentice's placement: workplace trainer, guidance, progress talks")
        )
        # (two rows: three buttons side by side do not fit the panel with larger text)
        onboarding_row = QHBoxLayout()
        onboarding_row.addWidget(self.onboarding_button)
        onboarding_row.addWidget(self.apprentice_button)
        onboarding_row.addStretch(1)
        body.addLayout(onboarding_row)
        exit_row = QHBoxLayout()
        exit_row.addWidget(self.exit_button)
        exit_row.addStretch(1)
        body.addLayout(exit_row)
        body.addWidget(section(_("Talent conversations")))
        self.conversations = conversations_label(self.conversation_link.emit)
        body.addWidget(self.conversations)
        body.addStretch(1)
        reading_panel(self, self.empty, self.body)
        self.show_overview(None, dt.date.today())

    def show_overview(self, overview: PersonOverview | None, today: dt.date) -> None:
        self.overview = overview
        self.empty.setVisible(overview is None)
        self.body.setVisible(overview is not None)
        if overview is None:
            return
        person = overview.person
        self.name.setText(person.full_name)
        self.job.setText(person.job_title)
        left = person.out_of_service is not None and person.out_of_service < today
        facts = (
            (_("E-mail"), person.email),
            (_("Manager"), overview.manager_name),
            (_("In service"), format_date(person.in_service)),
            (
                _("Out of service"),
                format_date(person.out_of_service) if person.out_of_service else "",
            ),
            (_("Hours per week"), format_hours(person.contract_minutes, current_language())),
            (_("Birth year"), str(person.birth_year) if person.birth_year else ""),
            (_("Manager of"), ", ".join(overview.direct_reports)),
            (
                _("Last conversation"),
                format_date(overview.last_conversation_on) if overview.last_conversation_on else "",
            ),
        )
        self.details.setText(
            "<table cellspacing='0' cellpadding='2'>"
            + "".join(
                f"<tr><td style='padding-right:14px'>{html.escape(title)}</td>"
                f"<td>{html.escape(value or '—')}</td></tr>"
                for title, value in facts
            )
            + "</table>"
        )
        self.notes.setText(person.notes)
        self.notes.setVisible(bool(person.notes))
        self.leave_button.setEnabled(not left)
        if overview.memberships:
            lines = []
            for m in overview.memberships:
                until = format_date(m.left_on) if m.left_on else _("now")
                lines.append(
                    f"<b>{html.escape(m.group_name)}</b><br>"
                    + _("{start} to {end}").format(start=format_date(m.joined), end=until)
                )
            self.groups.setText("<br>".join(lines))
        else:
            self.groups.setText(_("Not in a learning group yet."))


class PeoplePage(RecordListPage):
    people_changed = Signal()

    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
        drafts: DraftStore | None = None,
        backup: Callable[[], object] | None = None,
    ) -> None:
        super().__init__(sessions, tasks, today, parent)
        self.drafts = drafts  # forms not saved yet, where an erasure looks too
        self.backup = backup  # makes a backup before an import
        self.model = PeopleTableModel(today)
        self.requests: list[RequestRow] = []  # the learning requests of the person shown

        self.count_label = hint("")
        self.count_label.setWordWrap(False)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name, job title or e-mail"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.status_box = QComboBox()
        for status in StatusFilter:
            self.status_box.addItem(_(status.value), status)
        self.status_box.currentIndexChanged.connect(self._filter)
        self.manager_box = QComboBox()
        self.manager_box.addItem(_("All managers"), None)
        self.manager_box.setMinimumContentsLength(18)
        self.manager_box.currentIndexChanged.connect(self._filter)
        self.new_button = QPushButton(_("New person…"))
        self.new_button.clicked.connect(self.new_person)
        self.import_button = QPushButton(_("Import…"))
        self.import_button.clicked.connect(self.import_people)

        self.table = list_table(self.model, {1: 140, 2: 150, 3: 85, 4: 85})
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(lambda _index: self.edit_person())
        self.follow_selection(self.table, self.model, self.search)
        self.use_keys(new=self.new_button, search=self.search)

        self.panel = PersonPanel()
        self.panel.show_all_situations.connect(
            lambda: self.situations_wanted.emit(self._selected_id, None)
        )
        self.panel.conversation_link.connect(
            lambda conversation_id: self.conversation_wanted.emit(
                conversation_id, self._selected_id
            )
        )
        self.panel.request_link.connect(self.open_request)
        self.panel.edit_button.clicked.connect(self.edit_person)
        self.panel.leave_button.clicked.connect(self.record_leaving)
        self.panel.skill_button.clicked.connect(self.write_skill_level)
        self.panel.onboarding_button.clicked.connect(self.open_onboarding)
        self.panel.apprentice_button.clicked.connect(self.open_apprenticeship)
        self.panel.exit_button.clicked.connect(self.open_exit_conversation)
        self.panel.access_button.clicked.connect(self.export_personal_data)
        self.panel.erase_button.clicked.connect(self.erase_person)

        tools = QHBoxLayout()
        tools.addWidget(self.search, 2)
        tools.addWidget(self.status_box)
        tools.addWidget(self.manager_box, 1)
        tools.addStretch(0)
        tools.addWidget(self.new_button)
        tools.addWidget(self.import_button)
        splitter = list_and_panel(self.table, self.panel, (660, 400))

        layout = page_layout(self, _("People"), self.count_label)
        layout.addLayout(tools)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)

    # --- loading ------------------------------------------------------------------

    def refresh(self) -> None:
        self.tasks.run(
            lambda: load_people(self.sessions),
            self._loaded,
            self._failed,
            owner=self,
            key=(id(self), "list"),
        )

    def _failed(self, error: BaseException) -> None:
        self.error_label.show_message(str(error))

    def _loaded(self, rows: list[PersonRow]) -> None:
        self.error_label.clear_message()
        today = self.today()
        managers = sorted(
            {(r.manager_name, r.manager_id) for r in rows if r.manager_id is not None},
            key=lambda m: full_name_key(m[0]),
        )
        fill_choices(self.manager_box, list(managers), self.manager_box.currentData())
        self.model.set_people(
            rows, self.search.text(), self.status_box.currentData(), self.manager_box.currentData()
        )
        # in service: started and not left, today (as the home page counts)
        left = sum(1 for r in rows if r.has_left(today))
        later = sum(1 for r in rows if r.in_service > today and not r.has_left(today))
        active = len(rows) - left - later
        parts = [n_("{n} in service", "{n} in service", active).format(n=active)]
        if later:
            parts.append(n_("{n} starts later", "{n} start later", later).format(n=later))
        parts.append(n_("{n} left", "{n} left", left).format(n=left))
        self.count_label.setText(" · ".join(parts))

    def _filter(self) -> None:
        self.model.set_filter(
            self.search.text(), self.status_box.currentData(), self.manager_box.currentData()
        )

    # --- selection ----------------------------------------------------------------

    def show_no_record(self) -> None:
        self.panel.show_overview(None, self.today())

    def show_record(self, record_id: int) -> None:
        self.panel.show_overview(person_overview(self.sessions, record_id), self.today())
        show_situations(self.panel.situations, self.sessions, SituationFilter(person_id=record_id))
        show_conversations(self.panel.conversations, self.sessions, record_id)
        self.requests = show_requests(self.panel.requests, self.sessions, record_id)
        show_trainings(self.panel.trainings, self.sessions, record_id, self.today())
        show_qualifications(self.panel.qualifications, self.sessions, record_id, self.today())
        plan = read_plan(self.sessions, record_id)
        said = [summary_text(plan, self.today()) if plan is not None else _("No onboarding plan.")]
        leaving = read_exit(self.sessions, record_id)
        if leaving.record is not None:
            said.append(
                _("Exit conversation held on {day}.").format(
                    day=format_date(leaving.record.held_on)
                )
            )
        placement = read_placement(self.sessions, record_id)
        if placement is not None:
            said.append(placement_summary(placement, self.today()))
        self.panel.onboarding.setText("\n".join(said))

    # --- actions ------------------------------------------------------------------

    def new_person(self) -> None:
        dialog = PersonDialog(self.sessions, self.model.all_rows, self.today(), parent=self)
        self._open(dialog, _("Person added."))

    def edit_person(self) -> None:
        overview = self.panel.overview
        if overview is None:
            return
        dialog = PersonDialog(
            self.sessions,
            self.model.all_rows,
            self.today(),
            overview.person,
            overview.id,
            parent=self,
            stamp=overview.stamp,
        )
        self._open(dialog, _("Changes saved."))

    def _open(self, dialog: PersonDialog, message: str) -> None:
        def saved() -> None:
            if dialog.saved_id is not None:
                self._selected_id = dialog.saved_id
                if self.status_box.currentData() is StatusFilter.LEFT:
                    self.status_box.setCurrentIndex(self.status_box.findData(StatusFilter.ALL))
            self._changed(message)

        self.open_dialog(dialog, saved)

    def open_request(self, request_id: int | None) -> None:
        """A learning request of the person shown: a new one, or one to answer."""
        overview = self.panel.overview
        if overview is None:
            return
        request = next((r for r in self.requests if r.id == request_id), None)
        if request_id is not None and request is None:
            return
        dialog = RequestDialog(
            self.sessions,
            self.today(),
            overview.id,
            overview.person.full_name,
            request,
            parent=self,
        )

        def saved() -> None:
            self.status_message.emit(
                _("Learning request recorded.") if request is None else _("Changes saved.")
            )
            self.show_record(overview.id)

        self.open_dialog(dialog, saved)

    def record_leaving(self) -> None:
        overview = self.panel.overview
        if overview is None:
            return
        person_id = overview.id
        dialog = DateDialog(
            _("Record leaving"),
            _(
                "{name} leaves the organisation. The history stays; open places in learning "
                "groups end on the last day."
            ).format(name=overview.person.full_name),
            _("Last day in service"),
            self.today(),
            lambda day: record_leaving(self.sessions, person_id, day, self.today()),
            parent=self,
        )
        self.open_dialog(dialog, lambda: self._changed(_("Leaving recorded.")))

    def write_skill_level(self) -> None:
        """A level of a skill the manager saw the person work at."""
        overview = self.panel.overview
        if overview is None:
            return
        person_id = overview.id
        dialog = SkillSeenDialog(
            self.sessions, person_id, overview.person.full_name, self.today, parent=self
        )

        def saved() -> None:
            self.status_message.emit(_("Skill level written down."))
            self.show_record(person_id)

        self.open_dialog(dialog, saved)

    def open_exit_conversation(self) -> None:
        overview = self.panel.overview
        if overview is None:
            return
        person_id = overview.id
        dialog = ExitDialog(self.sessions, read_exit(self.sessions, person_id), self.today, self)

        def saved() -> None:
            self.status_message.emit(_("Exit conversation saved."))
            self.show_record(person_id)

        self.open_dialog(dialog, saved)

    def open_onboarding(self) -> None:
        """The person's onboarding plan as a checklist, or a new plan to make."""
        overview = self.panel.overview
        if overview is None:
            return
        person_id = overview.id
        if read_plan(self.sessions, person_id) is None:
            self._plan_onboarding(person_id)
            return
        checklist = ChecklistDialog(
            self.sessions,
            person_id,
            self.today,
            lambda: self._plan_onboarding(person_id, checklist),
            parent=self,
        )
        checklist.finished.connect(
            lambda _result: self.show_record(person_id) if checklist.changed else None
        )
        checklist.open()
        self.dialog = checklist

    def open_apprenticeship(self) -> None:
        """The person's placement as an apprentice, or the placement to fill in first."""
        overview = self.panel.overview
        if overview is None:
            return
        person_id = overview.id
        name = full_name(overview.person.first_name, overview.person.last_name)
        guidance = GuidanceDialog(self.sessions, person_id, name, self.today, parent=self)
        guidance.finished.connect(
            lambda _result: self.show_record(person_id) if guidance.changed else None
        )
        if guidance.view is None:
            first = PlacementDialog(self.sessions, person_id, name, None, self.today, self)

            def saved() -> None:
                self.status_message.emit(_("Placement saved."))
                self.show_record(person_id)
                guidance.load()
                guidance.open()
                self.dialog = guidance

            first.accepted.connect(saved)
            first.open()
            self.dialog = first
            return
        guidance.open()
        self.dialog = guidance

    def _plan_onboarding(self, person_id: int, checklist: ChecklistDialog | None = None) -> None:
        proposal = propose_plan(self.sessions, person_id, self.today())
        plan = read_plan(self.sessions, person_id)
        dialog = OnboardingDialog(
            self.sessions, proposal, plan, self.today, parent=checklist or self
        )

        def saved() -> None:
            self.status_message.emit(_("Onboarding plan saved."))
            self.show_record(person_id)
            if checklist is not None:
                checklist.changed = True
                checklist.load()

        dialog.accepted.connect(saved)
        dialog.open()
        if checklist is None:
            self.dialog = dialog
        else:
            checklist.form = dialog

    def export_personal_data(self) -> None:
        """Inzage: a PDF and a JSON file with everything stored about the person."""
        overview = self.panel.overview
        if overview is None:
            return
        folder = prompts.choose_folder(self, _("Where to save the personal data"), Path.home())
        if folder is None:
            return
        today = self.today()
        person_id = overview.id

        def write() -> Path:
            data = person_file(self.sessions, person_id)
            settings = load_settings(self.sessions)
            pdf, _json = write_person_file(folder, settings.name if settings else "", data, today)
            return pdf

        def done(pdf: Path) -> None:
            self.panel.access_button.setEnabled(True)
            self.error_label.clear_message()
            self.status_message.emit(
                _("Personal data saved as {path} (and JSON).").format(path=pdf)
            )
            # shown as well, to print for the employee at once
            self.preview = PdfPreviewDialog(_("Personal data"), pdf.read_bytes(), pdf.name, self)
            self.preview.open()

        def failed(error: BaseException) -> None:
            self.panel.access_button.setEnabled(True)
            self.error_label.show_message(str(error))

        # in the background: ten years of a manager's records are a long PDF
        self.panel.access_button.setEnabled(False)
        self.tasks.run(write, done, failed, owner=self)

    def erase_person(self) -> None:
        """Erase a person for good, after a dialog that shows what goes and what
        changes, and lets the user choose where only the first name stands. Looking
        through ten years of texts, and the erasure, run in the background."""
        overview = self.panel.overview
        if overview is None:
            return
        self.panel.erase_button.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.panel.erase_button.setEnabled(True)
            self.error_label.show_message(str(error))

        def planned(plan: ErasurePlan) -> None:
            self.panel.erase_button.setEnabled(True)
            self.dialog = EraseDialog(plan, self)
            self.dialog.accepted.connect(lambda: self._erase(plan, self.dialog.chosen()))
            self.dialog.open()

        self.tasks.run(
            lambda: plan_erasure(self.sessions, overview.id, self.drafts),
            planned,
            failed,
            owner=self,
        )

    def _erase(self, plan: ErasurePlan, first_names: list[Mention]) -> None:
        def erased(done: Erasure) -> None:
            self.forget_record()
            self._changed(_("{name} is erased.").format(name=done.name))
            if not done.statistics_rewritten:
                prompts.show_information(self, _("Erased"), statistics_left_text())

        self.tasks.run(
            lambda: erase_person(
                self.sessions, plan.person_id, first_name_mentions=first_names, drafts=self.drafts
            ),
            erased,
            lambda error: self.error_label.show_message(str(error)),
            owner=self,
        )

    def import_people(self) -> None:
        path = prompts.choose_import_file(self)
        if path is None:
            return
        self.import_button.setEnabled(False)  # a large file takes a moment to read
        self.status_message.emit(_("Reading {name}…").format(name=path.name))

        def read(table: Table) -> None:
            self.import_button.setEnabled(True)
            self.status_message.emit("")
            dialog = ImportDialog(
                self.sessions,
                self.tasks,
                table,
                path,
                self.today(),
                parent=self,
                backup=self.backup,
            )
            self.open_dialog(dialog, lambda: self._changed(dialog.result_message))

        def unreadable(error: BaseException) -> None:
            self.import_button.setEnabled(True)
            self.status_message.emit("")
            self.error_label.show_message(
                str(error)
                if isinstance(error, UserError)
                else _("The file {name} cannot be read ({kind}).").format(
                    name=path.name, kind=type(error).__name__
                )
            )

        self.tasks.run(lambda: read_table(path), read, unreadable, owner=self)

    def _changed(self, message: str) -> None:
        self.status_message.emit(message)
        self.people_changed.emit()
        self.refresh()


def statistics_left_text() -> str:
    """What an erasure on a server says when the planner's statistics stayed."""
    return _(
        "The person is erased from the data. The server's statistics for its query planner "
        "may still hold a few sampled values of them: only the owner of the database can "
        "write those anew. Ask the server's administrator to run VACUUM FULL "
        "pg_catalog.pg_statistic as the database's owner."
    )
