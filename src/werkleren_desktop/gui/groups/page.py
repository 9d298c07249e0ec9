"""Leergroepen: the groups, and per group its members and its mix of generations."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.signup_sheet import SignupQuestion, signup_sheet_pdf
from werkleren_desktop.domain.constants import (
    GroupStatus,
    RequestKind,
    RequestStatus,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.groups import GENERATIONS
from werkleren_desktop.gui.cycles.trend_chart import TrendChart
from werkleren_desktop.gui.dialogs.date_dialog import DateDialog
from werkleren_desktop.gui.groups.group_dialog import GroupDialog
from werkleren_desktop.gui.groups.lessons_dialog import LessonsDialog
from werkleren_desktop.gui.groups.member_dialog import MemberDialog
from werkleren_desktop.gui.groups.no_group_dialog import NoGroupDialog
from werkleren_desktop.gui.groups.table_model import GroupFilter, GroupsTableModel
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.record_page import RecordListPage
from werkleren_desktop.gui.situations.summary import show_situations, situations_label
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import (
    detail_table,
    heading,
    hint,
    link_paragraph,
    list_and_panel,
    list_table,
    page_layout,
    paragraph,
    reading_panel,
    section,
)
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.cycles import group_trend
from werkleren_desktop.services.groups import (
    GroupDetail,
    GroupRow,
    MemberRow,
    Mixing,
    end_membership,
    group_detail,
    list_groups,
    mixing,
    set_group_status,
)
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.people import PersonRow, list_people
from werkleren_desktop.services.requests import list_requests
from werkleren_desktop.services.situations import SituationFilter

WARNING_STYLE = "color: #8a5300; font-weight: bold;"


class MixPanel(QWidget):
    """Size advice and the spread over generations, as bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size_label = paragraph("")
        self.size_advice = paragraph("")
        self.size_advice.setStyleSheet(WARNING_STYLE)
        self.generation_warning = paragraph("")
        self.generation_warning.setStyleSheet(WARNING_STYLE)
        self.unknown = hint("")
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.bars: dict[str, QProgressBar] = {}
        for row, (key, _youngest, _oldest, label) in enumerate(GENERATIONS):
            bar = QProgressBar()
            bar.setTextVisible(True)
            bar.setFormat("%v")
            bar.setMaximumHeight(16)
            self.bars[key] = bar
            grid.addWidget(QLabel(_(label)), row, 0)
            grid.addWidget(bar, row, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.size_label)
        layout.addWidget(self.size_advice)
        layout.addLayout(grid)
        layout.addWidget(self.unknown)
        layout.addWidget(self.generation_warning)

    def show_detail(self, detail: GroupDetail) -> None:
        mix = detail.mix
        self.size_label.setText(n_("{n} member", "{n} members", mix.size).format(n=mix.size))
        self.size_advice.setText(mix.size_advice or "")
        self.size_advice.setVisible(bool(mix.size_advice))
        for key, bar in self.bars.items():
            bar.setRange(0, max(1, mix.size))
            bar.setValue(mix.generations[key])
        self.unknown.setText(
            n_(
                "Birth year unknown for {n} member.",
                "Birth year unknown for {n} members.",
                mix.unknown_birth_year,
            ).format(n=mix.unknown_birth_year)
        )
        self.unknown.setVisible(mix.unknown_birth_year > 0)
        warning = mix.generation_warning or ""
        self.generation_warning.setText(warning)
        self.generation_warning.setVisible(bool(warning))


