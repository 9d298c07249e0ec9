"""Gesprekken: who is due this half year, every conversation, and the open agreements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.conversation_form import (
    Organisation,
    preparation_pdf,
    record_pdf,
)
from werkleren_desktop.domain.conversations import DUE_LABELS, OWNER_LABELS, DueStatus, half_year
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.people import full_name_key
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui.conversations.conversation_dialog import ConversationDialog
from werkleren_desktop.gui.conversations.correction_dialog import CorrectionDialog
from werkleren_desktop.gui.conversations.last_conversation import LastConversationDialog
from werkleren_desktop.gui.conversations.summary import conversation_state
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.record_page import RecordListPage
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import (
    fill_choices,
    hint,
    list_table,
    page_layout,
    searchable_combo,
)
from werkleren_desktop.i18n import N_, _, n_
from werkleren_desktop.services.conversations import (
    AgreementView,
    ConversationRow,
    DueRow,
    due_overview,
    get_conversation,
    list_conversations,
    next_conversation,
    open_agreements,
)
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.people import PersonRow, people_within_reach

STATUS_ORDER = (
    DueStatus.OVERDUE,
    DueStatus.DUE,
    DueStatus.PLANNED,
    DueStatus.DONE,
    DueStatus.NOT_DUE,
)
STATUS_COLOURS = {DueStatus.OVERDUE: "#b3261e", DueStatus.DONE: "#2e7d32"}


def _day(day: dt.date | None) -> str:
    return format_date(day, "short") if day is not None else ""


class DueModel(RowsTableModel[DueRow]):
    def __init__(self) -> None:
        super().__init__(
            (
                N_("Professional"),
                N_("Manager"),
                N_("Due by"),
                N_("Status"),
                N_("Conversation"),
                N_("Last held"),
            ),
            lambda r: (
                r.person_name,
                r.manager_name,
                _day(r.due_on),
                _(DUE_LABELS[r.status]),
                _day(r.conversation_on),
                _day(r.last_held_on),
            ),
        )

    def extra(self, row: DueRow, column: int, role: int) -> object:
        if column == 3 and role == Qt.ItemDataRole.ForegroundRole and row.status in STATUS_COLOURS:
            return QBrush(QColor(STATUS_COLOURS[row.status]))
        return None


class ConversationsModel(RowsTableModel[ConversationRow]):
    def __init__(self) -> None:
        super().__init__(
            (N_("Date"), N_("Professional"), N_("Manager"), N_("Status")),
            lambda r: (
                _day(r.held_on or r.planned_on),
                r.person_name,
                r.manager_name,
                conversation_state(r),
            ),
        )


class AgreementsModel(RowsTableModel[AgreementView]):
    def __init__(self, today: Callable[[], dt.date]) -> None:
        super().__init__(
            (N_("Due"), N_("What"), N_("Who"), N_("Professional"), N_("Manager"), N_("Agreed on")),
            lambda a: (
                _day(a.due_on),
                a.what,
                _(OWNER_LABELS[a.owner]),
                a.person_name,
                a.manager_name,
                _day(a.made_on),
            ),
        )
        self.today = today

    def extra(self, row: AgreementView, column: int, role: int) -> object:
        late = row.due_on is not None and row.due_on < self.today()
        if column == 0 and late and role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(STATUS_COLOURS[DueStatus.OVERDUE]))
        return None


CONVERSATIONS_TAB, AGREEMENTS_TAB = 1, 2  # after "due this half year"


class ConversationsPage(RecordListPage):
    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
        title: str | None = None,  # a manager's: "Conversations with my team"
    ) -> None:
        page_title = title or _("Conversations")
        super().__init__(sessions, tasks, today, parent)
        self.people: list[PersonRow] = []
        self.due_rows: list[DueRow] = []
        # loaded when their tab shows: a care group has thousands of conversations
        self.conversation_rows: list[ConversationRow] | None = None
        self.agreement_rows: list[AgreementView] | None = None
        self.preview: PdfPreviewDialog | None = None

        self.count_label = hint("")
        self.count_label.setWordWrap(False)
        self.plan_button = QPushButton(_("Plan a conversation…"))
        self.plan_button.clicked.connect(lambda: self.open_conversation(None))
        self.blank_button = QPushButton(_("Blank form…"))
        self.blank_button.clicked.connect(self.print_blank)

        # who is due
        self.due_model = DueModel()
        self.manager_box = searchable_combo(_("Every manager"))
        self.due_status_box = QComboBox()
        self.due_status_box.addItem(_("Every status"), None)
        for status in STATUS_ORDER:
            self.due_status_box.addItem(_(DUE_LABELS[status]), status)
        for box in (self.manager_box, self.due_status_box):
            box.currentIndexChanged.connect(self._filter)
        self.due_table = self._stretched_table(self.due_model, {1: 180, 2: 100, 3: 130, 4: 100})
        self.due_table.doubleClicked.connect(self._open_due)
        # several at once for noting the last conversation (Ctrl+A: everyone listed)
        self.due_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        due_tools = QHBoxLayout()
        due_tools.addWidget(self.manager_box)
        due_tools.addWidget(self.due_status_box)
        due_tools.addStretch(1)
        self.open_due_button = QPushButton(_("Open or plan…"))
        self.open_due_button.clicked.connect(self._open_due)
        due_tools.addWidget(self.open_due_button)
        self.note_last_button = QPushButton(_("Note last conversation…"))
        self.note_last_button.setToolTip(
            _(
                "For the time before this program: note when the chosen people's last "
                "conversation was held. Choose several with Ctrl or Shift, or everyone "
                "listed with Ctrl+A."
            )
        )
        self.note_last_button.clicked.connect(self.note_last_conversation)
        due_tools.addWidget(self.note_last_button)

        # every conversation
        self.conversations_model = ConversationsModel()
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.conversations_table = self._stretched_table(
            self.conversations_model, {0: 100, 2: 180, 3: 150}
        )
        self.conversations_table.doubleClicked.connect(self._open_listed)
        self.open_button = QPushButton(_("Open…"))
        self.open_button.clicked.connect(self._open_listed)
        list_tools = QHBoxLayout()
        list_tools.addWidget(self.search, 1)
        list_tools.addWidget(self.open_button)

        # open agreements
        self.agreements_model = AgreementsModel(today)
        self.owner_box = QComboBox()
        self.owner_box.addItem(_("Kept by anyone"), None)
        for owner, label in OWNER_LABELS.items():
            self.owner_box.addItem(_(label), owner)
        self.owner_box.currentIndexChanged.connect(self._filter)
        self.agreements_table = self._stretched_table(
            self.agreements_model, {0: 95, 2: 110, 3: 150, 4: 150, 5: 95}, stretch=1
        )
        self.agreements_table.doubleClicked.connect(self._open_agreement)
        agreement_tools = QHBoxLayout()
        agreement_tools.addWidget(self.owner_box)
        agreement_tools.addStretch(1)

        self.use_keys(new=self.plan_button)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self)
        find.activated.connect(self.go_to_search)
        self.tabs = QTabWidget()
        for title, tools, table in (
            (_("Due this half year"), due_tools, self.due_table),
            (_("All conversations"), list_tools, self.conversations_table),
            (_("Open agreements"), agreement_tools, self.agreements_table),
        ):
            tab = QWidget()
            column = QVBoxLayout(tab)
            column.addLayout(tools)
            if table is self.due_table:
                column.addWidget(self.count_label)  # a line of its own: it is never cut
            column.addWidget(table, 1)
            if table is self.due_table:
                column.addWidget(
                    hint(
                        _(
                            "People without a manager are not listed: the conversation is "
                            "with the direct manager. Fill in managers under People."
                        )
                        if sessions.seat is None
                        else _(
                            "The people who report to you, directly or through others; your "
                            "own conversation is under My conversation."
                        )
                    )
                )
            self.tabs.addTab(tab, title)
        self.tabs.currentChanged.connect(self._tab_shown)

        layout = page_layout(self, page_title, self.blank_button, self.plan_button)
        # a manager's login: the last conversation before the records is the beheerder's
        # to note (a person's personal field)
        self.note_last_button.setVisible(sessions.seat is None)
        layout.addWidget(
            hint(
                _(
                    "Twice a year each professional and the direct manager talk about talents, "
                    "learning wishes and what each will do."
                )
            )
        )
        layout.addWidget(self.error_label)
        layout.addWidget(self.tabs, 1)

    @staticmethod
    def _stretched_table(
        model: QAbstractItemModel, widths: dict[int, int], stretch: int = 0
    ) -> QTableView:
        table = list_table(model, widths)
        table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        return table

    # --- loading ------------------------------------------------------------------

    def refresh(self) -> None:
        today = self.today()
        tab = self.tabs.currentIndex()
        self.load(lambda: self._load(today, tab), self._loaded)

    def _load(
        self, today: dt.date, tab: int
    ) -> tuple[
        list[DueRow], list[ConversationRow] | None, list[AgreementView] | None, list[PersonRow]
    ]:
        """Who is due and the people; the conversations and the open agreements only for
        the tab that shows them."""
        settings = load_settings(self.sessions)
        schedule = settings.conversation_schedule if settings else None
        due = due_overview(self.sessions, today, schedule) if schedule is not None else []
        return (
            due,
            list_conversations(self.sessions) if tab == CONVERSATIONS_TAB else None,
            open_agreements(self.sessions) if tab == AGREEMENTS_TAB else None,
            # a manager plans conversations with the people who report to them
            people_within_reach(self.sessions, reports=True),
        )

    def go_to_search(self) -> None:
        """Ctrl+F: the search is on the tab of all conversations."""
        self.tabs.setCurrentIndex(CONVERSATIONS_TAB)
        self.search.setFocus()
        self.search.selectAll()

    def _tab_shown(self, tab: int) -> None:
        if tab == CONVERSATIONS_TAB and self.conversation_rows is None:
            self.load(
                lambda: list_conversations(self.sessions),
                self._conversations_loaded,
                purpose="conversations",
            )
        elif tab == AGREEMENTS_TAB and self.agreement_rows is None:
            self.load(
                lambda: open_agreements(self.sessions),
                self._agreements_loaded,
                purpose="agreements",
            )

    def _conversations_loaded(self, rows: list[ConversationRow]) -> None:
        self.conversation_rows = rows
        self._filter()

    def _agreements_loaded(self, rows: list[AgreementView]) -> None:
        self.agreement_rows = rows
        self._filter()

    def _loaded(
        self,
        result: tuple[
            list[DueRow], list[ConversationRow] | None, list[AgreementView] | None, list[PersonRow]
        ],
    ) -> None:
        self.due_rows, self.conversation_rows, self.agreement_rows, self.people = result
        self.error_label.clear_message()
        managers = sorted(
            {(r.manager_name, r.manager_id) for r in self.due_rows if r.manager_id},
            key=lambda m: full_name_key(m[0]),
        )
        fill_choices(self.manager_box, list(managers), self.manager_box.currentData())
        counts = dict.fromkeys(STATUS_ORDER, 0)
        for row in self.due_rows:
            counts[row.status] += 1
        start, _end = half_year(self.today())
        half = _("first half of {year}") if start.month == 1 else _("second half of {year}")
        self.count_label.setText(
            half.format(year=start.year)
            + ": "
            + " · ".join(f"{counts[status]} {_(DUE_LABELS[status])}" for status in STATUS_ORDER[:4])
        )
        self._filter()

    def _filter(self) -> None:
        manager = self.manager_box.currentData()
        status = self.due_status_box.currentData()
        due = [
            r
            for r in self.due_rows
            if (manager is None or r.manager_id == manager)
            and (status is None or r.status == status)
        ]
        due.sort(
            key=lambda r: (STATUS_ORDER.index(r.status), r.due_on or dt.date.max, r.person_name)
        )
        self.due_model.show_rows(due)
        words = self.search.text().casefold().split()
        if self.conversation_rows is not None:
            self.conversations_model.show_rows(
                [
                    r
                    for r in self.conversation_rows
                    if all(w in f"{r.person_name} {r.manager_name}".casefold() for w in words)
                ]
            )
        owner = self.owner_box.currentData()
        if self.agreement_rows is not None:
            self.agreements_model.show_rows(
                [a for a in self.agreement_rows if owner is None or a.owner == owner]
            )

    # --- opening ------------------------------------------------------------------

    @staticmethod
    def _chosen(table: QTableView) -> int | None:
        rows = table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _open_due(self) -> None:
        index = self._chosen(self.due_table)
        if index is None:
            return
        row = self.due_model.row_at(index)
        if row.conversation_id is not None:
            self.open_conversation(row.conversation_id)
        else:
            self.open_conversation(None, row.person_id)

    def note_last_conversation(self) -> None:
        """The first day with real data: one date for every chosen person."""
        chosen = sorted(index.row() for index in self.due_table.selectionModel().selectedRows())
        if not chosen:
            self.error_label.show_message(
                _("First choose the people in the list (Ctrl+A chooses everyone listed).")
            )
            return
        rows = [self.due_model.row_at(i) for i in chosen]
        dialog = LastConversationDialog(self.sessions, rows, self.today(), self)

        def noted() -> None:
            self.status_message.emit(
                n_(
                    "Last conversation noted for {n} person.",
                    "Last conversation noted for {n} people.",
                    dialog.noted,
                ).format(n=dialog.noted)
            )
            self.refresh()

        self.open_dialog(dialog, noted)

    def _open_listed(self) -> None:
        index = self._chosen(self.conversations_table)
        if index is not None:
            self.open_conversation(self.conversations_model.row_at(index).id)

    def _open_agreement(self) -> None:
        index = self._chosen(self.agreements_table)
        if index is not None:
            self.open_conversation(self.agreements_model.row_at(index).conversation_id)

    def open_conversation(self, conversation_id: int | None, person_id: int | None = None) -> None:
        try:
            view = get_conversation(self.sessions, conversation_id) if conversation_id else None
        except UserError as error:
            self.error_label.show_message(str(error))
            return
        dialog = ConversationDialog(
            self.sessions, self.people, self.today(), view, person_id, parent=self
        )
        dialog.preview_requested.connect(lambda kind: self.show_preview(dialog, kind))
        dialog.correction_requested.connect(lambda: self.correct(dialog))

        self.open_dialog(dialog, lambda: self.status_message.emit(_("Conversation saved.")))
        dialog.finished.connect(self.refresh)  # also after signing and closing

    # --- printing and correcting --------------------------------------------------

    def organisation(self) -> Organisation:
        settings = load_settings(self.sessions)
        return Organisation(
            settings.name if settings else "", settings.logo_png if settings else None
        )

    def show_preview(self, dialog: ConversationDialog, kind: str) -> None:
        """The form as it is now: unsaved changes are stored first, so print and screen agree."""
        if not dialog.save_without_closing():
            return
        person_id = dialog.person.currentData()
        today = self.today()
        try:
            if dialog.conversation_id is not None:
                view = get_conversation(self.sessions, dialog.conversation_id)
                dialog.show_view(view)
            else:
                view = next_conversation(self.sessions, person_id, today)
            if kind == "record":
                pdf = record_pdf(self.organisation(), view, today)
                title = _("Record of the talent conversation")
            else:
                pdf = preparation_pdf(self.organisation(), view, today)
                title = _("Preparation form")
        except UserError as error:
            dialog.error_label.show_message(str(error))
            return
        day = (view.held_on or view.planned_on or today).isoformat()
        name = f"{title} {view.person_name} {day}.pdf"
        self._preview(title, pdf, name, dialog)

    def print_blank(self) -> None:
        pdf = preparation_pdf(self.organisation(), None, self.today())
        self._preview(_("Blank form"), pdf, _("talent conversation form") + ".pdf", self)

    def _preview(self, title: str, pdf: bytes, name: str, parent: QWidget) -> None:
        self.preview = PdfPreviewDialog(title, pdf, name, parent)
        self.preview.open()

    def correct(self, dialog: ConversationDialog) -> None:
        view = dialog.view
        if view is None or view.id is None:
            return
        conversation_id = view.id
        correction = CorrectionDialog(self.sessions, conversation_id, view, parent=dialog)

        def corrected() -> None:
            dialog.show_view(get_conversation(self.sessions, conversation_id))
            self.status_message.emit(_("Correction saved with the record."))

        correction.accepted.connect(corrected)
        correction.open()
        self.correction_dialog = correction
