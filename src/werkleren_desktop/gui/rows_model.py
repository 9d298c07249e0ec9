"""The base of every read-only table in the program: rows of one kind, named columns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from werkleren_desktop.i18n import _

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


class RowsTableModel(QAbstractTableModel, Generic[Row]):
    """``columns`` are English titles (translated when shown); ``cells`` gives a row's texts."""

    def __init__(self, columns: tuple[str, ...], cells: Callable[[Row], tuple[str, ...]]) -> None:
        super().__init__()
        self.columns = columns
        self.cells = cells
        self.rows: list[Row] = []
        self._texts: dict[int, tuple[str, ...]] = {}  # a row's texts, made once when shown

    def show_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self._texts = {}
        self.endResetModel()

    def texts(self, row: int) -> tuple[str, ...]:
        """The row's cell texts, formatted once: a view asks for each cell many times."""
        texts = self._texts.get(row)
        if texts is None:
            texts = self._texts[row] = self.cells(self.rows[row])
        return texts

    def row_at(self, row: int) -> Row:
        return self.rows[row]

    def row_of(self, record_id: int) -> int | None:
        """Where the record with this id is shown now, for rows that have an ``id``."""
        return next(
            (i for i, r in enumerate(self.rows) if getattr(r, "id", None) == record_id), None
        )

    def extra(self, row: Row, column: int, role: int) -> object:
        """Colours and alignment, for the tables that have them."""
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(self.columns[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.texts(index.row())[index.column()]
        extra = self.extra(row, index.column(), role)
        if extra is None and role == Qt.ItemDataRole.ToolTipRole:
            return self.texts(index.row())[index.column()] or None  # the whole of a cut text
        return extra
