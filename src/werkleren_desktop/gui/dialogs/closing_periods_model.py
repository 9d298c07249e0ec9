"""The organisation's extra closing periods as a table (first day, last day, description)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.organisation import ClosingPeriodInput
from werkleren_desktop.i18n import N_, _

_Index = QModelIndex | QPersistentModelIndex
COLUMNS = (N_("From"), N_("To (inclusive)"), N_("Description"))


class ClosingPeriodsTableModel(QAbstractTableModel):
    def __init__(self, periods: tuple[ClosingPeriodInput, ...] = ()) -> None:
        super().__init__()
        self._periods = sorted(periods, key=lambda p: (p.first_day, p.last_day))

    @property
    def periods(self) -> tuple[ClosingPeriodInput, ...]:
        return tuple(self._periods)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._periods)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        period = self._periods[index.row()]
        if index.column() == 0:
            return format_date(period.first_day, "medium")
        if index.column() == 1:
            return format_date(period.last_day, "medium")
        return period.description

    def add(self, period: ClosingPeriodInput) -> int:
        """Insert in date order; returns the row."""
        row = sum(
            1
            for p in self._periods
            if (p.first_day, p.last_day) <= (period.first_day, period.last_day)
        )
        self.beginInsertRows(QModelIndex(), row, row)
        self._periods.insert(row, period)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._periods):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._periods[row]
            self.endRemoveRows()
