"""Week cycles as a table, filtered by group and by upcoming or past."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.i18n import N_, _
from werkleren_desktop.services.cycles import CycleRow


class PeriodFilter(enum.Enum):
    UPCOMING = N_("Upcoming")
    PAST = N_("Past")
    ALL = N_("All cycles")


COLUMNS = (N_("Group"), N_("From"), N_("To"), N_("Location"), N_("Turnout"))


def _cells(row: CycleRow) -> tuple[str, ...]:
    rate = row.attendance_rate
    if row.cancelled:
        attendance = _("cancelled")
    elif rate is None:
        attendance = "—"
    else:
        attendance = f"{round(rate * 100)}%"
    return (
        row.group_name,
        format_date(row.first_day, "short"),
        format_date(row.last_day, "short"),
        row.location,
        attendance,
    )


class CyclesTableModel(RowsTableModel[CycleRow]):
    def __init__(self, today: Callable[[], dt.date]) -> None:
        super().__init__(COLUMNS, _cells)
        self.today = today
        self._all: list[CycleRow] = []
        self._group_id: int | None = None
        self._period = PeriodFilter.UPCOMING
        self._read = 0  # how many times rows were set
        self._shown_for: tuple[object, ...] | None = None  # what the rows shown were chosen by

    def set_cycles(self, rows: list[CycleRow]) -> None:
        self._all = rows
        self._read += 1
        self._refilter()

    def set_filter(self, group_id: int | None, period: PeriodFilter) -> None:
        self._group_id = group_id
        self._period = period
        self._refilter()

    def _refilter(self) -> None:
        today = self.today()
        chosen_by = (self._read, self._group_id, self._period, today)
        if chosen_by == self._shown_for:
            return  # (the page sets the rows, then its filters: the same rows twice)
        self._shown_for = chosen_by
        shown = [
            row
            for row in self._all
            if (self._group_id is None or row.group_id == self._group_id)
            and (self._period is not PeriodFilter.UPCOMING or row.last_day >= today)
            and (self._period is not PeriodFilter.PAST or row.last_day < today)
        ]
        if self._period is PeriodFilter.PAST:
            shown.reverse()  # the most recent first
        self.show_rows(shown)

    def extra(self, row: CycleRow, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and row.cancelled:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None
