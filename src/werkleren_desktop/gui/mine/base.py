"""What the pages of Mijn leren share: the person signed in, a title with the area's
explanation, and short tables of one's own records that open with Enter or a double
click."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.users import Seat
from werkleren_desktop.gui.navigation import MY_AREAS, TEAM_AREAS
from werkleren_desktop.gui.record_page import RecordListPage
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import (
    detail_table,
    hint,
    on_keys,
    page_layout,
    paragraph,
    section,
)
from werkleren_desktop.i18n import _

ID_ROLE = Qt.ItemDataRole.UserRole


class MinePage(RecordListPage):
    """A page of one's own records (``seat``: who signed in)."""

    area_key = ""
    # the page's widgets, made as the page is: every page of Mijn leren has its own
    build: Callable[[], None]

    def __init__(
        self,
        sessions: SessionFactory,
        tasks: TaskRunner,
        today: Callable[[], dt.date],
        seat: Seat,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(sessions, tasks, today, parent)
        self.seat = seat
        self.build()

    def start_layout(self, *beside: QWidget) -> QVBoxLayout:
        area = next(a for a in (*MY_AREAS, *TEAM_AREAS) if a.key == self.area_key)
        layout = page_layout(self, _(area.title), *beside)
        layout.addWidget(hint(_(area.description)))
        layout.addWidget(self.error_label)
        return layout


class HeldSession(Protocol):
    """A session of a week cycle as a list of sessions shows it."""

    @property
    def id(self) -> int: ...
    @property
    def cancelled(self) -> bool: ...
    @property
    def starts_at(self) -> dt.datetime: ...
    def took_place(self, today: dt.date) -> bool: ...


S = TypeVar("S", bound=HeldSession)


class SessionsPage(MinePage, Generic[S]):
    """A page with a list of sessions (``shown``, in ``table``) and one thing to do
    after a session took place (``session_button``, Enter or a double click): one's own
    check-in, or a manager's record of their team."""

    shown: list[S]
    table: QTableWidget
    session_button: QPushButton
    not_yet = ""  # what is said of a session still to come: "... on {day}"
    # what is done after a session that took place: each page has its own form
    after_session: Callable[[S], None]

    def build_sessions(
        self,
        action: str,
        groups_title: str,
        sessions_title: str,
        headers: list[str],
        none_yet: str,
    ) -> None:
        """The page: its one button (``action``), the groups in a paragraph, and the
        list of sessions (``headers``, the fifth column taking what is left), or
        ``none_yet`` while there are none."""
        self.shown = []
        self.session_button = QPushButton(action)
        self.session_button.clicked.connect(self.open_chosen)
        layout = self.start_layout(self.session_button)
        layout.addWidget(section(groups_title))
        self.groups_label = paragraph("")
        layout.addWidget(self.groups_label)
        layout.addWidget(section(sessions_title))
        self.table = own_table(headers, 4, self.open_session)
        self.table.currentCellChanged.connect(lambda *_args: self.update_button())
        self.empty = hint(none_yet)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)

    def chosen(self) -> S | None:
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def update_button(self) -> None:
        chosen = self.chosen()
        self.session_button.setEnabled(chosen is not None and chosen.took_place(self.today()))

    def open_chosen(self) -> None:
        chosen = self.chosen()
        if chosen is not None:
            self.open_session(chosen.id)

    def open_session(self, session_id: int) -> None:
        """The session's form, once it took place; else a word why not."""
        session = next((s for s in self.shown if s.id == session_id), None)
        if session is None:
            return
        if not session.took_place(self.today()):
            self.status_message.emit(
                _("This session was cancelled.")
                if session.cancelled
                else self.not_yet.format(day=format_date(session.starts_at.date(), "full"))
            )
            return
        self.after_session(session)


def own_table(headers: list[str], stretch: int, opened: Callable[[int], None]) -> QTableWidget:
    """A short list of one's records: Enter or a double click opens the chosen one (its
    id, kept in the first cell)."""
    table = detail_table(headers, stretch)
    table.setTabKeyNavigation(False)

    def open_current() -> None:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        if item is not None and item.data(ID_ROLE) is not None:
            opened(int(item.data(ID_ROLE)))

    table.itemDoubleClicked.connect(lambda _item: open_current())
    on_keys(table, {Qt.Key.Key_Return: open_current, Qt.Key.Key_Enter: open_current})
    return table


def fill_table(table: QTableWidget, rows: Sequence[tuple[int, Sequence[str]]]) -> None:
    """Put ``rows`` (an id and the texts of its cells) in ``table``, keeping the chosen
    row when it is still there."""
    current = table.item(table.currentRow(), 0) if table.currentRow() >= 0 else None
    chosen = current.data(ID_ROLE) if current is not None else None
    table.setRowCount(len(rows))
    for row, (record_id, cells) in enumerate(rows):
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column == 0:
                item.setData(ID_ROLE, record_id)
            table.setItem(row, column, item)
        if record_id == chosen:
            table.setCurrentCell(row, 0)
    if table.currentRow() < 0 and rows:
        table.setCurrentCell(0, 0)
