"""What the pages of Mijn leren share: the person signed in, a title with the area's
explanation, and short tables of one's own records that open with Enter or a double
click."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.users import Seat
from werkleren_desktop.gui.navigation import MY_AREAS, TEAM_AREAS
from werkleren_desktop.gui.record_page import RecordListPage
from werkleren_desktop.gui.tasks import TaskRunner
from werkleren_desktop.gui.widgets import detail_table, hint, on_keys, page_layout
from werkleren_desktop.i18n import _

ID_ROLE = Qt.ItemDataRole.UserRole


class MinePage(RecordListPage):
    """A page of one's own records (``seat``: who signed in)."""

    area_key = ""

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

    def build(self) -> None:
        """The page's widgets; every page of Mijn leren makes its own."""
        raise NotImplementedError

    def start_layout(self, *beside: QWidget) -> QVBoxLayout:
        area = next(a for a in (*MY_AREAS, *TEAM_AREAS) if a.key == self.area_key)
        layout = page_layout(self, _(area.title), *beside)
        layout.addWidget(hint(_(area.description)))
        layout.addWidget(self.error_label)
        return layout


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
