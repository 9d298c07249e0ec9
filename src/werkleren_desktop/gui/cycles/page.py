"""Weekcycli: the cycles of all groups, and per cycle its four sessions and attendance."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.documents.attendance_list import attendance_list_pdf
from werkleren_desktop.documents.session_guide import session_guide_pdf
from werkleren_desktop.domain.calendar import WorkCalendar
from werkleren_desktop.domain.formatting import format_date, format_moment
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui import prompts
from werkleren_desktop.gui.agreements.dialog import WorkAgreementDialog, made_list
from werkleren_desktop.gui.cycles.attendance_dialog import AttendanceDialog
from werkleren_desktop.gui.cycles.calendar_view import CalendarView
from werkleren_desktop.gui.cycles.move_dialog import MoveSessionDialog
from werkleren_desktop.gui.cycles.plan_dialog import PlanCycleDialog
from werkleren_desktop.gui.cycles.table_model import CyclesTableModel, PeriodFilter
from werkleren_desktop.gui.cycles.trend_chart import TrendChart
from werkleren_desktop.gui.cycles.workbook_dialog import WorkbookDialog, situation_line
from werkleren_desktop.gui.pdf_preview import PdfPreviewDialog
from werkleren_desktop.gui.record_page import RecordListPage
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import (
    detail_table,
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
from werkleren_desktop.i18n import _
from werkleren_desktop.services.calendar_export import export_calendar
from werkleren_desktop.services.cycles import (
    CycleDetail,
    CycleRow,
    SessionEvent,
    SessionRow,
    attendance_list_data,
    cancel_cycle,
    cancel_session,
    cycle_detail,
    cycle_outline,
    group_trend,
    list_cycles,
    remove_cycle,
    session_events,
    session_marks,
)
from werkleren_desktop.services.groups import GroupRow, list_groups
from werkleren_desktop.services.organisation import load_settings
from werkleren_desktop.services.people import list_people
from werkleren_desktop.services.work_agreements import (
    MadeFrom,
    from_cycle,
    made_from,
    source_of,
)
from werkleren_desktop.services.workbook import CycleWorkbook, cycle_workbook, session_guide_data
from werkleren_desktop.storage.files import write_atomically


def _score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}".replace(".", ",")


SITUATIONS_SHOWN = 6
NOTE_SHOWN = 90  # characters of a day's notes in the panel; the workbook holds them all


def _quiet(text: str) -> str:
    return f'<span style="color: palette(placeholder-text)">{html.escape(text)}</span>'


def _shortened(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= NOTE_SHOWN else line[: NOTE_SHOWN - 1].rstrip() + "…"


class CyclePanel(QWidget):
    def __init__(
        self, today: Callable[[], dt.date] = dt.date.today, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.today = today  # attendance is for sessions that took place
        self.detail: CycleDetail | None = None
        self.title = heading("", 1.4)
        self.period = paragraph("")
        self.sessions = detail_table(
            [_("Day"), _("Date and time"), _("Theme"), _("Turnout"), _("Energy"), _("Meaning")],
            stretch_column=2,
        )
        self.sessions.itemSelectionChanged.connect(self._session_selected)
        self.attendance_button = QPushButton(_("Attendance and check-in…"))
        self.move_button = QPushButton(_("Move session…"))
        self.cancel_session_button = QPushButton(_("Cancel session"))
        self.cancel_cycle_button = QPushButton(_("Cancel cycle"))
        self.print_button = QPushButton(_("Attendance list…"))
        self.remove_button = QPushButton(_("Remove from the list"))
        self.remove_button.setToolTip(
            _("A cancelled cycle leaves the list; Ctrl+Z brings it back until you close.")
        )
        buttons = QHBoxLayout()
        for button in (self.attendance_button, self.move_button, self.cancel_session_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.workbook = paragraph("")
        self.workbook.setTextFormat(Qt.TextFormat.RichText)
        self.workbook_button = QPushButton(_("Workbook…"))
        self.workbook_button.setToolTip(
            _(
                "The question, the situations it takes up, each day's working method and "
                "notes, and what came of it"
            )
        )
        self.guide_button = QPushButton(_("Session guide…"))
        self.guide_button.setToolTip(_("A page per day for the group: to print and take along"))
        self.agreement_button = QPushButton(_("Make a work agreement…"))
        workbook_buttons = QHBoxLayout()
        workbook_buttons.addWidget(self.workbook_button)
        workbook_buttons.addWidget(self.guide_button)
        workbook_buttons.addWidget(self.agreement_button)
        workbook_buttons.addStretch(1)
        self.trend = TrendChart()
        self.empty = hint(_("Choose a cycle in the list to see its sessions."))
        self.body = QWidget()
        body = QVBoxLayout(self.body)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.title)
        body.addWidget(self.period)
        body.addWidget(section(_("Sessions")))
        body.addWidget(self.sessions)
        body.addLayout(buttons)
        body.addSpacing(6)
        body.addWidget(section(_("Workbook")))
        body.addWidget(self.workbook)
        body.addLayout(workbook_buttons)
        body.addSpacing(6)
        cycle_buttons = QHBoxLayout()
        cycle_buttons.addWidget(self.print_button)
        cycle_buttons.addWidget(self.cancel_cycle_button)
        cycle_buttons.addWidget(self.remove_button)
        cycle_buttons.addStretch(1)
        body.addLayout(cycle_buttons)
        body.addSpacing(6)
        body.addWidget(section(_("How the group's cycles went")))
        body.addWidget(self.trend)
        reading_panel(self, self.empty, self.body)
        self.show_detail(None)

    def selected_session(self) -> SessionRow | None:
        rows = self.sessions.selectionModel().selectedRows()
        if not rows or self.detail is None:
            return None
        return self.detail.sessions[rows[0].row()]

    def _session_selected(self) -> None:
        item = self.selected_session()
        usable = item is not None and not item.cancelled
        for button in (self.attendance_button, self.move_button, self.cancel_session_button):
            button.setEnabled(usable)
        ahead = item is not None and item.starts_at.date() > self.today()
        self.attendance_button.setEnabled(usable and not ahead)
        self.attendance_button.setToolTip(
            _("Attendance is recorded once the session has taken place.") if ahead else ""
        )

    def show_detail(self, detail: CycleDetail | None) -> None:
        self.detail = detail
        self.empty.setVisible(detail is None)
        self.body.setVisible(detail is not None)
        if detail is None:
            return
        self.title.setText(_("Week cycle of {group}").format(group=detail.group_name))
        days = [s.starts_at.date() for s in detail.sessions]
        period = _("{start} to {end}").format(
            start=format_date(min(days)), end=format_date(max(days))
        )
        if detail.cancelled:
            period += " · " + _("cancelled")
        self.period.setText(period)
        self.sessions.setRowCount(len(detail.sessions))
        for row, item in enumerate(detail.sessions):
            when = format_moment(item.starts_at)
            present = f"{item.present}/{item.recorded}" if item.recorded else "—"
            values = (
                str(item.day_number),
                when,
                _("cancelled") if item.cancelled else item.theme,
                present,
                _score(item.mean_energy),
                _score(item.mean_meaning),
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                cell.setToolTip(item.theme if column == 2 else "")
                if item.cancelled:
                    cell.setForeground(self.palette().placeholderText())
                self.sessions.setItem(row, column, cell)
        self.cancel_cycle_button.setVisible(not detail.cancelled)
        self.remove_button.setVisible(detail.cancelled)
        self._session_selected()

    def show_workbook(self, book: CycleWorkbook | None, made: Sequence[MadeFrom] = ()) -> None:
        """The workbook in a few lines: the question, each day's method and notes, the
        situations, what came of it, and the work agreements made from that."""
        if book is None:
            self.workbook.clear()
            return
        result = bool(book.outcome or book.next_step)
        self.agreement_button.setEnabled(result)
        self.agreement_button.setToolTip(
            _("What came of it as an agreement or instruction everyone can find")
            if result
            else _("Write in the workbook what came of the cycle first.")
        )
        lines = []
        label = _("Question")  # each text outside the f-strings, for the catalog
        question = html.escape(book.question) if book.question else _quiet(_("no question yet"))
        lines.append(f"<b>{html.escape(label)}:</b> {question}")
        for day in book.days:
            method = html.escape(day.method.name) if day.method else _quiet(_("no method chosen"))
            label = _("Day {n}").format(n=day.day_number)
            line = f"{html.escape(label)}: {method}"
            if day.notes:
                line += " — " + html.escape(_shortened(day.notes))
            lines.append(line)
        situations = book.situations
        if situations:
            label = _("Situations ({n})").format(n=len(situations))
            items = "".join(
                f"<br/>• {html.escape(situation_line(s))}" for s in situations[:SITUATIONS_SHOWN]
            )
            if len(situations) > SITUATIONS_SHOWN:
                more = _("and {n} more").format(n=len(situations) - SITUATIONS_SHOWN)
                items += f"<br/>{_quiet(more)}"
            lines.append(f"<b>{html.escape(label)}:</b>{items}")
        else:
            label, none = _("Situations"), _quiet(_("none yet"))
            lines.append(f"<b>{html.escape(label)}:</b> {none}")
        results = ((_("What came of it"), book.outcome), (_("Next step"), book.next_step))
        for label, value in results:
            if value:
                lines.append(f"<b>{html.escape(label)}:</b> {html.escape(value)}")
        if made:
            label = _("Work agreements made from it")
            items = "".join(f"<br/>• {html.escape(line)}" for line in made_list(made).split("\n"))
            lines.append(f"<b>{html.escape(label)}:</b>{items}")
        self.workbook.setText("<br/>".join(lines))


# the sessions of some days, the organisation's calendar, and those days
CalendarData = tuple[list[SessionEvent], WorkCalendar | None, tuple[dt.date, dt.date]]


class CyclesPage(RecordListPage):
    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date] = dt.date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(sessions, tasks, today, parent)
        self.groups: list[GroupRow] = []
        # the sessions of the days the calendar asked for, once it shows
        self.events: list[SessionEvent] | None = None
        self.events_days: tuple[dt.date, dt.date] | None = None
        self.work_calendar: WorkCalendar | None = None  # holidays and closing days, with them
        self.model = CyclesTableModel(today)
        self._with_past = False  # whether the cycles read hold the past ones too

        self.group_box = QComboBox()
        self.group_box.addItem(_("All groups"), None)
        self.group_box.setMinimumContentsLength(18)
        self.group_box.currentIndexChanged.connect(self._filter)
        self.period_box = QComboBox()
        for period in PeriodFilter:
            self.period_box.addItem(_(period.value), period)
        self.period_box.currentIndexChanged.connect(self._filter)
        self.plan_button = QPushButton(_("Plan week cycle…"))
        self.plan_button.clicked.connect(self.plan)
        self.export_button = QPushButton(_("Export calendar…"))
        self.export_button.clicked.connect(self.export_calendar)

        self.table = list_table(self.model, {0: 170, 1: 85, 2: 85, 4: 70})
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.follow_selection(self.table, self.model)
        self.use_keys(new=self.plan_button)
        self.panel = CyclePanel(today)
        self.panel.attendance_button.clicked.connect(self.record_attendance)
        self.panel.move_button.clicked.connect(self.move_session)
        self.panel.cancel_session_button.clicked.connect(self.cancel_session)
        self.panel.cancel_cycle_button.clicked.connect(self.cancel_cycle)
        self.panel.print_button.clicked.connect(self.print_attendance_list)
        self.panel.remove_button.clicked.connect(self.remove_from_list)
        self.panel.workbook_button.clicked.connect(self.edit_workbook)
        self.panel.guide_button.clicked.connect(self.print_session_guide)
        self.panel.agreement_button.clicked.connect(self.make_agreement)

        tools = QHBoxLayout()
        tools.addWidget(self.group_box, 1)
        tools.addWidget(self.period_box)
        tools.addStretch(1)
        tools.addWidget(self.plan_button)
        tools.addWidget(self.export_button)
        layout = page_layout(self, _("Week cycles"))
        layout.addWidget(
            hint(
                _(
                    "A group meets one hour a day on four consecutive working days, in a "
                    "comfortable space, with attention to meaning and vitality."
                )
            )
        )
        layout.addLayout(tools)
        layout.addWidget(self.error_label)
        self.calendar = CalendarView(today)
        self.calendar.cycle_chosen.connect(self.show_cycle)
        self.calendar.days_needed.connect(self._load_calendar)
        self.views = QTabWidget()
        self.views.addTab(list_and_panel(self.table, self.panel, (600, 500)), _("List"))
        self.views.addTab(self.calendar, _("Calendar"))
        layout.addWidget(self.views, 1)

    # --- loading ------------------------------------------------------------------

    def refresh(self) -> None:
        today = self.today()
        # the calendar's sessions too when it shows; otherwise it asks when it does
        days = self.calendar.wanted_days() if self.views.currentWidget() is self.calendar else None
        # the past cycles (ten years of turnout) only when the list shows them
        past = self.period_box.currentData() is not PeriodFilter.UPCOMING
        self.load(lambda: self._load(today, days, past), self._loaded)

    def _load(
        self, today: dt.date, days: tuple[dt.date, dt.date] | None, past: bool
    ) -> tuple[list[CycleRow], bool, list[GroupRow], CalendarData | None]:
        return (
            list_cycles(self.sessions, ending_from=None if past else today),
            past,
            list_groups(self.sessions, today),
            self._calendar_data(days) if days is not None else None,
        )

    def _calendar_data(self, days: tuple[dt.date, dt.date]) -> CalendarData:
        """The sessions of these days, and the holidays and closing days that explain
        the gaps."""
        settings = load_settings(self.sessions)
        return (
            session_events(self.sessions, with_attendees=False, days=days),
            settings.work_calendar() if settings is not None else None,
            days,
        )

    def _load_calendar(self, days: tuple[dt.date, dt.date]) -> None:
        self.load(lambda: self._calendar_data(days), self._events_loaded, purpose="calendar")

    def _events_loaded(self, data: CalendarData) -> None:
        self.events, self.work_calendar, self.events_days = data
        self._filter()

    def _loaded(
        self, result: tuple[list[CycleRow], bool, list[GroupRow], CalendarData | None]
    ) -> None:
        cycles, self._with_past, groups, calendar_data = result
        if calendar_data is not None:
            self.events, self.work_calendar, self.events_days = calendar_data
        else:
            self.events = None
            self.calendar.forget_events()
        self.groups = [g for g in groups if g.ends is None or g.ends >= self.today()]
        fill_choices(
            self.group_box,
            [(g.name, g.id) for g in sorted(groups, key=lambda g: g.name.casefold())],
            self.group_box.currentData(),
        )
        self.error_label.clear_message()
        self.model.set_cycles(cycles)
        self._filter()

    def _filter(self) -> None:
        group_id = self.group_box.currentData()
        period = self.period_box.currentData()
        if period is not PeriodFilter.UPCOMING and not self._with_past:
            # the list keeps showing what it shows until the past cycles are read
            self.refresh()
        else:
            self.model.set_filter(group_id, period)
        if self.events is not None:
            self.calendar.set_events(
                [e for e in self.events if group_id is None or e.group_id == group_id],
                self.work_calendar,
                self.events_days,
            )

    def show_cycle(self, cycle_id: int) -> None:
        """From the calendar to the cycle: the panel shows it, and the list keeps the
        filter the user chose (when that hides the cycle, the status bar says so)."""
        self.views.setCurrentIndex(0)
        self.select_record(cycle_id)
        if self.model.row_of(cycle_id) is None:
            self.status_message.emit(
                _("This cycle is not in the list as it is filtered now ({period}).").format(
                    period=self.period_box.currentText()
                )
            )

    def show_no_record(self) -> None:
        self.panel.show_detail(None)
        self.panel.show_workbook(None)

    def show_record(self, record_id: int) -> None:
        detail = cycle_detail(self.sessions, record_id)
        self.panel.show_detail(detail)
        self.panel.show_workbook(
            cycle_workbook(self.sessions, record_id), made_from(self.sessions, cycle_id=record_id)
        )
        self.panel.trend.show_points(group_trend(self.sessions, detail.group_id, self.today()))

    # --- actions ------------------------------------------------------------------

    def _changed(self, message: str) -> None:
        self.status_message.emit(message)
        self.refresh()

    def plan(self) -> None:
        settings = load_settings(self.sessions)
        if settings is None:
            return
        if not self.groups:
            self.error_label.show_message(_("Start a learning group first."))
            return
        dialog = PlanCycleDialog(
            self.sessions,
            self.groups,
            settings.work_calendar(),
            cycle_outline(self.sessions),
            self.today(),
            self.group_box.currentData(),
            parent=self,
        )

        def done() -> None:
            if dialog.saved_ids:
                self._selected_id = dialog.saved_ids[0]
            self.period_box.setCurrentIndex(self.period_box.findData(PeriodFilter.UPCOMING))
            self._changed(
                _("Week cycle planned.")
                if len(dialog.saved_ids) == 1
                else _("{n} week cycles planned.").format(n=len(dialog.saved_ids))
            )

        self.open_dialog(dialog, done)

    def record_attendance(self) -> None:
        item = self.panel.selected_session()
        detail = self.panel.detail
        if item is None or detail is None:
            return
        title = _("Day {n} of {group}, {day}").format(
            n=item.day_number,
            group=detail.group_name,
            day=format_date(item.starts_at.date(), "full"),
        )
        dialog = AttendanceDialog(
            self.sessions,
            item.id,
            title,
            session_marks(self.sessions, item.id),
            self.today(),
            parent=self,
        )
        self.open_dialog(dialog, lambda: self._changed(_("Attendance saved.")))

    def move_session(self) -> None:
        item = self.panel.selected_session()
        if item is None:
            return
        dialog = MoveSessionDialog(self.sessions, item.id, item.starts_at, parent=self)
        self.open_dialog(dialog, lambda: self._changed(dialog.warning or _("Session moved.")))

    def cancel_session(self) -> None:
        item = self.panel.selected_session()
        if item is None or not prompts.confirm(
            self,
            _("Cancel session"),
            _(
                "Cancel this session? It stays in the list as cancelled, and calendars cancel "
                "it with the next export."
            ),
            _("Cancel session"),
            _("Keep it"),
            destructive=True,
        ):
            return
        self.act(lambda: cancel_session(self.sessions, item.id), _("Session cancelled."))

    def cancel_cycle(self) -> None:
        detail = self.panel.detail
        if detail is None or not prompts.confirm(
            self,
            _("Cancel cycle"),
            _("Cancel all four sessions of this cycle?"),
            _("Cancel cycle"),
            _("Keep it"),
            destructive=True,
        ):
            return
        self.act(lambda: cancel_cycle(self.sessions, detail.id), _("Week cycle cancelled."))

    def remove_from_list(self) -> None:
        detail = self.panel.detail
        if detail is None or not detail.cancelled:
            return
        self.let_go(lambda: remove_cycle(self.sessions, detail.id), _("Week cycle removed."))

    def export_calendar(self) -> None:
        group_id = self.group_box.currentData()
        name = self.group_box.currentText() if group_id is not None else None
        every = _("week cycles")  # outside the f-string: extraction does not look inside one
        suggested = f"{name or every}.ics"
        path = prompts.choose_save_file(
            self, _("Export calendar"), suggested, _("Calendar files (*.ics)")
        )
        if path is None:
            return
        self.export_button.setEnabled(False)

        def write() -> int:
            calendar = export_calendar(self.sessions, dt.datetime.now(dt.UTC), group_id)
            write_atomically(path, calendar.data)
            return calendar.sessions

        def done(count: int) -> None:
            self.export_button.setEnabled(True)
            self.error_label.clear_message()
            self.status_message.emit(
                _("{n} sessions written to {path}.").format(n=count, path=path)
            )

        def failed(error: BaseException) -> None:
            self.export_button.setEnabled(True)
            self.error_label.show_message(str(error))

        # in the background: ten years of sessions are thousands of events
        self.tasks.run(write, done, failed, owner=self)

    def edit_workbook(self) -> None:
        detail = self.panel.detail
        if detail is None:
            return
        book = cycle_workbook(self.sessions, detail.id)  # as it is now, not as shown
        dialog = WorkbookDialog(self.sessions, book, parent=self)
        self.open_dialog(dialog, lambda: self._changed(_("Workbook saved.")))

    def make_agreement(self) -> None:
        """What came of the cycle as a work agreement: the form starts from its outcome
        and next step, with whom to ask the group's expert on call."""
        detail = self.panel.detail
        if detail is None:
            return
        today = self.today()
        try:
            start = from_cycle(self.sessions, detail.id, today)
            source = source_of(self.sessions, start)
        except UserError as error:
            self.error_label.show_message(str(error))
            return
        dialog = WorkAgreementDialog(
            self.sessions, list_people(self.sessions), today, start, source.description, parent=self
        )
        self.open_dialog(
            dialog,
            lambda: self._changed(
                _("Work agreement saved; everyone finds it under Work agreements.")
            ),
        )

    def print_session_guide(self) -> None:
        """The guide to print for the group, shown first: print it, or save it as PDF."""
        self._preview(
            _("Session guide"),
            _("session guide {group} {date}"),
            lambda cycle_id: session_guide_pdf(
                session_guide_data(self.sessions, cycle_id), self.today()
            ),
        )

    def print_attendance_list(self) -> None:
        """The list to print for the sessions, shown first: print it, or save it as PDF."""
        self._preview(
            _("Attendance list"),
            _("attendance list {group} {date}"),
            lambda cycle_id: attendance_list_pdf(
                attendance_list_data(self.sessions, cycle_id), self.today()
            ),
        )

    def _preview(self, title: str, name: str, make: Callable[[int], bytes]) -> None:
        """A document of the chosen cycle in the preview, named ``name`` (with the
        group and the first day) when saved."""
        detail = self.panel.detail
        if detail is None:
            return
        first = min(s.starts_at for s in detail.sessions).date()
        suggested = name.format(group=detail.group_name, date=first.isoformat()) + ".pdf"
        try:
            pdf = make(detail.id)
        except UserError as error:
            self.error_label.show_message(str(error))
            return
        self.preview = PdfPreviewDialog(title, pdf, suggested, self)
        self.preview.open()