class GroupPanel(QWidget):
    show_all_situations = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.detail: GroupDetail | None = None
        self.name = heading("", 1.4)
        self.status = hint("")
        self.theme = paragraph("")
        self.facts = QFormLayout()
        self.expert = paragraph("")
        self.period = paragraph("")
        self.facts.addRow(_("On call"), self.expert)
        self.facts.addRow(_("Period"), self.period)
        self.mix = MixPanel()
        self.members = detail_table(
            [_("Name"), _("Job title"), _("Member from"), _("Until")], stretch_column=0
        )
        self.members.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.members.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.members.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.edit_button = QPushButton(_("Edit…"))
        self.add_member_button = QPushButton(_("Add member…"))
        self.end_member_button = QPushButton(_("Member leaves…"))
        self.end_member_button.setEnabled(False)
        self.close_button = QPushButton(_("Close group…"))
        self.lessons_button = QPushButton(_("What we learned…"))
        self.lessons_button.setToolTip(
            _("What came of the group's week cycles and situations: to hang up or hand out")
        )
        self.members.itemSelectionChanged.connect(self._member_selected)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.lessons_button, self.close_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(self.add_member_button)
        member_buttons.addWidget(self.end_member_button)
        member_buttons.addStretch(1)

        self.trend = TrendChart()
        self.empty = hint(_("Choose a group in the list to see its members and its mix."))
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.name)
        body.addWidget(self.status)
        body.addWidget(self.theme)
        body.addLayout(buttons)
        body.addLayout(self.facts)
        body.addSpacing(6)
        body.addWidget(section(_("Mix")))
        body.addWidget(self.mix)
        body.addSpacing(6)
        body.addWidget(section(_("Members")))
        body.addWidget(self.members)
        body.addLayout(member_buttons)
        body.addSpacing(6)
        body.addWidget(section(_("Week cycles")))
        body.addWidget(self.trend)
        body.addWidget(section(_("Learning situations")))
        self.situations = situations_label(self.show_all_situations.emit)
        body.addWidget(self.situations)
        body.addStretch(1)
        reading_panel(self, self.empty, self.body)
        self.show_detail(None, dt.date.today())

    def _member_selected(self) -> None:
        member = self.selected_member()
        self.end_member_button.setEnabled(member is not None and member.left_on is None)

    def selected_member(self) -> MemberRow | None:
        rows = self.members.selectionModel().selectedRows()
        if not rows or self.detail is None:
            return None
        return self.detail.members[rows[0].row()]

    def show_detail(self, detail: GroupDetail | None, today: dt.date) -> None:
        self.detail = detail
        self.empty.setVisible(detail is None)
        self.body.setVisible(detail is not None)
        if detail is None:
            return
        group = detail.group
        closed = detail.status is GroupStatus.CLOSED
        self.name.setText(group.name)
        self.status.setText(_("Closed") if closed else _("Active"))
        self.theme.setText(group.theme)
        self.theme.setVisible(bool(group.theme))
        expert = detail.expert or "—"
        if group.expert_contact:
            expert += f" ({group.expert_contact})"
        self.expert.setText(expert)
        until = format_date(group.ends) if group.ends else _("now")
        self.period.setText(
            _("{start} to {end}").format(start=format_date(group.starts), end=until)
        )
        self.mix.show_detail(detail)
        self.members.setRowCount(len(detail.members))
        for row, member in enumerate(detail.members):
            values = (
                member.name,
                member.job_title,
                format_date(member.joined, "short"),
                format_date(member.left_on, "short") if member.left_on else "",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if not member.is_current(today) and not closed:
                    item.setForeground(self.palette().placeholderText())
                self.members.setItem(row, column, item)
        # the panel scrolls as a whole; the table shows every member without a scroll bar
        self.members.setFixedHeight(
            self.members.horizontalHeader().sizeHint().height()
            + self.members.verticalHeader().length()
            + 2 * self.members.frameWidth()
        )
        self.close_button.setText(_("Reopen group") if closed else _("Close group…"))
        self.add_member_button.setEnabled(not closed)
        self.end_member_button.setEnabled(False)


class GroupsPage(RecordListPage):
    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(sessions, tasks, today, parent)
        self.people: list[PersonRow] = []
        self.groups: list[GroupRow] = []
        self.model = GroupsTableModel()

        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name, theme or expert"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.status_box = QComboBox()
        for status in GroupFilter:
            self.status_box.addItem(_(status.value), status)
        self.status_box.currentIndexChanged.connect(self._filter)
        self.new_button = QPushButton(_("New learning group…"))
        self.new_button.clicked.connect(self.new_group)
        self.signup_button = QPushButton(_("Sign-up sheet…"))
        self.signup_button.setToolTip(
            _("A sheet to hang up: professionals form groups around their own questions")
        )
        self.signup_button.clicked.connect(self.print_signup_sheet)
        self.mixing = link_paragraph(lambda _link: self.show_no_group())
        self.mixing_data: Mixing | None = None

        self.table = list_table(self.model, {0: 170, 2: 60, 3: 130, 4: 85})
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _index: self.edit_group())
        self.follow_selection(self.table, self.model, self.search)
        self.use_keys(new=self.new_button, search=self.search)

        self.panel = GroupPanel()
        self.panel.show_all_situations.connect(
            lambda: self.situations_wanted.emit(None, self._selected_id)
        )
        self.panel.edit_button.clicked.connect(self.edit_group)
        self.panel.add_member_button.clicked.connect(self.add_member)
        self.panel.end_member_button.clicked.connect(self.end_member)
        self.panel.close_button.clicked.connect(self.close_or_reopen)
        self.panel.lessons_button.clicked.connect(self.show_lessons)

        tools = QHBoxLayout()
        tools.addWidget(self.search, 2)
        tools.addWidget(self.status_box)
        tools.addStretch(1)
        tools.addWidget(self.signup_button)
        tools.addWidget(self.new_button)
        splitter = list_and_panel(self.table, self.panel, (620, 440))
        layout = page_layout(self, _("Learning groups"))
        layout.addWidget(
            hint(
                _(
                    "Small groups of three to six colleagues, young and old, that learn from "
                    "their own work, with an experienced colleague or expert on call."
                )
            )
        )
        layout.addWidget(self.mixing)
        layout.addLayout(tools)
        layout.addWidget(self.error_label)
        layout.addWidget(splitter, 1)

    def refresh(self) -> None:
        today = self.today()
        self.load(
            lambda: (
                list_groups(self.sessions, today),
                list_people(self.sessions),
                mixing(self.sessions, today),
            ),
            self._loaded,
        )

    def _loaded(self, result: tuple[list[GroupRow], list[PersonRow], Mixing | None]) -> None:
        groups, self.people, self.mixing_data = result
        self.groups = groups
        self.error_label.clear_message()
        self.model.set_groups(groups)
        self._show_mixing()

    def _show_mixing(self) -> None:
        """Everyone in a mixed group: the share, and who is in no group (a link)."""
        found = self.mixing_data
        self.mixing.setVisible(found is not None and found.in_service > 0)
        if found is None or not found.in_service:
            return
        share = f"{found.share or 0:.0f}"
        text = html.escape(
            _(
                "In a mixed group: {n} of the {total} people in service ({share} %), in a "
                "group whose youngest and oldest member are at least {span} years apart."
            ).format(n=found.in_mixed, total=found.in_service, share=share, span=found.span)
        )
        if found.in_unmixed:
            text += " " + html.escape(
                n_(
                    "{n} is in a group that does not mix.",
                    "{n} are in groups that do not mix.",
                    found.in_unmixed,
                ).format(n=found.in_unmixed)
            )
        if found.no_group:
            link = n_(
                "{n} person is in no group", "{n} people are in no group", len(found.no_group)
            ).format(n=len(found.no_group))
            text += f' <a href="no-group">{html.escape(link)}</a>.'
        self.mixing.setText(text)

    def show_no_group(self) -> None:
        found = self.mixing_data
        if found is None or not found.no_group:
            return
        today = self.today()
        active = [g for g in self.groups if g.is_open(today)]
        if not active:
            self.error_label.show_message(_("Start a learning group first."))
            return
        dialog = NoGroupDialog(self.sessions, found.no_group, active, today, parent=self)
        self.open_form(dialog, _("Added to the learning group."))

    def print_signup_sheet(self) -> None:
        """The sheet to hang up, shown first: print it, or save it as PDF. Its blocks
        start with the open requests for a place in a learning group."""
        settings = load_settings(self.sessions)
        if settings is None:
            return
        asked = tuple(
            SignupQuestion(r.question, r.person_name)
            for r in list_requests(self.sessions, status=RequestStatus.OPEN)
            if r.kind is RequestKind.GROUP
        )
        pdf = signup_sheet_pdf(
            settings.name, settings.logo_png, asked, self.today(), settings.mixed_age_span
        )
        name = _("sign-up sheet learning groups") + ".pdf"
        self.preview = PdfPreviewDialog(_("Sign-up sheet"), pdf, name, self)
        self.preview.open()

    def _filter(self) -> None:
        self.model.set_filter(self.search.text(), self.status_box.currentData())

    def show_no_record(self) -> None:
        self.panel.show_detail(None, self.today())

    def show_record(self, record_id: int) -> None:
        self.panel.show_detail(group_detail(self.sessions, record_id, self.today()), self.today())
        self.panel.trend.show_points(group_trend(self.sessions, record_id, self.today()))
        show_situations(self.panel.situations, self.sessions, SituationFilter(group_id=record_id))

    def new_group(self) -> None:
        self.open_form(
            GroupDialog(self.sessions, self.people, self.today(), parent=self),
            _("Learning group started."),
        )

    def edit_group(self) -> None:
        detail = self.panel.detail
        if detail is None:
            return
        self.open_form(
            GroupDialog(
                self.sessions,
                self.people,
                self.today(),
                detail.group,
                detail.id,
                parent=self,
                stamp=detail.stamp,
            ),
            _("Changes saved."),
        )

    def add_member(self) -> None:
        detail = self.panel.detail
        if detail is None:
            return
        today = self.today()
        current = {m.person_id for m in detail.members if m.left_on is None}
        candidates = [p for p in self.people if not p.has_left(today) and p.id not in current]
        self.open_form(
            MemberDialog(
                self.sessions, detail.id, detail.group.name, candidates, today, parent=self
            ),
            _("Member added."),
        )

    def end_member(self) -> None:
        member = self.panel.selected_member()
        if member is None:
            return
        membership_id = member.membership_id
        self.open_form(
            DateDialog(
                _("Member leaves the group"),
                _("{name} leaves the group; the membership stays in the history.").format(
                    name=member.name
                ),
                _("Last day in the group"),
                self.today(),
                lambda day: end_membership(self.sessions, membership_id, day),
                parent=self,
            ),
            _("Membership ended."),
        )

    def show_lessons(self) -> None:
        detail = self.panel.detail
        if detail is None:
            return
        self.dialog = LessonsDialog(
            self.sessions, detail.id, detail.group.name, self.today(), parent=self
        )
        self.dialog.open()

    def close_or_reopen(self) -> None:
        detail = self.panel.detail
        if detail is None:
            return
        group_id = detail.id
        if detail.status is GroupStatus.CLOSED:
            self.act(
                lambda: set_group_status(self.sessions, group_id, GroupStatus.ACTIVE, self.today()),
                _("Learning group reopened."),
            )
            return
        self.open_form(
            DateDialog(
                _("Close learning group"),
                _(
                    "The group stops; its members leave it on the last day. The group and its "
                    "history stay."
                ),
                _("Last day"),
                self.today(),
                lambda day: set_group_status(self.sessions, group_id, GroupStatus.CLOSED, day),
                parent=self,
            ),
            _("Learning group closed."),
        )
