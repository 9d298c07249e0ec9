"""Wie weet wat: whom to ask about what, searched by name, group or topic."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.people import folded
from werkleren_desktop.gui.widgets import detail_table, hint
from werkleren_desktop.i18n import _
from werkleren_desktop.services.know_how import KnowHow


class KnowHowDialog(QDialog):
    def __init__(self, rows: list[KnowHow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.setWindowTitle(_("Who knows what"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Search by name, group or topic"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.show_rows)
        self.table: QTableWidget = detail_table(
            [_("Name"), _("On call for"), _("Consulted"), _("About"), _("Last consulted")],
            stretch_column=3,
        )
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.table.setColumnWidth(0, 190)
        self.table.setColumnWidth(1, 170)
        self.count = hint("")
        buttons = QDialogButtonBox()
        buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            hint(
                _(
                    "Colleagues and experts who were consulted about a work situation, and "
                    "those on call for a learning group: whom to ask about what."
                )
            )
        )
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.resize(1000, 560)
        self.search.setFocus()
        self.show_rows()

    def shown(self) -> list[KnowHow]:
        words = folded(self.search.text()).split()
        return [row for row in self.rows if row.matches(words)]

    def show_rows(self) -> None:
        rows = self.shown()
        self.table.setRowCount(len(rows))
        for number, row in enumerate(rows):
            values = (
                row.name,
                ", ".join(row.on_call_for),
                str(row.consulted) if row.consulted else "",
                "; ".join(row.topics),
                format_date(row.last_consulted, "short") if row.last_consulted else "",
            )
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(value if column in (1, 3) else "")
                self.table.setItem(number, column, item)
        self.count.setText(
            _("{n} of {total} people to ask.").format(n=len(rows), total=len(self.rows))
        )
