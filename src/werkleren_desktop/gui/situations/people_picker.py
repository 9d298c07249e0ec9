"""Choosing one or more people from hundreds: type to narrow the list, tick who it is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from werkleren_desktop.domain.people import folded, sort_key
from werkleren_desktop.i18n import _
from werkleren_desktop.services.people import PersonRow


class PeoplePicker(QWidget):
    def __init__(
        self, people: list[PersonRow], chosen: tuple[int, ...] = (), parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(_("Type a name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._narrow)
        self.list = QListWidget()
        self.list.setMaximumHeight(110)
        # the people already chosen come first, so they are seen at once
        for row in sorted(
            people, key=lambda r: (r.id not in chosen, sort_key(r.first_name, r.last_name))
        ):
            item = QListWidgetItem(
                f"{row.full_name} — {row.job_title}" if row.job_title else row.full_name
            )
            item.setData(Qt.ItemDataRole.UserRole, row.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if row.id in chosen else Qt.CheckState.Unchecked
            )
            self.list.addItem(item)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list)

    def _narrow(self, text: str) -> None:
        """Any part of the name, with or without accents: "sukru" finds "Şükrü"."""
        words = folded(text).split()
        for index in range(self.list.count()):
            item = self.list.item(index)
            checked = item.checkState() == Qt.CheckState.Checked
            item.setHidden(not checked and not all(w in folded(item.text()) for w in words))

    def chosen(self) -> tuple[int, ...]:
        return tuple(
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).checkState() == Qt.CheckState.Checked
        )

    def set_chosen(self, person_ids: tuple[int, ...]) -> None:
        for index in range(self.list.count()):
            item = self.list.item(index)
            chosen = item.data(Qt.ItemDataRole.UserRole) in person_ids
            item.setCheckState(Qt.CheckState.Checked if chosen else Qt.CheckState.Unchecked)
        self._narrow(self.search.text())

    # as a part of a form (gui.form_parts)
    def part_value(self) -> frozenset[int]:
        return frozenset(self.chosen())

    def set_part_value(self, value: frozenset[int]) -> None:
        self.set_chosen(tuple(value))

    def part_text(self) -> str:
        chosen = set(self.chosen())
        names = []
        for index in range(self.list.count()):
            item = self.list.item(index)
            if item.data(Qt.ItemDataRole.UserRole) in chosen:
                names.append(item.text().split(" — ")[0])
        return ", ".join(names)
