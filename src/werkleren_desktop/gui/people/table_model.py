"""The people list as a table: filtered and sorted in memory, hundreds of rows at ease."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.people import folded, list_name, sort_key
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.i18n import N_
from werkleren_desktop.services.people import PersonRow


class StatusFilter(enum.Enum):
    ACTIVE = N_("In service")
    LEFT = N_("Left")
    ALL = N_("Everyone")


COLUMNS = (N_("Name"), N_("Job title"), N_("Manager"), N_("In service"), N_("Out of service"))
SORT_KEYS: tuple[Callable[[PersonRow], Any], ...] = (
    lambda r: sort_key(r.first_name, r.last_name),
    lambda r: folded(r.job_title),
    lambda r: folded(r.manager_name),
    lambda r: r.in_service,
    lambda r: r.out_of_service or dt.date.max,
)


def _cells(row: PersonRow) -> tuple[str, ...]:
    return (
        list_name(row.first_name, row.last_name),
        row.job_title,
        row.manager_name,
        format_date(row.in_service, "short"),
        format_date(row.out_of_service, "short") if row.out_of_service else "",
    )


class PeopleTableModel(RowsTableModel[PersonRow]):
    def __init__(self, today: Callable[[], dt.date]) -> None:
        super().__init__(COLUMNS, _cells)
        self.today = today
        self.all_rows: list[PersonRow] = []
        self._search = ""
        self._status = StatusFilter.ACTIVE
        self._manager_id: int | None = None
        self._sort = (0, Qt.SortOrder.AscendingOrder)
        self._haystacks: dict[int, str] = {}  # a row's searchable text, folded once

    def set_people(
        self,
        rows: list[PersonRow],
        search: str | None = None,
        status: StatusFilter | None = None,
        manager_id: int | None = None,
    ) -> None:
        """Show ``rows``; with a filter, filtered by it at once (one pass, not two)."""
        self.all_rows = rows
        self._haystacks = {}
        if search is not None and status is not None:
            self._set_filter(search, status, manager_id)
        self._refilter()

    def set_filter(self, search: str, status: StatusFilter, manager_id: int | None = None) -> None:
        self._set_filter(search, status, manager_id)
        self._refilter()

    def _set_filter(self, search: str, status: StatusFilter, manager_id: int | None) -> None:
        self._search = folded(search)  # "sukru" finds Şükrü
        self._status = status
        self._manager_id = manager_id

    def _matches(self, row: PersonRow, today: dt.date) -> bool:
        if self._status is StatusFilter.ACTIVE and row.has_left(today):
            return False
        if self._status is StatusFilter.LEFT and not row.has_left(today):
            return False
        if self._manager_id is not None and row.manager_id != self._manager_id:
            return False
        if not self._search:
            return True
        haystack = self._haystacks.get(row.id)
        if haystack is None:
            haystack = folded(f"{row.full_name} {row.job_title} {row.email} {row.manager_name}")
            self._haystacks[row.id] = haystack
        return all(word in haystack for word in self._search.split())

    def _refilter(self) -> None:
        today = self.today()
        column, order = self._sort
        shown = [row for row in self.all_rows if self._matches(row, today)]
        shown.sort(key=SORT_KEYS[column], reverse=order == Qt.SortOrder.DescendingOrder)
        self.show_rows(shown)

    def extra(self, row: PersonRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and row.has_left(self.today()):
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._refilter()
