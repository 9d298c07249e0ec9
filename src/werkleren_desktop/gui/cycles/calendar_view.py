"""Agenda: every session in a month or a week, one colour per learning group."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable

from babel.dates import format_date as babel_format_date
from babel.dates import get_day_names
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics, QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.domain.calendar import WorkCalendar
from werkleren_desktop.gui.widgets import heading
from werkleren_desktop.i18n import _, current_language, n_
from werkleren_desktop.services.cycles import SessionEvent

# calm colours that stay apart in print and for most colour-blind eyes
GROUP_COLOURS = (
    "#0f5e63",
    "#d97706",
    "#6d28d9",
    "#2563eb",
    "#be123c",
    "#15803d",
    "#a16207",
    "#475569",
)
MONTH_ITEMS = 3
# a day the organisation is closed: a soft tint, and its reason in a darker red
CLOSED_BACKGROUND = "#f7ecea"
CLOSED_TEXT = "#8c2f24"
# The sessions are read for the days shown and about four months either side (ten
# years hold tens of thousands of sessions: #34); stepping within them reads nothing,
# and the next months are asked for while a month of them is still in hand.
MARGIN = dt.timedelta(days=123)
AHEAD = dt.timedelta(days=35)

Days = tuple[dt.date, dt.date]  # the first and the last day, both included


def _covers(span: Days | None, first: dt.date, last: dt.date) -> bool:
    return span is not None and span[0] <= first and last <= span[1]


def group_colour(group_id: int) -> str:
    return GROUP_COLOURS[group_id % len(GROUP_COLOURS)]


def fit_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """``text`` as far as whole words fit in ``width`` pixels, with "…" when some had
    to go: a calendar never cuts a name in the middle of a word."""
    if metrics.horizontalAdvance(text) <= width:
        return text
    words = text.split(" ")
    while words:
        words.pop()
        shorter = " ".join(words).rstrip(" ,·–-") + "…"
        if words and metrics.horizontalAdvance(shorter) <= width:
            return shorter
    return "…"


class ClickableLabel(QLabel):
    """A session in a day: clicking it shows its cycle."""

    clicked = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.cycle_id = 0
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setTextFormat(Qt.TextFormat.RichText)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


class SessionLabel(ClickableLabel):
    """A session in a day of the month: as many whole words as fit (the tooltip has
    them all)."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.colour, self.full_text, self.cancelled = "", "", False
        self.shown_text = ""
        self._laid_out = False  # a width of its own (until then Qt's default)

    def show_session(self, colour: str, text: str, cancelled: bool) -> None:
        self.colour, self.full_text, self.cancelled = colour, text, cancelled
        self._show(self._fitted() if self._laid_out else text)

    def _show(self, text: str) -> None:
        self.shown_text = text
        strike = "text-decoration: line-through;" if self.cancelled else ""
        self.setText(
            f"<span style='color:{self.colour}'>■</span> "
            f"<span style='{strike}'>{html.escape(text)}</span>"
        )

    def _fitted(self) -> str:
        metrics = self.fontMetrics()
        room = self.contentsRect().width() - metrics.horizontalAdvance("■ ")
        return fit_words(self.full_text, metrics, room)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._laid_out = True
        fitted = self._fitted()
        if fitted != self.shown_text:
            self._show(fitted)


