"""The scans page's lists: the scans, and every characteristic of the chosen one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor

from werkleren_desktop.documents.scan_rows import (
    ITEM_COLUMNS,
    ScanReport,
    changed_text,
    item_cells,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.scans import CHARACTERISTICS, Characteristic, format_score
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.i18n import N_, _, current_language
from werkleren_desktop.services.scans import ScanRow

LOW_COLOUR = "#fdecea"


class ScansModel(RowsTableModel[ScanRow]):
    def __init__(self) -> None:
        super().__init__(
            (N_("Date"), N_("Name"), N_("Average")),
            lambda r: (
                format_date(r.held_on, "short"),
                r.title,
                format_score(r.mean, current_language()),
            ),
        )

    def extra(self, row: ScanRow, column: int, role: int) -> object:
        if column == 2 and role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class ItemsModel(RowsTableModel[Characteristic]):
    """Every characteristic with its average, spread, the previous scan and what the
    data measured; low averages shaded."""

    def __init__(self) -> None:
        super().__init__(ITEM_COLUMNS, self._cells)
        self.report: ScanReport | None = None

    def _cells(self, c: Characteristic) -> tuple[str, ...]:
        assert self.report is not None
        return item_cells(self.report, c)

    def show_report(self, report: ScanReport) -> None:
        self.report = report
        self.show_rows(list(CHARACTERISTICS))

    def extra(self, row: Characteristic, column: int, role: int) -> object:
        if column >= 2 and role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if (
            role == Qt.ItemDataRole.BackgroundRole
            and self.report is not None
            and self.report.result.items[row.key].is_low
        ):
            return QBrush(QColor(LOW_COLOUR))
        if role == Qt.ItemDataRole.ToolTipRole and column == 1 and self.report is not None:
            return self._ends(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == 7 and self.report is not None:
            return changed_text(self.report) if self.report.changed(row.key) else None
        return None

    def _ends(self, row: Characteristic) -> str:
        """What a 1 and a 5 meant in this scan, and in the previous one where worded
        differently; a culture trait with the article's description."""
        assert self.report is not None
        result = self.report.result
        ends = _ends_text(row, result.scan.questionnaire)
        if result.previous is not None and self.report.changed(row.key):
            before = result.previous.questionnaire
            ends += "\n\n" + _("In the previous scan (version {n}):").format(n=before)
            ends += "\n" + _ends_text(row, before)
        return f"{row.description()}\n\n{ends}" if row.description() else ends


def _ends_text(row: Characteristic, version: int) -> str:
    """ "1: … / 5: …" in questionnaire ``version``, under the goal where the row is one."""
    ends = _("1: {low}\n5: {high}").format(low=row.low_end(version), high=row.high_end(version))
    goal = row.goal(version)
    return f"{goal}\n{ends}" if goal else ends
