"""Who holds which certificate, on the training page: everyone in service or one
manager's team against the certificates, each cell coloured by where the person stands;
printed and exported as the window shows it (documents.certificate_matrix)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.documents.certificate_matrix import (
    COLOURS,
    cell_text,
    headers,
    legend,
)
from werkleren_desktop.domain.certificates import STANDING_LABELS
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.gui.widgets import hint, list_table
from werkleren_desktop.i18n import _
from werkleren_desktop.services.certificates import CertificateMatrix

Index = QModelIndex | QPersistentModelIndex


class MatrixModel(QAbstractTableModel):
    """A row per person, their name and job title, then a column per certificate."""

    def __init__(self) -> None:
        super().__init__()
        self.matrix: CertificateMatrix | None = None

    def show_matrix(self, matrix: CertificateMatrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else 2 + len(self.matrix.types)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.matrix is None or orientation is not Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return headers(self.matrix)[section]
        if role == Qt.ItemDataRole.ToolTipRole and section >= 2:
            kind = self.matrix.types[section - 2]
            return f"{kind.rule.description}\n{kind.rule.describe()}".strip()
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if self.matrix is None or not index.isValid():
            return None
        row = self.matrix.rows[index.row()]
        column = index.column()
        if column < 2:
            if role == Qt.ItemDataRole.DisplayRole:
                return row.name if column == 0 else row.job_title
            return None
        status = row.cells[column - 2]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(status)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = COLOURS.get(status.standing)
            return QBrush(QColor(colour)) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and status.standing in COLOURS:
            return QBrush(QColor("#1f2328"))  # dark on the light colours, in any theme
        if role == Qt.ItemDataRole.ToolTipRole:
            said = _(STANDING_LABELS[status.standing])
            if status.expires_on is not None:
                said += " · " + _("expires on {date}").format(date=format_date(status.expires_on))
            return f"{row.name} · {self.matrix.types[column - 2].name}: {said}"
        return None


class MatrixTab(QWidget):
    """The matrix with its team choice, legend, and print and export buttons."""

    team_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.team = QComboBox()
        self.team.addItem(_("Everyone in service"), None)
        self.team.currentIndexChanged.connect(lambda _index: self.team_changed.emit())
        self.model = MatrixModel()
        self.table = list_table(self.model, {})
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        self.print_button = QPushButton(_("Print…"))
        self.export_button = QPushButton(_("Excel…"))
        self.legend = hint(legend())
        self.empty = hint(_("Nobody here followed a training with a certificate yet."))
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Show")))
        top.addWidget(self.team)
        top.addStretch(1)
        top.addWidget(self.print_button)
        top.addWidget(self.export_button)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.empty)
        column.addWidget(self.table, 1)
        column.addWidget(self.legend)

    def set_teams(self, managers: list[tuple[str, int]]) -> None:
        """The managers whose team can be shown, kept as chosen where still there."""
        chosen = self.team.currentData()
        self.team.blockSignals(True)
        while self.team.count() > 1:
            self.team.removeItem(1)
        for name, person_id in managers:
            self.team.addItem(_("Team of {name}").format(name=name), person_id)
        self.team.setCurrentIndex(max(0, self.team.findData(chosen)) if chosen else 0)
        self.team.blockSignals(False)

    def show_matrix(self, matrix: CertificateMatrix) -> None:
        self.model.show_matrix(matrix)
        self.empty.setVisible(not matrix.types)
        for button in (self.print_button, self.export_button):
            button.setEnabled(bool(matrix.rows))

    def connect_actions(self, printing: Callable[[], None], exporting: Callable[[], None]) -> None:
        self.print_button.clicked.connect(printing)
        self.export_button.clicked.connect(exporting)
