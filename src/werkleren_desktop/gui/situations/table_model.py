"""Learning situations as a table (the page loads a capped, filtered set)."""

from __future__ import annotations

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.situations import KIND_LABELS, STATUS_LABELS
from werkleren_desktop.gui.rows_model import RowsTableModel
from werkleren_desktop.i18n import N_, _
from werkleren_desktop.services.situations import SituationRow

COLUMNS = (N_("Date"), N_("Title"), N_("Kind"), N_("Who"), N_("Status"), N_("AI"))


def _cells(row: SituationRow) -> tuple[str, ...]:
    return (
        format_date(row.occurred_on, "short"),
        row.title,
        _(KIND_LABELS[row.kind]),
        row.people,
        _(STATUS_LABELS[row.status]),
        _("yes") if row.ai_used else "",
    )


class SituationsTableModel(RowsTableModel[SituationRow]):
    def __init__(self) -> None:
        super().__init__(COLUMNS, _cells)
