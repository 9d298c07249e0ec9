"""Opleidingen: formal training, budgets per person and year, expiring certificates."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.certificate_matrix import matrix_pdf, matrix_xlsx, subject
from werkleren_desktop.domain.certificates import EXPIRING_MONTHS
from werkleren_desktop.domain.constants import (
    TrainingForm,
    TrainingStatus,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.money import format_euro, format_euro_plain, parse_euro
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import format_hours
from werkleren_desktop.domain.training import (
    FORM_LABELS,
    TRAINING_STATUS_LABELS,
    TrainingInput,
    budget_context,
    describe_budget_use,
)
from werkleren_desktop.gui import errors, prompts
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.record_page import RecordListPage
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.training.attendance import AttendanceDialog
from werkleren_desktop.gui.training.certificate_types import CertificateTypesDialog
from werkleren_desktop.gui.training.functions import (
    FunctionsDialog,
    MapTitlesDialog,
    SkillsDialog,
)
from werkleren_desktop.gui.training.funds import FundsTab
from werkleren_desktop.gui.training.link_names import LinkNamesDialog
from werkleren_desktop.gui.training.matrix import MatrixTab
from werkleren_desktop.gui.training.summary import state_text
from werkleren_desktop.gui.training.training_dialog import TrainingDialog
from werkleren_desktop.gui.widgets import (
    heading,
    hint,
    list_and_panel,
    list_table,
    on_keys,
    page_layout,
    paragraph,
    reading_panel,
)
from werkleren_desktop.i18n import N_, _, current_language, n_
from werkleren_desktop.services.certificates import (
    TypedName,
    list_certificate_types,
    unlinked_names,
)
from werkleren_desktop.services.functions import (
    FunctionRow,
    QualificationMatrix,
    TypedTitle,
    list_functions,
    qualification_matrix,
    unmapped_titles,
)
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.people import PersonRow, list_people
from werkleren_desktop.services.training import (
    BudgetRow,
    CertificateRow,
    TrainingRow,
    budgets,
    delete_training,
    expiring_certificates,
    list_trainings,
    read_training,
    set_budget,
    warning_months,
)
from werkleren_desktop.services.training_attendance import read_course
from werkleren_desktop.storage.files import write_atomically

OVER_BUDGET = "#b3261e"


MatrixData = tuple[QualificationMatrix, list[FunctionRow], list[TypedTitle]]


def matrix_data(
    sessions: SessionFactory,
    today: dt.date,
    months: int,
    team: int | None,
    function: int | None,
) -> MatrixData:
    """The matrix with the functions to choose from and the job titles to map (the
    latter only for whoever keeps the lists, not a team's manager)."""
    return (
        qualification_matrix(sessions, today, months, team, function),
        list_functions(sessions, include_retired=True),
        unmapped_titles(sessions) if sessions.seat is None else [],
    )


def hours_text(minutes: int) -> str:
    return format_hours(minutes, current_language()) or "0"


def used_text(used: float | None) -> str:
    return "—" if used is None else f"{used:.0f} %"


class TrainingsModel(RowsTableModel[TrainingRow]):
    def __init__(self) -> None:
        super().__init__(
            (N_("Starts on"), N_("Name"), N_("Title"), N_("Form"), N_("Hours"), N_("Cost"),
             N_("Required"), N_("Status")),
            lambda t: (
                format_date(t.starts_on, "short"),
                t.person_name,
                t.title,
                _(FORM_LABELS[t.form]),
                hours_text(t.minutes),
                format_euro(t.cost_cents),
                _("yes") if t.required else "",
                _(TRAINING_STATUS_LABELS[t.status]),
            ),
        )  # fmt: skip

    def extra(self, row: TrainingRow, column: int, role: int) -> object:
        if column in (4, 5) and role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if row.status is TrainingStatus.CANCELLED and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#7b8794"))
        return None


class BudgetsModel(RowsTableModel[BudgetRow]):
    def __init__(self) -> None:
        super().__init__(
            (
                N_("Name"),
                N_("Budget"),
                N_("Spent"),
                N_("Reserved"),
                N_("Still available"),
                N_("Used"),
            ),
            lambda b: (
                b.person_name + ("" if not b.overridden else " *"),
                format_euro(b.budget_cents),
                format_euro(b.spent_cents),
                format_euro(b.reserved_cents) if b.reserved_cents else "",
                format_euro(b.left_cents),
                used_text(b.used),
            ),
        )

    def extra(self, row: BudgetRow, column: int, role: int) -> object:
        if column > 0 and role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        over = row.used is not None and row.used > 100
        if column == 5 and over and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(OVER_BUDGET))
        if column == 4 and row.left_cents < 0 and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(OVER_BUDGET))
        return None


