"""The organisation's extra closing periods as a table (first day, last day, description)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.organisation import ClosingPeriodInput
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.i18n import N_

COLUMNS = (N_("From"), N_("To (inclusive)"), N_("Description"))


def _cells(period: ClosingPeriodInput) -> tuple[str, ...]:
    return (
        format_date(period.first_day, "medium"),
        format_date(period.last_day, "medium"),
        period.description,
    )


class ClosingPeriodsTableModel(RowsTableModel[ClosingPeriodInput]):
    def __init__(self, periods: tuple[ClosingPeriodInput, ...] = ()) -> None:
        super().__init__(COLUMNS, _cells)
        self.rows = sorted(periods, key=lambda p: (p.first_day, p.last_day))

    @property
    def periods(self) -> tuple[ClosingPeriodInput, ...]:
        return tuple(self.rows)

    def add(self, period: ClosingPeriodInput) -> int:
        """Insert in date order; returns the row."""
        row = sum(
            1 for p in self.rows if (p.first_day, p.last_day) <= (period.first_day, period.last_day)
        )
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, period)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            self.endRemoveRows()
