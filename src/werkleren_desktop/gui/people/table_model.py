"""The people list as a table: filtered and sorted in memory, hundreds of rows at ease."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.people import list_name
from werkleren_desktop.i18n import N_, _
from werkleren_desktop.services.people import PersonRow

_Index = QModelIndex | QPersistentModelIndex


class StatusFilter(enum.Enum):
    ACTIVE = N_("In service")
    LEFT = N_("Left")
    ALL = N_("Everyone")


COLUMNS: tuple[tuple[str, Callable[[PersonRow], object]], ...] = (
    (N_("Name"), lambda r: list_name(r.first_name, r.last_name).casefold()),
    (N_("Job title"), lambda r: r.job_title.casefold()),
    (N_("Manager"), lambda r: r.manager_name.casefold()),
    (N_("In service"), lambda r: r.in_service),
    (N_("Out of service"), lambda r: r.out_of_service or dt.date.max),
)


class PeopleTableModel(QAbstractTableModel):
    def __init__(self, today: Callable[[], dt.date]) -> None:
        super().__init__()
        self.today = today
        self._all: list[PersonRow] = []
        self._shown: list[PersonRow] = []
        self._search = ""
        self._status = StatusFilter.ACTIVE
        self._manager_id: int | None = None
        self._sort = (0, Qt.SortOrder.AscendingOrder)

    # --- data in ------------------------------------------------------------------

    def set_people(self, rows: list[PersonRow]) -> None:
        self._all = rows
        self._refilter()

    def set_filter(self, search: str, status: StatusFilter, manager_id: int | None = None) -> None:
        self._search = " ".join(search.casefold().split())
        self._status = status
        self._manager_id = manager_id
        self._refilter()

    def _matches(self, row: PersonRow, today: dt.date) -> bool:
        if self._status is StatusFilter.ACTIVE and row.has_left(today):
            return False
        if self._status is StatusFilter.LEFT and not row.has_left(today):
            return False
        if self._manager_id is not None and row.manager_id != self._manager_id:
            return False
        if not self._search:
            return True
        haystack = f"{row.full_name} {row.job_title} {row.email} {row.manager_name}".casefold()
        return all(word in haystack for word in self._search.split())

    def _refilter(self) -> None:
        today = self.today()
        self.beginResetModel()
        self._shown = [row for row in self._all if self._matches(row, today)]
        column, order = self._sort
        self._shown.sort(
            key=COLUMNS[column][1],  # type: ignore[arg-type]
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self.endResetModel()

    # --- data out -----------------------------------------------------------------

    @property
    def all_rows(self) -> list[PersonRow]:
        return self._all

    def row_at(self, row: int) -> PersonRow:
        return self._shown[row]

    def row_of(self, person_id: int) -> int | None:
        return next((i for i, r in enumerate(self._shown) if r.id == person_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section][0])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, index.column())
        if role == Qt.ItemDataRole.ForegroundRole and row.has_left(self.today()):
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        return None

    @staticmethod
    def _text(row: PersonRow, column: int) -> str:
        if column == 0:
            return list_name(row.first_name, row.last_name)
        if column == 1:
            return row.job_title
        if column == 2:
            return row.manager_name
        if column == 3:
            return format_date(row.in_service, "short")
        return format_date(row.out_of_service, "short") if row.out_of_service else ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort = (column, order)
        self._refilter()