class CertificatesModel(RowsTableModel[CertificateRow]):
    """Expired and expiring certificates, each said for what it is."""

    def __init__(self, today: Callable[[], dt.date]) -> None:
        super().__init__(
            (N_("Expires"), N_("Name"), N_("Certificate"), N_("Status")),
            lambda c: (
                format_date(c.expires_on, "short"),
                c.person_name,
                c.certificate,
                state_text(c, today()),
            ),
        )


class BudgetDialog(FormDialog):
    """One person's budget for one year; empty means the organisation's default."""

    def __init__(
        self, sessions: SessionFactory, row: BudgetRow, default_cents: int, parent: QWidget
    ) -> None:
        super().__init__(_("Training budget of {name}").format(name=row.person_name), parent)
        self.sessions = sessions
        self.row = row
        self.amount = QLineEdit(format_euro_plain(row.budget_cents) if row.overridden else "")
        self.amount.setPlaceholderText(
            _("default: {amount}").format(amount=format_euro_plain(default_cents))
        )
        self.fields = {"budget": self.amount}
        form = QFormLayout()
        form.addRow(_("Year"), QLabel(str(row.year)))
        form.addRow(_("Budget"), self.amount)
        form.addRow("", hint(_("Leave empty for the organisation's default budget.")))
        self.finish_layout(form)

    def snapshot(self) -> object:
        return self.amount.text()

    def save(self) -> None:
        text = self.amount.text().strip()
        cents = parse_euro(text, field="budget") if text else None
        set_budget(self.sessions, self.row.person_id, self.row.year, cents)


class TrainingPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.training: TrainingRow | None = None
        self.title = heading("", 1.3)
        self.details = paragraph("")
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.edit_button = QPushButton(_("Edit…"))
        self.delete_button = QPushButton(_("Delete…"))
        self.attendance_button = QPushButton(_("Attendance…"))
        self.attendance_button.setToolTip(
            _("Who was present on each day of the course, and its attendance list")
        )
        self.empty = hint(_("Choose a training in the list to see it."))
        # two rows: a narrow panel has no room for three buttons abreast
        buttons = QVBoxLayout()
        for pair in ((self.edit_button, self.delete_button), (self.attendance_button,)):
            line = QHBoxLayout()
            for button in pair:
                line.addWidget(button)
            line.addStretch(1)
            buttons.addLayout(line)
        reading_panel(self, self.empty, self.title, buttons, self.details)
        self.show_training(None)

    def show_training(self, row: TrainingRow | None) -> None:
        self.training = row
        for widget in (self.title, self.details, self.edit_button, self.delete_button,
                       self.attendance_button):  # fmt: skip
            widget.setVisible(row is not None)
        self.empty.setVisible(row is None)
        if row is None:
            return
        self.title.setText(row.title)
        when = format_date(row.starts_on)
        if row.ends_on != row.starts_on:
            when = _("{start} to {end}").format(start=when, end=format_date(row.ends_on))
        facts = [
            (_("Name"), row.person_name),
            (_("Provider"), row.provider),
            (_("Form"), _(FORM_LABELS[row.form])),
            (_("When"), when),
            (_("Hours"), hours_text(row.minutes)),
            (_("Cost"), format_euro(row.cost_cents)),
            (
                _("Kind"),
                _("required for the job") if row.required else _("voluntary"),
            ),
            (_("In working time"), _("yes") if row.in_working_time else _("no")),
            (_("Status"), _(TRAINING_STATUS_LABELS[row.status])),
        ]
        if row.certificate:
            expiry = (
                _("expires on {date}").format(date=format_date(row.certificate_expires_on))
                if row.certificate_expires_on
                else ""
            )
            facts.append((_("Certificate"), f"{row.certificate} {expiry}".strip()))
        if row.study_cost_agreement:
            facts.append((_("Study-cost agreement"), _("yes")))
        self.details.setText(
            "<table cellspacing='0' cellpadding='3'>"
            + "".join(
                f"<tr><td><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
                for k, v in facts
                if v
            )
            + "</table>"
        )


