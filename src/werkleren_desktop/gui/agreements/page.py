"""Werkafspraken: the lessons that travel, searched by anyone; made from a situation's
or a cycle's outcome, or written down here; withdrawn when they no longer hold."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.work_agreements import agreement_book_pdf
from werkleren_desktop.domain.constants import WorkAgreementKind
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.people import folded
from werkleren_desktop.domain.work_agreements import KIND_LABELS, matches
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.agreements.dialog import WorkAgreementDialog
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.record_page import RecordListPage
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import (
    heading,
    hint,
    list_and_panel,
    list_table,
    marked_html,
    page_layout,
    paragraph,
    reading_panel,
)
from werkleren_desktop.i18n import N_, _, n_
from werkleren_desktop.services.people import PersonRow, list_people
from werkleren_desktop.services.work_agreements import (
    WorkAgreementRow,
    agreement_book,
    delete_work_agreement,
    list_work_agreements,
    withdraw,
)

WITHDRAWN_COLOUR = "#7b8794"
WARNING_COLOUR = "#8a5300"


def contact_text(row: WorkAgreementRow, short: bool = False) -> str:
    """Whom to ask, or that someone new must be chosen (``short``: for the list)."""
    if not row.contact_name:
        return _("nobody yet") if short else _("nobody yet: choose someone")
    if row.contact_left:
        if short:
            return _("{name} (left)").format(name=row.contact_name)
        return _("{name} (left: choose someone new)").format(name=row.contact_name)
    return row.contact_name


class AgreementsModel(RowsTableModel[WorkAgreementRow]):
    def __init__(self, today: Callable[[], dt.date]) -> None:
        self.today = today
        super().__init__(
            (N_("Since"), N_("Title"), N_("Kind"), N_("Whom to ask")),
            lambda r: (
                format_date(r.agreed_on, "short"),
                r.title,
                _(KIND_LABELS[r.kind]),
                contact_text(r, short=True),
            ),
        )

    def extra(self, row: WorkAgreementRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole:
            if not row.holds(self.today()):
                return QBrush(QColor(WITHDRAWN_COLOUR))
            if column == 3 and (row.contact_left or not row.contact_name):
                return QBrush(QColor(WARNING_COLOUR))
        return None


class AgreementPanel(QWidget):
    def __init__(self, may_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.agreement: WorkAgreementRow | None = None
        self.may_edit = may_edit
        self.title = heading("", 1.3)
        self.facts = paragraph("")
        self.body = paragraph("")
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.edit_button = QPushButton(_("Edit…"))
        self.withdraw_button = QPushButton(_("Withdraw"))
        self.withdraw_button.setToolTip(
            _("It no longer holds from today; it stays findable among the withdrawn ones")
        )
        self.delete_button = QPushButton(_("Delete"))
        self.empty = hint(_("Choose a work agreement in the list to read it."))
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.withdraw_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        reading_panel(self, self.empty, self.title, self.facts, buttons, self.body)
        self.show_agreement(None, dt.date.today())

    def show_agreement(
        self, row: WorkAgreementRow | None, today: dt.date, searched: list[str] | None = None
    ) -> None:
        """Show the agreement; the ``searched`` words are marked where they were found."""
        words = searched or []
        self.agreement = row
        for widget in (self.title, self.facts, self.body):
            widget.setVisible(row is not None)
        for button in (self.edit_button, self.withdraw_button, self.delete_button):
            button.setVisible(row is not None and self.may_edit)
        self.empty.setVisible(row is None)
        if row is None:
            return
        self.title.setText(row.title)
        facts = [_(KIND_LABELS[row.kind]), _("since {day}").format(day=format_date(row.agreed_on))]
        if row.withdrawn_on is not None:  # withdrawn on a day up to today, never later
            facts.append(_("withdrawn on {day}").format(day=format_date(row.withdrawn_on)))
        self.facts.setText(" · ".join(facts))
        self.withdraw_button.setText(_("Withdraw") if row.holds(today) else _("Let it hold again"))
        ask = marked_html(contact_text(row), words)
        if row.contact_left or not row.contact_name:
            ask = f"<span style='color:{WARNING_COLOUR}'>{ask}</span>"
        # (the labels outside the f-strings: the catalog's extraction does not look inside)
        ask_label, source_label = _("Whom to ask"), _("Comes from")
        sections = [
            f"<p>{marked_html(row.text, words)}</p>",
            f"<p><b>{html.escape(ask_label)}</b><br>{ask}</p>",
            f"<p><b>{html.escape(source_label)}</b><br>"
            f"{marked_html(row.source.description, words)}</p>",
        ]
        if row.source.lesson:
            sections.append(f"<p>{marked_html(row.source.lesson, words)}</p>")
        self.body.setText("".join(sections))


class AgreementsPage(RecordListPage):
    """``may_edit``: the owner's or the beheerder's page; others read and print."""

    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
        may_edit: bool = True,
    ) -> None:
        super().__init__(sessions, tasks, today, parent)
        self.may_edit = may_edit
        self.rows: list[WorkAgreementRow] = []
        self.people: list[PersonRow] = []
        self.model = AgreementsModel(today)
        self.search = QLineEdit()
        self.search.setPlaceholderText(
            _("Search the title, the text, whom to ask, where it came from")
        )
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.kind_box = QComboBox()
        self.kind_box.addItem(_("Agreements and instructions"), None)
        for kind, label in ((WorkAgreementKind.AGREEMENT, N_("Work agreements")),
                            (WorkAgreementKind.INSTRUCTION, N_("Instructions"))):  # fmt: skip
            self.kind_box.addItem(_(label), kind)
        self.holds_box = QComboBox()
        self.holds_box.addItem(_("That hold now"), True)
        self.holds_box.addItem(_("Withdrawn ones too"), False)
        for box in (self.kind_box, self.holds_box):
            box.currentIndexChanged.connect(self._filter)
        self.new_button = QPushButton(_("New work agreement…"))
        self.new_button.clicked.connect(self.new_agreement)
        self.new_button.setVisible(may_edit)
        self.print_button = QPushButton(_("Print…"))
        self.print_button.setToolTip(_("The work agreements that hold, to hang up or hand out"))
        self.print_button.clicked.connect(self.print_agreements)
        self.count_label = hint("")
        self.count_label.setWordWrap(False)
        self.table = list_table(self.model, {0: 90, 2: 110, 3: 190})
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.follow_selection(self.table, self.model, self.search)
        self.use_keys(
            new=self.new_button if may_edit else None,
            search=self.search,
            delete=self.delete_agreement if may_edit else None,
        )
        self.table.doubleClicked.connect(lambda _index: self.edit_agreement())
        self.panel = AgreementPanel(may_edit)
        self.panel.edit_button.clicked.connect(self.edit_agreement)
        self.panel.withdraw_button.clicked.connect(self.toggle_withdrawn)
        self.panel.delete_button.clicked.connect(self.delete_agreement)

        tools = QHBoxLayout()
        tools.addWidget(self.search, 1)
        tools.addWidget(self.kind_box)
        tools.addWidget(self.holds_box)
        tools.addWidget(self.print_button)
        tools.addWidget(self.new_button)
        layout = page_layout(self, _("Work agreements"), self.count_label)
        layout.addWidget(
            hint(
                _(
                    "What the work taught becomes an agreement or an instruction everyone can "
                    "find: what holds, whom to ask, and the situation or week cycle it came "
                    "from. Make one from an outcome on the learning situations or week cycles "
                    "page, or write it down here."
                )
            )
        )
        layout.addLayout(tools)
        layout.addWidget(self.error_label)
        layout.addWidget(list_and_panel(self.table, self.panel, (700, 420)), 1)

    # --- loading ------------------------------------------------------------------

    def refresh(self) -> None:
        today = self.today()
        self.load(
            lambda: (list_work_agreements(self.sessions, today), list_people(self.sessions)),
            self._loaded,
            purpose="page",
        )

    def _loaded(self, result: tuple[list[WorkAgreementRow], list[PersonRow]]) -> None:
        self.rows, self.people = result
        self.error_label.clear_message()
        self._filter()

    def _filter(self) -> None:
        words = folded(self.search.text()).split()
        kind, holding = self.kind_box.currentData(), self.holds_box.currentData()
        today = self.today()
        shown = [
            r
            for r in self.rows
            if matches(r.found_in, words)
            and (kind is None or r.kind == kind)
            and (not holding or r.holds(today))
        ]
        self.model.show_rows(shown)
        chosen = self.panel.agreement
        if chosen is not None and chosen in shown:  # its found words marked anew
            self.panel.show_agreement(chosen, today, words)
        holds = sum(1 for r in self.rows if r.holds(today))
        text = n_("{n} holds", "{n} hold", holds).format(n=holds)
        if len(shown) != len(self.rows) and (words or kind is not None):
            text = _("{shown} of {total} shown").format(shown=len(shown), total=len(self.rows))
        self.count_label.setText(text)

    def show_no_record(self) -> None:
        self.panel.show_agreement(None, self.today())

    def show_record(self, record_id: int) -> None:
        row = next((r for r in self.rows if r.id == record_id), None)
        self.panel.show_agreement(row, self.today(), folded(self.search.text()).split())

    # --- actions ------------------------------------------------------------------

    def new_agreement(self) -> None:
        if not self.may_edit:
            return
        dialog = WorkAgreementDialog(
            self.sessions, self.people or list_people(self.sessions), self.today(), parent=self
        )
        self.open_form(dialog, _("Work agreement saved."))

    def edit_agreement(self) -> None:
        row = self.panel.agreement
        if row is None or not self.may_edit:
            return
        dialog = WorkAgreementDialog(
            self.sessions, self.people, self.today(), agreement=row, parent=self
        )
        self.open_form(dialog, _("Changes saved."))

    def toggle_withdrawn(self) -> None:
        row = self.panel.agreement
        today = self.today()
        if row is None:
            return
        if not row.holds(today):
            self.act(
                lambda: withdraw(self.sessions, row.id, None, today, row.stamp.version),
                _("“{title}” holds again.").format(title=row.title),
            )
            return
        if prompts.confirm(
            self,
            _("Withdraw the work agreement"),
            _(
                "“{title}” no longer holds from today. It stays findable among the withdrawn "
                "ones, and can be made to hold again."
            ).format(title=row.title),
            _("Withdraw"),
            _("Keep it"),
        ):
            self.act(
                lambda: withdraw(self.sessions, row.id, today, today, row.stamp.version),
                _("“{title}” withdrawn.").format(title=row.title),
            )

    def delete_agreement(self) -> None:
        row = self.panel.agreement
        if row is None or not self.may_edit:
            return
        if prompts.confirm(
            self,
            _("Delete the work agreement"),
            _(
                "Delete “{title}”? An agreement that no longer holds can also be withdrawn: "
                "it then stays findable."
            ).format(title=row.title),
            _("Delete"),
            _("Keep it"),
            destructive=True,
        ):
            self.let_go(
                lambda: delete_work_agreement(self.sessions, row.id), _("Work agreement deleted.")
            )

    def print_agreements(self) -> None:
        """The agreements that hold, shown first: print them, or save them as PDF."""
        today = self.today()
        pdf = agreement_book_pdf(agreement_book(self.sessions, today), today)
        name = _("work agreements") + f" {today.isoformat()}.pdf"
        self.preview = PdfPreviewDialog(_("Our work agreements"), pdf, name, self)
        self.preview.open()
