"""Agreements in the conversation form: the new ones made, and how earlier ones went."""

from __future__ import annotations

import datetime as dt
import html

from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.domain.constants import (
    AgreementOwner,
    AgreementStatus,
)
from werkleren_desktop.domain.conversations import (
    AGREEMENT_STATUS_LABELS,
    OWNER_LABELS,
    AgreementInput,
    ReviewInput,
)
from werkleren_desktop.domain.formatting import format_date
from werkleren_desktop.gui.widgets import OptionalDate, hint
from werkleren_desktop.i18n import _
from werkleren_desktop.services.conversations import AgreementView


class AgreementRow(QWidget):
    def __init__(self, item: AgreementView | None, default_due: dt.date) -> None:
        super().__init__()
        self.agreement_id = item.id if item else None
        self.what = QLineEdit(item.what if item else "")
        self.what.setPlaceholderText(_("What was agreed"))
        self.owner = QComboBox()
        for owner, label in OWNER_LABELS.items():
            self.owner.addItem(_(label), owner)
        self.owner.setCurrentIndex(
            self.owner.findData(item.owner if item else AgreementOwner.PROFESSIONAL)
        )
        self.due = OptionalDate(_("due"), item.due_on if item else None, default_due)
        self.remove_button = QPushButton(_("Remove"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.what, 1)
        row.addWidget(self.owner)
        row.addWidget(self.due)
        row.addWidget(self.remove_button)

    def value(self) -> AgreementInput:
        return AgreementInput(
            self.what.text(), AgreementOwner(self.owner.currentData()), self.due.value(),
            self.agreement_id,
        )  # fmt: skip

    def state(self) -> tuple[object, ...]:
        return (self.what.text(), str(self.owner.currentData()), self.due.value())


class AgreementsEditor(QWidget):
    """The agreements made in this conversation, one line each, with who keeps it."""

    def __init__(self, items: tuple[AgreementView, ...], default_due: dt.date) -> None:
        super().__init__()
        self.default_due = default_due
        self.rows: list[AgreementRow] = []
        self.column = QVBoxLayout()
        self.column.setContentsMargins(0, 0, 0, 0)
        self.add_button = QPushButton(_("Add an agreement"))
        self.add_button.clicked.connect(lambda: self.add_row(None).what.setFocus())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.column)
        layout.addWidget(self.add_button, 0)
        for item in items:
            self.add_row(item)

    def add_row(self, item: AgreementView | None) -> AgreementRow:
        row = AgreementRow(item, self.default_due)
        row.remove_button.clicked.connect(lambda: self.remove_row(row))
        self.rows.append(row)
        self.column.addWidget(row)
        return row

    def remove_row(self, row: AgreementRow) -> None:
        self.rows.remove(row)
        self.column.removeWidget(row)
        row.deleteLater()

    def values(self) -> tuple[AgreementInput, ...]:
        """The agreements as entered; an empty new line is no agreement."""
        return tuple(
            row.value() for row in self.rows if row.agreement_id or row.what.text().strip()
        )

    def state(self) -> tuple[object, ...]:
        return tuple(row.state() for row in self.rows)

    # as a part of a form (gui.form_parts): the list as a whole
    def part_value(self) -> tuple[tuple[object, ...], ...]:
        return tuple((row.agreement_id, *row.state()) for row in self.rows)

    def set_part_value(self, value: tuple[tuple[object, ...], ...]) -> None:
        for row in list(self.rows):
            self.remove_row(row)
        for agreement_id, what, owner, due in value:
            row = self.add_row(None)
            row.agreement_id = agreement_id  # type: ignore[assignment]
            row.what.setText(str(what))
            row.owner.setCurrentIndex(max(0, row.owner.findData(AgreementOwner(str(owner)))))
            row.due.set_value(due)  # type: ignore[arg-type]

    def part_text(self) -> str:
        return "; ".join(row.what.text().strip() for row in self.rows if row.what.text().strip())

    def set_read_only(self, read_only: bool) -> None:
        self.add_button.setVisible(not read_only)
        for row in self.rows:
            row.setEnabled(not read_only)
            row.remove_button.setVisible(not read_only)


class ReviewsEditor(QWidget):
    """Each earlier agreement with how it went: kept, partly, not (or still open), and why."""

    def __init__(self, items: tuple[AgreementView, ...]) -> None:
        super().__init__()
        self.items = items
        self.statuses: list[QComboBox] = []
        self.notes: list[QLineEdit] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setColumnStretch(0, 1)
        if not items:
            grid.addWidget(hint(_("No agreements of earlier conversations are open.")), 0, 0)
        for index, item in enumerate(items):
            meta = _("{owner} · agreed on {made}").format(
                owner=_(OWNER_LABELS[item.owner]).capitalize(), made=format_date(item.made_on)
            )
            if item.due_on is not None:
                meta += " · " + _("due {date}").format(date=format_date(item.due_on))
            label = QLabel(f"<b>{html.escape(item.what)}</b><br><small>{html.escape(meta)}</small>")
            label.setWordWrap(True)
            status = QComboBox()
            for value, text in AGREEMENT_STATUS_LABELS.items():
                status.addItem(_(text), value)
            status.setCurrentIndex(status.findData(item.status))
            note = QLineEdit(item.review_note)
            note.setPlaceholderText(_("Why, in a few words"))
            grid.addWidget(label, index * 2, 0, 1, 2)
            grid.addWidget(status, index * 2 + 1, 0)
            grid.addWidget(note, index * 2 + 1, 1)
            grid.setColumnStretch(1, 2)
            self.statuses.append(status)
            self.notes.append(note)

    def values(self) -> tuple[ReviewInput, ...]:
        return tuple(
            ReviewInput(item.id, AgreementStatus(status.currentData()), note.text())
            for item, status, note in zip(self.items, self.statuses, self.notes, strict=True)
        )

    def state(self) -> tuple[object, ...]:
        return tuple(
            (str(s.currentData()), n.text()) for s, n in zip(self.statuses, self.notes, strict=True)
        )

    # as a part of a form (gui.form_parts): how every earlier agreement went
    def part_value(self) -> tuple[tuple[object, ...], ...]:
        return tuple(
            (item.id, str(status.currentData()), note.text())
            for item, status, note in zip(self.items, self.statuses, self.notes, strict=True)
        )

    def set_part_value(self, value: tuple[tuple[object, ...], ...]) -> None:
        wanted = {agreement_id: (status, note) for agreement_id, status, note in value}
        for item, status, note in zip(self.items, self.statuses, self.notes, strict=True):
            if item.id in wanted:
                chosen, text = wanted[item.id]
                status.setCurrentIndex(max(0, status.findData(AgreementStatus(str(chosen)))))
                note.setText(str(text))

    def part_text(self) -> str:
        return "; ".join(
            f"{item.what}: {status.currentText()}"
            + (f" ({note.text().strip()})" if note.text().strip() else "")
            for item, status, note in zip(self.items, self.statuses, self.notes, strict=True)
        )

    def set_read_only(self, read_only: bool) -> None:
        for widget in (*self.statuses, *self.notes):
            widget.setEnabled(not read_only)