class TrainingPage(RecordListPage):
    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(sessions, tasks, today, parent)
        self.people: list[PersonRow] = []
        self.rows: list[TrainingRow] = []
        self.budget_rows: list[BudgetRow] = []
        self.default_budget = 0

        self.count_label = hint("")
        self.count_label.setWordWrap(False)
        self.new_button = QPushButton(_("New training…"))
        self.new_button.clicked.connect(self.new_training)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name, title or provider"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.year_box = QComboBox()
        self.status_box = QComboBox()
        self.status_box.addItem(_("Every status"), None)
        for status, label in TRAINING_STATUS_LABELS.items():
            self.status_box.addItem(_(label), status)
        self.status_box.currentIndexChanged.connect(self._filter)
        self.year_box.currentIndexChanged.connect(self.refresh)

        self.model = TrainingsModel()
        self.table = list_table(self.model, {0: 80, 1: 130, 3: 80, 4: 45, 5: 85, 6: 60, 7: 70})
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_training())
        self.follow_selection(self.table, self.model, self.search)
        self.use_keys(new=self.new_button, search=self.search, delete=self.delete_training)
        self.panel = TrainingPanel()
        self.panel.edit_button.clicked.connect(self.edit_training)
        self.panel.delete_button.clicked.connect(self.delete_training)
        self.panel.attendance_button.clicked.connect(self.open_attendance)
        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.status_box)
        list_tab = QWidget()
        list_column = QVBoxLayout(list_tab)
        list_column.addLayout(tools)
        list_column.addWidget(list_and_panel(self.table, self.panel, (780, 280)), 1)

        self.budgets_model = BudgetsModel()
        self.budgets_table = list_table(self.budgets_model, {1: 110, 2: 110, 3: 110, 4: 110, 5: 70})
        self.budgets_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch
        )
        self.budgets_table.doubleClicked.connect(lambda _index: self.edit_budget())
        self.budget_button = QPushButton(_("Change budget…"))
        self.budget_button.clicked.connect(self.edit_budget)
        self.budget_summary = paragraph("")
        budget_tab = QWidget()
        budget_column = QVBoxLayout(budget_tab)
        budget_row = QHBoxLayout()
        budget_row.addWidget(self.budget_summary, 1)
        budget_row.addWidget(self.budget_button)
        budget_column.addLayout(budget_row)
        budget_column.addWidget(self.budgets_table, 1)
        budget_column.addWidget(
            hint(_("* a budget of its own for this year; the others have the default budget."))
        )
        self.budget_rule = hint("")
        budget_column.addWidget(self.budget_rule)

        self.certificates_model = CertificatesModel(self.today)
        self.certificates_table = list_table(self.certificates_model, {0: 100, 1: 220})
        self.certificates_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        certificates_tab = QWidget()
        certificates_column = QVBoxLayout(certificates_tab)
        self.certificates_hint = hint("")
        certificates_column.addWidget(self.certificates_hint)
        certificates_column.addWidget(self.certificates_table, 1)
        # a renewal planned from its row (Enter or a double-click): the refresher while
        # it still renews, else the full course
        self.renew_button = QPushButton(_("Plan the renewal…"))
        self.renew_button.clicked.connect(self.plan_renewal)
        self.certificates_table.doubleClicked.connect(lambda _index: self.plan_renewal())
        on_keys(self.certificates_table, {Qt.Key.Key_Return: self.plan_renewal,
                                          Qt.Key.Key_Enter: self.plan_renewal})  # fmt: skip
        # the types and their rules, kept by whoever keeps the whole list
        self.types_button = QPushButton(_("Certificate types…"))
        self.types_button.clicked.connect(self.edit_types)
        self.types_button.setVisible(self.sessions.seat is None)
        certificate_buttons = QHBoxLayout()
        certificate_buttons.addWidget(self.renew_button)
        certificate_buttons.addWidget(self.types_button)
        certificate_buttons.addStretch(1)
        certificates_column.addLayout(certificate_buttons)

        self.tabs = QTabWidget()
        self.tabs.addTab(list_tab, _("Trainings"))
        self.tabs.addTab(budget_tab, _("Budgets"))
        self.tabs.addTab(certificates_tab, _("Expiring certificates"))
        # who holds which certificate, for everyone or a manager's team
        self.matrix_tab = MatrixTab()
        self.matrix_tab.choice_changed.connect(self.load_matrix)
        self.matrix_tab.connect_actions(self.print_matrix, self.export_matrix)
        self.matrix_tab.functions_button.clicked.connect(
            lambda: self._open_list(FunctionsDialog(self.sessions, parent=self))
        )
        self.matrix_tab.skills_button.clicked.connect(
            lambda: self._open_list(SkillsDialog(self.sessions, parent=self))
        )
        self.matrix_tab.titles_button.clicked.connect(self.map_titles)
        self.matrix: QualificationMatrix | None = None
        self.functions: list[FunctionRow] = []
        self.titles: list[TypedTitle] = []
        self.preview: PdfPreviewDialog | None = None
        self.tabs.addTab(self.matrix_tab, _("Who holds what"))
        # claims on funds, and the plan for SLIM: the organisation's money, the beheerder's
        self.funds_tab: FundsTab | None = None
        if self.sessions.seat is None:
            self.funds_tab = FundsTab(self.sessions, self.tasks, self.today, self.year,
                                      self.status_message.emit)  # fmt: skip
            self.tabs.addTab(self.funds_tab, _("Funds"))
        self._matrix_stale = self._funds_stale = True
        self.tabs.currentChanged.connect(self._tab_shown)

        top = QHBoxLayout()
        top.addWidget(
            hint(
                _(
                    "Formal training next to learning at work: courses, e-learning, "
                    "certificates, and the budget per person."
                )
            ),
            1,
        )
        top.addWidget(QLabel(_("Year")))
        top.addWidget(self.year_box)
        top.addWidget(self.new_button)
        layout = page_layout(self, _("Training"), self.count_label)
        layout.addLayout(top)
        # certificate names typed before there were types, waiting to be linked once
        self.link_text = hint("")
        self.link_button = QPushButton(_("Link to their type…"))
        self.link_button.clicked.connect(self.link_names)
        self.link_banner = QWidget()
        banner = QHBoxLayout(self.link_banner)
        banner.setContentsMargins(0, 0, 0, 0)
        banner.addWidget(self.link_text, 1)
        banner.addWidget(self.link_button)
        self.link_banner.hide()
        self.typed_names: list[TypedName] = []
        layout.addWidget(self.link_banner)
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)

    # --- who holds which certificate ---------------------------------------------------

    def _show_matrix(self, loaded: MatrixData) -> None:
        self.matrix, self.functions, self.titles = loaded
        managers = {
            p.manager_id: p.manager_name
            for p in self.people
            if p.manager_id is not None and not p.has_left(self.today())
        }
        self.matrix_tab.set_choices(
            sorted(((name, pid) for pid, name in managers.items()), key=lambda m: m[0].lower()),
            [(f.name, f.id) for f in self.functions if not f.retired],
        )
        self.matrix_tab.show_titles(len(self.titles), sum(t.people for t in self.titles))
        self.matrix_tab.show_matrix(self.matrix)

    def load_matrix(self) -> None:
        """The matrix again, for the team and function chosen."""
        team, function, today = self._matrix_choice()

        def work() -> MatrixData:
            return matrix_data(self.sessions, today, warning_months(self.sessions), team, function)

        self.load(work, self._show_matrix, purpose="matrix")

    def _matrix_choice(self) -> tuple[int | None, int | None, dt.date]:
        tab = self.matrix_tab
        return tab.team.currentData(), tab.function.currentData(), self.today()

    def _open_list(self, dialog: FunctionsDialog | SkillsDialog) -> None:
        dialog.finished.connect(lambda _result: self.load_matrix() if dialog.changed else None)
        dialog.open()
        self.dialog = dialog

    def map_titles(self) -> None:
        """Map the job titles typed before there were functions, once."""
        if not self.titles:
            return
        dialog = MapTitlesDialog(self.sessions, self.titles, self.functions, parent=self)

        def done() -> None:
            self.status_message.emit(dialog.mapped_message)
            self.load_matrix()

        self.open_dialog(dialog, done)

    def print_matrix(self) -> None:
        """The matrix as printed, shown first: to print, or to save as PDF."""
        matrix = self.matrix
        if matrix is None:
            return
        self.matrix_tab.print_button.setEnabled(False)

        def make() -> bytes:
            settings = load_settings(self.sessions)
            return matrix_pdf(
                matrix,
                settings.name if settings else "",
                settings.logo_png if settings else None,
                self.today(),
            )

        def shown(pdf: bytes) -> None:
            self.matrix_tab.print_button.setEnabled(True)
            name = _("who holds what {subject}").format(subject=subject(matrix)) + ".pdf"
            self.preview = PdfPreviewDialog(_("Who holds what"), pdf, name, self)
            self.preview.open()

        def failed(error: BaseException) -> None:
            self.matrix_tab.print_button.setEnabled(True)
            self.error_label.show_message(errors.sentence_for(error))

        self.tasks.run(make, shown, failed, owner=self)

    def export_matrix(self) -> None:
        matrix = self.matrix
        if matrix is None:
            return
        suggested = _("who holds what {subject}").format(subject=subject(matrix)) + ".xlsx"
        path = prompts.choose_save_file(
            self, _("Export who holds what"), suggested, "Excel (*.xlsx)"
        )
        if path is None:
            return

        def done(_result: None) -> None:
            self.error_label.clear_message()
            self.status_message.emit(_("Saved as {path}.").format(path=path))

        self.tasks.run(
            lambda: write_atomically(path, matrix_xlsx(matrix)),
            done,
            lambda error: self.error_label.show_message(errors.sentence_for(error)),
            owner=self,
        )

    def plan_renewal(self) -> None:
        """A new training for the chosen certificate's renewal: its person and type, a
        refresher while one still renews it (else the full course), to be given a day."""
        index = self.certificates_table.currentIndex()
        if not index.isValid():
            self.status_message.emit(_("Choose a certificate in the list first."))
            return
        row = self.certificates_model.row_at(index.row())
        refresher = row.renewal_by_refresher(self.today())
        title = (
            _("{certificate} refresher").format(certificate=row.certificate)
            if refresher
            else row.certificate
        )
        # a refresher a month before the expiry (or now); the full course now
        start = self.today()
        if refresher:
            start = max(start, row.expires_on - dt.timedelta(days=30))
        planned = TrainingInput(
            (row.person_id,),
            title,
            TrainingForm.COURSE,
            start,
            start,
            required=True,
            certificate="" if row.type_id is not None else row.certificate,
            certificate_type_id=row.type_id,
            refresher=refresher,
        )
        self.open_form(
            TrainingDialog(self.sessions, self.people, self.today(), planned, parent=self),
            _("Training saved."),
        )

    def edit_types(self) -> None:
        """The certificate types and their rules; the lists follow a change."""
        dialog = CertificateTypesDialog(self.sessions, parent=self)
        dialog.finished.connect(lambda _result: self.refresh() if dialog.changed else None)
        dialog.open()
        self.dialog = dialog

    def link_names(self) -> None:
        """Link the certificate names typed before there were types, once."""
        if not self.typed_names:
            return
        dialog = LinkNamesDialog(
            self.sessions, self.typed_names, list_certificate_types(self.sessions), parent=self
        )

        def done() -> None:
            self.status_message.emit(dialog.linked_message)
            self.refresh()

        self.open_dialog(dialog, done)

    # --- loading ------------------------------------------------------------------

    def year(self) -> int:
        year = self.year_box.currentData()
        return int(year) if year is not None else self.today().year

    def refresh(self) -> None:
        today = self.today()
        if not self.year_box.count():
            self.year_box.blockSignals(True)
            for year in range(today.year + 1, today.year - 11, -1):
                self.year_box.addItem(str(year), year)
            self.year_box.setCurrentIndex(1)  # this year
            self.year_box.blockSignals(False)
        year = self.year()

        team, function, _today = self._matrix_choice()
        # the matrix and the funds are read when their tab is shown: on the large demo
        # the matrix alone took 180 ms of every visit to the page (#34)
        matrix_wanted = self.tabs.currentWidget() is self.matrix_tab
        self._matrix_stale = not matrix_wanted

        def work() -> tuple[Any, ...]:
            settings = load_settings(self.sessions)  # once: the budgets need them too
            # (the names are linked by whoever keeps the whole list, not a team's manager)
            typed = unlinked_names(self.sessions) if self.sessions.seat is None else []
            months = settings.certificate_warning_months if settings else EXPIRING_MONTHS
            matrix = (
                matrix_data(self.sessions, today, months, team, function) if matrix_wanted else None
            )
            return (
                list_trainings(self.sessions, year),
                budgets(self.sessions, year, settings),
                expiring_certificates(
                    self.sessions, today, settings.certificate_warning_months if settings else None
                ),
                list_people(self.sessions),
                settings,
                typed,
                matrix,
            )

        self.load(work, self._loaded)
        if self.funds_tab is not None:
            self._funds_stale = self.tabs.currentWidget() is not self.funds_tab
            if not self._funds_stale:
                self.funds_tab.load()

    def _tab_shown(self, _index: int) -> None:
        """A tab read lazily is read when it is shown after the page was refreshed."""
        shown = self.tabs.currentWidget()
        if shown is self.matrix_tab and self._matrix_stale:
            self._matrix_stale = False
            self.load_matrix()
        elif shown is self.funds_tab and self.funds_tab is not None and self._funds_stale:
            self._funds_stale = False
            self.funds_tab.load()

    def _loaded(
        self,
        result: tuple[
            list[TrainingRow],
            list[BudgetRow],
            list[CertificateRow],
            list[PersonRow],
            OrganisationSettings | None,
            list[TypedName],
            MatrixData | None,
        ],
    ) -> None:
        self.rows, self.budget_rows, certificates, self.people, settings, typed, matrix = result
        if matrix is not None:
            self._show_matrix(matrix)
        self.typed_names = typed
        self.link_banner.setVisible(bool(typed))
        self.link_text.setText(
            n_(
                "{n} certificate name typed before there were certificate types waits to be "
                "linked to its type, so that its rule applies.",
                "{n} certificate names typed before there were certificate types wait to be "
                "linked to their type, so that their rules apply.",
                len(typed),
            ).format(n=len(typed))
        )
        on_budget = settings is not None and settings.required_training_on_budget
        rule = (
            _(
                "Spent: training followed; reserved: training planned. Required training "
                "counts too (Settings › Organisation)."
            )
            if on_budget
            else _(
                "Spent: training followed; reserved: training planned. Required training "
                "(art. 7:611a BW) is the employer's to pay and does not count (Settings › "
                "Organisation)."
            )
        )
        self.budget_rule.setText(f"{rule} {budget_context()}")
        self.error_label.clear_message()
        self.budgets_model.show_rows(self.budget_rows)
        self.certificates_model.show_rows(certificates)
        months = settings.certificate_warning_months if settings else EXPIRING_MONTHS
        self.certificates_hint.setText(
            n_(
                "Certificates of people in service that expire within {n} month, and "
                "expired ones while a refresher still renews them and for a month after, that "
                "were not renewed (or planned to be) yet (Settings › Organisation).",
                "Certificates of people in service that expire within {n} months, and "
                "expired ones while a refresher still renews them and for a month after, that "
                "were not renewed (or planned to be) yet (Settings › Organisation).",
                months,
            ).format(n=months)
        )
        self.budget_summary.setText(
            _("{year}: {use}.").format(
                year=self.year(),
                use=describe_budget_use(
                    sum(b.spent_cents for b in self.budget_rows),
                    sum(b.budget_cents for b in self.budget_rows),
                    sum(b.reserved_cents for b in self.budget_rows),
                    share=True,
                ),
            )
        )
        counted = [t for t in self.rows if t.status is not TrainingStatus.CANCELLED]
        self.count_label.setText(
            _("{year}: {n} trainings, {cost}").format(
                year=self.year(),
                n=len(counted),
                cost=format_euro(sum(t.cost_cents for t in counted)),
            )
        )
        self._filter()

    def _filter(self) -> None:
        words = self.search.text().casefold().split()
        status = self.status_box.currentData()
        self.model.show_rows(
            [
                t
                for t in self.rows
                if (status is None or t.status == status)
                and all(w in f"{t.person_name} {t.title} {t.provider}".casefold() for w in words)
            ]
        )

    def show_no_record(self) -> None:
        self.panel.show_training(None)

    def show_record(self, record_id: int) -> None:
        self.panel.show_training(next((t for t in self.rows if t.id == record_id), None))

    # --- actions ------------------------------------------------------------------

    def new_training(self) -> None:
        self.open_form(
            TrainingDialog(self.sessions, self.people, self.today(), parent=self),
            _("Training saved."),
        )

    def open_attendance(self) -> None:
        """Attendance per day of the chosen training's course (everyone who follows it)."""
        row = self.panel.training
        if row is None:
            return
        dialog = AttendanceDialog(self.sessions, read_course(self.sessions, row.id), self.today,
                                  self)  # fmt: skip
        self.open_dialog(dialog, lambda: self.status_message.emit(_("Attendance saved.")))

    def edit_training(self) -> None:
        row = self.panel.training
        if row is None:
            return
        training, stamp = read_training(self.sessions, row.id)
        dialog = TrainingDialog(
            self.sessions, self.people, self.today(), training, row.id, parent=self, stamp=stamp
        )
        self.open_form(dialog, _("Changes saved."))

    def delete_training(self) -> None:
        row = self.panel.training
        if row is None or not prompts.confirm(
            self,
            _("Delete training"),
            _("Delete “{title}” of {name}? It no longer counts in the overview.").format(
                title=row.title, name=row.person_name
            ),
            _("Delete"),
            _("Keep it"),
            destructive=True,
        ):
            return
        self.let_go(lambda: delete_training(self.sessions, row.id), _("Training deleted."))

    def edit_budget(self) -> None:
        rows = self.budgets_table.selectionModel().selectedRows()
        if not rows:
            return
        settings = load_settings(self.sessions)
        dialog = BudgetDialog(
            self.sessions,
            self.budgets_model.row_at(rows[0].row()),
            settings.default_training_budget_cents if settings else 0,
            self,
        )
        self.open_dialog(dialog, self.refresh)
