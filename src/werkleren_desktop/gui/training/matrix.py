"""Who holds what, on the training page: everyone in service, a manager's team or the
holders of one function against the certificates and skills they hold or need, each cell
coloured by where the person stands; printed and exported as the window shows it
(documents.certificate_matrix)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
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
    empty_text,
    headers,
    legend,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.domain.qualifications import MARK_LABELS, cell_text, level_text
from werkleren_desktop.gui.widgets import hint, list_table
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.functions import QualificationMatrix

Index = QModelIndex | QPersistentModelIndex


class MatrixModel(QAbstractTableModel):
    """A row per person, their name and job title, then a column per certificate type
    and per skill."""

    def __init__(self) -> None:
        super().__init__()
        self.matrix: QualificationMatrix | None = None

    def show_matrix(self, matrix: QualificationMatrix) -> None:
        self.beginResetModel()
        self.matrix = matrix
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else len(self.matrix.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.matrix is None else 2 + len(self.matrix.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if self.matrix is None or orientation is not Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return headers(self.matrix)[section]
        if role == Qt.ItemDataRole.ToolTipRole and section >= 2:
            column = self.matrix.columns[section - 2]
            if column.rule is None:
                return "\n".join((column.description, _("A skill, with its level"))).strip()
            return f"{column.description}\n{column.rule.describe()}".strip()
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
        cell = row.cells[column - 2]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(cell)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = COLOURS.get(cell.mark)
            return QBrush(QColor(colour)) if colour is not None else None
        if role == Qt.ItemDataRole.ForegroundRole and cell.mark in COLOURS:
            return QBrush(QColor("#1f2328"))  # dark on the light colours, in any theme
        if role == Qt.ItemDataRole.FontRole and cell.required:
            bold = QFont()
            bold.setBold(True)
            return bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.name} · {self.matrix.columns[column - 2].name}: {tooltip(cell)}"
        return None


def tooltip(cell: Any) -> str:
    """Where the person stands in words: the mark, the expiry, the level, whether it is
    required."""
    said = [_(MARK_LABELS[cell.mark])]
    if cell.status is not None and cell.status.expires_on is not None:
        said.append(_("expires on {date}").format(date=format_date(cell.status.expires_on)))
    if cell.level is not None:
        said.append(_("level {level}").format(level=level_text(cell.level)))
    if cell.required_level is not None:
        said.append(_("required: {level}").format(level=level_text(cell.required_level)))
    elif cell.required:
        said.append(_("required by the function"))
    return " · ".join(said)


class MatrixTab(QWidget):
    """The matrix with its choice of team and function, the lists of functions and
    skills, the job titles that wait to be mapped, a legend, and print and export."""

    choice_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.team = QComboBox()
        self.team.addItem(_("Everyone in service"), None)
        self.team.currentIndexChanged.connect(lambda _index: self.choice_changed.emit())
        self.function = QComboBox()
        self.function.addItem(_("Every function"), None)
        self.function.currentIndexChanged.connect(lambda _index: self.choice_changed.emit())
        self.model = MatrixModel()
        self.table = list_table(self.model, {})
        self.table.setSelectionBehavior(self.table.SelectionBehavior.SelectItems)
        # every cell whole ("niveau 2, 3 nodig"): the matrix scrolls sideways instead
        self.table.setProperty("scrolls_sideways", True)
        self.functions_button = QPushButton(_("Functions…"))
        self.skills_button = QPushButton(_("Skills…"))
        self.print_button = QPushButton(_("Print…"))
        self.export_button = QPushButton(_("Excel…"))
        self.legend = hint(legend())
        self.empty = hint(empty_text())
        # job titles typed before there were functions, waiting to be mapped once
        self.titles_text = hint("")
        self.titles_button = QPushButton(_("Map to functions…"))
        self.titles_banner = QWidget()
        banner = QHBoxLayout(self.titles_banner)
        banner.setContentsMargins(0, 0, 0, 0)
        banner.addWidget(self.titles_text, 1)
        banner.addWidget(self.titles_button)
        self.titles_banner.hide()
        top = QHBoxLayout()
        top.addWidget(QLabel(_("Show")))
        top.addWidget(self.team)
        top.addWidget(self.function)
        top.addStretch(1)
        for button in (self.functions_button, self.skills_button, self.print_button,
                       self.export_button):  # fmt: skip
            top.addWidget(button)
        column = QVBoxLayout(self)
        column.addLayout(top)
        column.addWidget(self.titles_banner)
        column.addWidget(self.empty)
        column.addWidget(self.table, 1)
        column.addWidget(self.legend)

    def set_choices(
        self, managers: list[tuple[str, int]], functions: list[tuple[str, int]]
    ) -> None:
        """The managers whose team and the functions whose holders can be shown, each
        kept as chosen where still there."""
        for box, items, label in (
            (self.team, managers, _("Team of {name}")),
            (self.function, functions, "{name}"),
        ):
            chosen = box.currentData()
            box.blockSignals(True)
            while box.count() > 1:
                box.removeItem(1)
            for name, item_id in items:
                box.addItem(label.format(name=name), item_id)
            box.setCurrentIndex(max(0, box.findData(chosen)) if chosen else 0)
            box.blockSignals(False)

    def show_titles(self, titles: int, people: int) -> None:
        """How many job titles typed name no function yet."""
        self.titles_banner.setVisible(titles > 0)
        self.titles_text.setText(
            n_(
                "{n} job title typed before there were functions names no function yet "
                "({people}): map it once, so that what the function requires shows here.",
                "{n} job titles typed before there were functions name no function yet "
                "({people}): map them once, so that what each function requires shows here.",
                titles,
            ).format(n=titles, people=n_("{n} person", "{n} people", people).format(n=people))
        )

    def show_matrix(self, matrix: QualificationMatrix) -> None:
        self.model.show_matrix(matrix)
        self.empty.setVisible(not matrix.columns)
        for button in (self.print_button, self.export_button):
            button.setEnabled(bool(matrix.rows))

    def connect_actions(self, printing: Callable[[], None], exporting: Callable[[], None]) -> None:
        self.print_button.clicked.connect(printing)
        self.export_button.clicked.connect(exporting)
