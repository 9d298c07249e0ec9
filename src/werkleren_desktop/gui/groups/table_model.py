"""Learning groups as a table, filtered by status and search text."""

from __future__ import annotations

import enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from werkleren_desktop.domain.constants import (
    GroupStatus,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.i18n import N_
from werkleren_desktop.services.groups import GroupRow


class GroupFilter(enum.Enum):
    ACTIVE = N_("Active")
    CLOSED = N_("Closed")
    ALL = N_("All groups")


COLUMNS = (N_("Name"), N_("Theme"), N_("Members"), N_("On call"), N_("Started"))


def _cells(row: GroupRow) -> tuple[str, ...]:
    theme = row.theme.splitlines()[0] if row.theme else ""
    return (row.name, theme, str(row.members), row.expert, format_date(row.starts, "short"))


class GroupsTableModel(RowsTableModel[GroupRow]):
    def __init__(self) -> None:
        super().__init__(COLUMNS, _cells)
        self._all: list[GroupRow] = []
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
        self.show_rows([row for row in self._all if self._matches(row)])

    def extra(self, row: GroupRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and row.status is GroupStatus.CLOSED:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return Qt.AlignmentFlag.AlignCenter
        return None
