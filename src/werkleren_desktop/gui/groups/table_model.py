"""Learning groups as a table, filtered by status and search text."""

from __future__ import annotations

import enum

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from werkleren_desktop.db.models import GroupStatus
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.i18n import N_, _
from werkleren_desktop.services.groups import GroupRow

_Index = QModelIndex | QPersistentModelIndex


class GroupFilter(enum.Enum):
    ACTIVE = N_("Active")
    CLOSED = N_("Closed")
    ALL = N_("All groups")


COLUMNS = (N_("Name"), N_("Theme"), N_("Members"), N_("On call"), N_("Started"))


class GroupsTableModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._all: list[GroupRow] = []
        self._shown: list[GroupRow] = []
        self._search = ""
        self._status = GroupFilter.ACTIVE

    def set_groups(self, rows: list[GroupRow]) -> None:
        self._all = rows
        self._refilter()

    def set_filter(self, search: str, status: GroupFilter) -> None:
        self._search = " ".join(search.casefold().split())
        self._status = status
        self._refilter()

    def _matches(self, row: GroupRow) -> bool:
        if self._status is GroupFilter.ACTIVE and row.status is not GroupStatus.ACTIVE:
            return False
        if self._status is GroupFilter.CLOSED and row.status is not GroupStatus.CLOSED:
            return False
        haystack = f"{row.name} {row.theme} {row.expert}".casefold()
        return all(word in haystack for word in self._search.split())

    def _refilter(self) -> None:
        self.beginResetModel()
        self._shown = [row for row in self._all if self._matches(row)]
        self.endResetModel()

    def row_at(self, row: int) -> GroupRow:
        return self._shown[row]

    def row_of(self, group_id: int) -> int | None:
        return next((i for i, r in enumerate(self._shown) if r.id == group_id), None)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self._shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            theme = row.theme.splitlines()[0] if row.theme else ""
            return (
                row.name,
                theme,
                str(row.members),
                row.expert,
                format_date(row.starts, "short"),
            )[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and row.status is GroupStatus.CLOSED:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 2:
            return Qt.AlignmentFlag.AlignCenter
        return None