class DayNote(QLabel):
    """A holiday or the reason the organisation is closed, in whole words."""

    def __init__(self) -> None:
        super().__init__()
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_note(self, text: str, closed: bool) -> None:
        self.full_text = text
        self.setToolTip(text)
        colour = CLOSED_TEXT if closed else "palette(placeholder-text)"
        style = f"color: {colour}; font-style: italic;"
        if self.styleSheet() != style:
            self.setStyleSheet(style)
        self.setText(text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        fitted = fit_words(self.full_text, self.fontMetrics(), self.contentsRect().width())
        if fitted != self.text():
            self.setText(fitted)


class DayCell(QFrame):
    """One day with its sessions, and the holiday or closing that explains a quiet day;
    a click on a session asks to show its cycle, "+n more" lists them all.

    The calendar keeps its cells, and each cell its labels, from one month to the next
    and only tells them what to show (``show_day``): making some 250 widgets anew for
    each month took most of a step through a full calendar (#34)."""

    session_clicked = Signal(int)  # cycle id

    def __init__(self) -> None:
        super().__init__()
        self.day = dt.date.min
        self.events: list[SessionEvent] = []
        self.note: tuple[str, bool] | None = None
        self.menu: QMenu | None = None
        self.items: list[ClickableLabel] = []  # the sessions shown, in order
        self.note_label: DayNote | None = None  # when the day has a note
        self.more_button: QPushButton | None = None  # when not every session fits
        self._style = ""
        self.setObjectName("dayCell")
        # long group names must not widen a column: whole words are shown, the tooltip has it all
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        layout.setSpacing(1)
        self.number = QLabel()
        self._top = QHBoxLayout()
        self._top.setSpacing(6)
        self._top.addWidget(self.number)
        layout.addLayout(self._top)
        self._list = QVBoxLayout()
        self._list.setSpacing(1)
        layout.addLayout(self._list)
        # the note, the labels and "+n more" are made when a day first needs them
        self._note: DayNote | None = None
        self._month_labels: list[SessionLabel] = []
        self._week_labels: list[ClickableLabel] = []
        self._more: QPushButton | None = None
        layout.addStretch(1)

    def show_day(
        self,
        day: dt.date,
        events: list[SessionEvent],
        max_items: int,
        in_month: bool,
        today: dt.date,
        note: tuple[str, bool] | None = None,
    ) -> None:
        self.day, self.events, self.note = day, events, note
        closed = note is not None and note[1]
        border = "2px solid palette(highlight)" if day == today else "1px solid palette(mid)"
        background = (
            CLOSED_BACKGROUND if closed else "palette(base)" if in_month else "palette(window)"
        )
        style = f"#dayCell {{ border: {border}; background: {background}; }}"
        if style != self._style:
            self._style = style
            self.setStyleSheet(style)
        self.number.setText(str(day.day))
        number_style = "" if in_month else "color: palette(placeholder-text);"
        if self.number.styleSheet() != number_style:
            self.number.setStyleSheet(number_style)
        self.note_label = None
        if note is not None:
            if self._note is None:
                self._note = DayNote()
                self._top.addWidget(self._note, 1)
            self._note.show_note(*note)
            self.note_label = self._note
        if self._note is not None:
            self._note.setVisible(note is not None)

        detailed = max_items > MONTH_ITEMS  # the week view has room for the details
        shown = events[:max_items]
        for label in self._month_labels if detailed else self._week_labels:
            label.hide()
        self.items = []
        for index, event in enumerate(shown):
            label = self._label(index, detailed)
            label.cycle_id = event.cycle_id
            if isinstance(label, SessionLabel):
                label.show_session(
                    group_colour(event.group_id),
                    f"{event.starts_at:%H:%M} {event.group_name}",
                    event.cancelled,
                )
            else:
                label.setText(_details(event))
            label.setToolTip(_describe(event))
            label.show()
            self.items.append(label)
        for label in (self._week_labels if detailed else self._month_labels)[len(shown) :]:
            label.hide()
        self.more_button = None
        if len(events) > max_items:
            more = len(events) - max_items
            self.more_button = self._more_button()
            self.more_button.setText(n_("+{n} more", "+{n} more", more).format(n=more))
        if self._more is not None:
            self._more.setVisible(self.more_button is not None)

    def _more_button(self) -> QPushButton:
        if self._more is None:
            self._more = QPushButton()
            self._more.setFlat(True)
            self._more.setStyleSheet("text-align: left; padding: 0 2px;")
            self._more.setCursor(Qt.CursorShape.PointingHandCursor)
            self._more.setToolTip(_("Every session of this day"))
            self._more.clicked.connect(self.show_all)
            # after the labels, before the stretch that keeps them at the top
            layout = self.layout()
            assert isinstance(layout, QVBoxLayout)
            layout.insertWidget(layout.count() - 1, self._more, 0, Qt.AlignmentFlag.AlignLeft)
        return self._more

    def _label(self, index: int, detailed: bool) -> ClickableLabel:
        """The cell's ``index``-th label of its kind, made the first time it is needed."""
        pool: list[SessionLabel] | list[ClickableLabel] = (
            self._week_labels if detailed else self._month_labels
        )
        if index < len(pool):
            return pool[index]
        label: ClickableLabel
        if detailed:
            label = ClickableLabel()
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
            label.setWordWrap(True)
            self._week_labels.append(label)
        else:
            label = SessionLabel()
            self._month_labels.append(label)
        label.clicked.connect(lambda: self.session_clicked.emit(label.cycle_id))
        self._list.addWidget(label)
        return label

    def show_all(self) -> None:
        """The day opened: every session, each one a choice that shows its cycle."""
        menu = QMenu(self)
        title = menu.addAction(babel_format_date(self.day, "full", locale=current_language()))
        title.setEnabled(False)
        if self.note is not None:
            menu.addAction(self.note[0]).setEnabled(False)
        menu.addSeparator()
        for event in self.events:
            end = event.starts_at + dt.timedelta(minutes=event.duration_minutes)
            text = f"{event.starts_at:%H:%M}–{end:%H:%M}  {event.group_name} · " + _(
                "day {n}"
            ).format(n=event.day_number)
            if event.cancelled:
                text += " (" + _("cancelled") + ")"
            action = menu.addAction(text)
            action.triggered.connect(
                lambda _checked=False, cycle=event.cycle_id: self.session_clicked.emit(cycle)
            )
        self.menu = menu
        anchor = self.more_button or self
        menu.popup(anchor.mapToGlobal(anchor.rect().bottomLeft()))


def _details(event: SessionEvent) -> str:
    """A session in the week view, which has room for its details (wrapped at spaces)."""
    end = event.starts_at + dt.timedelta(minutes=event.duration_minutes)
    strike = "text-decoration: line-through;" if event.cancelled else ""
    return (
        f"<span style='color:{group_colour(event.group_id)}'>■</span> "
        f"<span style='{strike}'><b>{event.starts_at:%H:%M}–{end:%H:%M}</b><br>"
        f"{html.escape(event.group_name)}<br>"
        + html.escape(_("day {n}").format(n=event.day_number))
        + (f" · {html.escape(event.location)}" if event.location else "")
        + "</span>"
    )


def _describe(event: SessionEvent) -> str:
    return _("{group}, day {n} · {location}\n{theme}").format(
        group=event.group_name,
        n=event.day_number,
        location=event.location or "—",
        theme=event.theme,
    )


class CalendarView(QWidget):
    """Month and week views over the sessions; the caller hands in the events."""

    cycle_chosen = Signal(int)
    # (first, last): the days whose sessions the calendar wants handed in (set_events)
    days_needed = Signal(object)

    def __init__(self, today: Callable[[], dt.date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.events: list[SessionEvent] = []
        self.span: Days | None = None  # the days self.events holds every session of
        self._asked: Days | None = None  # days asked for and not yet handed in
        self._drawn: Days | None = None  # the days the cells show
        self.work_calendar: WorkCalendar | None = None  # holidays and closing days
        self.anchor = today()
        self.month_mode = True
        self.cells: list[DayCell] = []  # those shown, in order
        self._pool: list[DayCell] = []  # made once, shown as many as the view needs
        self._headers: list[QLabel] = []
        self._stale = True  # the cells do not show self.events yet

        self.previous_button = QPushButton("◀")
        self.previous_button.setAccessibleName(_("Previous"))
        self.next_button = QPushButton("▶")
        self.next_button.setAccessibleName(_("Next"))
        self.today_button = QPushButton(_("Today"))
        self.month_button = QPushButton(_("Month"))
        self.week_button = QPushButton(_("Week"))
        for button in (self.month_button, self.week_button):
            button.setCheckable(True)
        self.month_button.setChecked(True)
        modes = QButtonGroup(self)
        modes.addButton(self.month_button)
        modes.addButton(self.week_button)
        self.title = heading("", 1.2)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.today_button.clicked.connect(self.go_today)
        self.month_button.clicked.connect(lambda: self.set_month_mode(True))
        self.week_button.clicked.connect(lambda: self.set_month_mode(False))

        bar = QHBoxLayout()
        for button in (self.previous_button, self.today_button, self.next_button):
            bar.addWidget(button)
        bar.addSpacing(12)
        bar.addWidget(self.title, 1)
        bar.addWidget(self.month_button)
        bar.addWidget(self.week_button)
        self.grid = QGridLayout()
        self.grid.setSpacing(2)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(self.grid, 1)

    def set_events(
        self,
        events: list[SessionEvent],
        work_calendar: WorkCalendar | None = None,
        span: Days | None = None,
    ) -> None:
        """Show these sessions, every one from the first to the last day of ``span``
        (all there are when it is None), and the holidays and closing days of
        ``work_calendar``; a hidden calendar builds its day cells when it is shown.
        Sessions read ahead, with the days shown as they were, change nothing in view."""
        span = span or (dt.date.min, dt.date.max)
        shown = self.visible_days()
        unchanged = (
            self._drawn == (shown[0], shown[-1])
            and not self._stale
            and (work_calendar is None or work_calendar == self.work_calendar)
            and _covers(self.span, shown[0], shown[-1])
            and _covers(span, shown[0], shown[-1])
            and self._on(self.events, self._drawn) == self._on(events, self._drawn)
        )
        self.events = events
        self.span = span
        if _covers(span, *(self._asked or span)):
            self._asked = None
        if work_calendar is not None:
            self.work_calendar = work_calendar
        if unchanged:
            return
        if self.isVisible():
            self.rebuild()
        else:
            self._stale = True

    def forget_events(self) -> None:
        """The sessions changed: read them again when the calendar shows."""
        self.span = self._asked = None
        if self.isVisible():
            self.rebuild()
        else:
            self._stale = True

    def wanted_days(self) -> Days:
        """The days to read: those shown and about four months either side."""
        days = self.visible_days()
        return days[0] - MARGIN, days[-1] + MARGIN

    @staticmethod
    def _on(events: list[SessionEvent], days: Days) -> list[SessionEvent]:
        return [e for e in events if days[0] <= e.starts_at.date() <= days[1]]

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.rebuild()
        super().showEvent(event)

    def set_month_mode(self, month: bool) -> None:
        self.month_mode = month
        self.month_button.setChecked(month)
        self.week_button.setChecked(not month)
        self.rebuild()

    def go_today(self) -> None:
        self.anchor = self.today()
        self.rebuild()

    def step(self, direction: int) -> None:
        if self.month_mode:
            month = self.anchor.month - 1 + direction
            self.anchor = dt.date(self.anchor.year + month // 12, month % 12 + 1, 1)
        else:
            self.anchor += dt.timedelta(weeks=direction)
        self.rebuild()

    def visible_days(self) -> list[dt.date]:
        if self.month_mode:
            first = self.anchor.replace(day=1)
            start = first - dt.timedelta(days=first.weekday())
            return [start + dt.timedelta(days=i) for i in range(42)]
        start = self.anchor - dt.timedelta(days=self.anchor.weekday())
        return [start + dt.timedelta(days=i) for i in range(7)]

    def rebuild(self) -> None:
        """Draw the days shown, and ask for their sessions when they are not in hand
        (drawn again when they come) or for the next months when these run short."""
        days = self.visible_days()
        first, last = days[0], days[-1]
        if not _covers(self.span, first, last) and not _covers(self._asked, first, last):
            self._ask()
            if _covers(self.span, first, last) and not self._stale:
                return  # handed in at once, and drawn
        self._draw(days)
        if not _covers(self.span, first - AHEAD, last + AHEAD) and not _covers(
            self._asked, first - AHEAD, last + AHEAD
        ):
            self._ask()

    def _ask(self) -> None:
        self._asked = self.wanted_days()
        self.days_needed.emit(self._asked)

    def _draw(self, days: list[dt.date]) -> None:
        # one paint of the new month, not one for each of its cells as it comes
        self.setUpdatesEnabled(False)
        try:
            self._fill(days)
        finally:
            self.setUpdatesEnabled(True)

    def _fill(self, days: list[dt.date]) -> None:
        self._stale = False
        self._drawn = (days[0], days[-1])
        language = current_language()
        if self.month_mode:
            self.title.setText(babel_format_date(self.anchor, "LLLL yyyy", locale=language))
        else:
            self.title.setText(
                _("Week {week}, {start} to {end}").format(
                    week=days[0].isocalendar().week,
                    start=babel_format_date(days[0], "d MMM", locale=language),
                    end=babel_format_date(days[-1], "d MMM yyyy", locale=language),
                )
            )
        if not self._pool:  # the headers and six weeks of cells, made once
            for column in range(7):
                header = QLabel()
                header.setAlignment(Qt.AlignmentFlag.AlignCenter)
                self.grid.addWidget(header, 0, column)
                self._headers.append(header)
            for index in range(42):
                cell = DayCell()
                cell.session_clicked.connect(self.cycle_chosen)
                self.grid.addWidget(cell, 1 + index // 7, index % 7)
                self._pool.append(cell)
        names = get_day_names("abbreviated", locale=language)
        for column, header in enumerate(self._headers):
            header.setText(names[column])
        by_day: dict[dt.date, list[SessionEvent]] = {}
        for event in self._on(self.events, self._drawn):
            by_day.setdefault(event.starts_at.date(), []).append(event)
        today = self.today()
        self.cells = self._pool[: len(days)]
        for cell, day in zip(self.cells, days, strict=True):
            cell.show_day(
                day,
                by_day.get(day, []),
                MONTH_ITEMS if self.month_mode else 12,
                not self.month_mode or day.month == self.anchor.month,
                today,
                self.work_calendar.day_note(day) if self.work_calendar else None,
            )
            cell.show()
        for cell in self._pool[len(days) :]:
            cell.hide()
        for row in range(1, 8):  # rows a month used stay flat in the week view
            self.grid.setRowStretch(row, 1 if row <= len(days) // 7 else 0)
        for column in range(7):
            self.grid.setColumnStretch(column, 1)
