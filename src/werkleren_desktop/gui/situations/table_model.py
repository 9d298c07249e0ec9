"""Learning situations as a table (the page loads a capped, filtered set)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.situations import KIND_LABELS, KIND_SHORT_LABELS, STATUS_LABELS
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.i18n import N_, _
from werkleren_desktop.services.situations import SituationOrder, SituationRow

COLUMNS = (N_("Date"), N_("Title"), N_("Kind"), N_("Who"), N_("Status"), N_("AI"))


def _cells(row: SituationRow) -> tuple[str, ...]:
    return (
        format_date(row.occurred_on, "short"),
        row.title,
        _(KIND_SHORT_LABELS[row.kind]),
        row.people,
        _(STATUS_LABELS[row.status]),
        _("yes") if row.ai_used else "",
    )


class SituationsTableModel(RowsTableModel[SituationRow]):
    """Clicking a column header asks the page for a new query: the database sorts, so
    that a capped list shows the first of all matches, not a sorted few."""

    sort_changed = Signal()

    def __init__(self) -> None:
        super().__init__(COLUMNS, _cells)
        self.order = SituationOrder.DATE
        self.descending = True

    def extra(self, row: SituationRow, column: int, role: int) -> object:
        if column == 2 and role == Qt.ItemDataRole.ToolTipRole:
            return _(KIND_LABELS[row.kind])
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        wanted = list(SituationOrder)[column], order == Qt.SortOrder.DescendingOrder
        if wanted != (self.order, self.descending):
            self.order, self.descending = wanted
            self.sort_changed.emit()
