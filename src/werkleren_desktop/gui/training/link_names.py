"""Linking the certificate names typed before there were certificate types, once: each
name with the type it most likely means chosen, for the user to confirm or change."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.gui.dialogs.form_dialog import FormDialog
from werkleren_desktop.gui.widgets import hint, scrolling
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.certificates import (
    CertificateTypeRow,
    TypedName,
    link_names,
)


class LinkNamesDialog(FormDialog):
    """Every typed name with a choice of type; a name left without one stays as typed
    (a certificate that is no type of the list)."""

    def __init__(
        self,
        sessions: SessionFactory,
        names: list[TypedName],
        types: list[CertificateTypeRow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Link certificate names to their type"), parent)
        self.sessions = sessions
        self.linked = 0
        by_name = {t.name: t.id for t in types}
        self.choices: dict[str, QComboBox] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for place, head in enumerate((_("Typed as"), _("Trainings"), _("Type"))):
            grid.addWidget(QLabel(f"<b>{head}</b>"), 0, place)
        for line, typed in enumerate(names, start=1):
            proposal = typed.proposal
            box = QComboBox()
            box.addItem(_("— leave as typed —"), None)
            for row in types:
                box.addItem(row.name, row.id)
            if proposal.candidates:
                box.setCurrentIndex(box.findData(by_name[proposal.candidates[0]]))
            box.setAccessibleName(_("Type of “{name}”").format(name=proposal.name))
            name = QLabel(proposal.name)
            name.setToolTip(
                _("This is how the name was written.")
                if proposal.certain or not proposal.candidates
                else _("Not certain: check the type chosen.")
            )
            grid.addWidget(name, line, 0)
            grid.addWidget(QLabel(str(typed.trainings)), line, 1)
            grid.addWidget(box, line, 2)
            self.choices[proposal.name] = box
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(names) + 1, 1)  # the rows at the top, the room below
        content = QWidget()
        content.setLayout(grid)
        column = QVBoxLayout()
        column.addWidget(
            hint(
                _(
                    "These certificate names were typed before the program knew certificate "
                    "types. Linked to its type, a certificate follows the type's rule (how "
                    "long it is valid, its grace period, whether a refresher renews it). The "
                    "most likely type is chosen where the name suggests one: check it, or "
                    "leave a name as typed."
                )
            )
        )
        column.addWidget(scrolling(content), 1)
        self.setMinimumSize(560, 360)
        self.fields = {}
        self.finish_layout(column)
        first = next(iter(self.choices.values()), None)
        if first is not None:
            first.setFocus()
        self.linked_message = ""

    def snapshot(self) -> object:
        return {name: box.currentIndex() for name, box in self.choices.items()}

    def save(self) -> None:
        self.linked = link_names(
            self.sessions, {name: box.currentData() for name, box in self.choices.items()}
        )
        self.linked_message = n_(
            "{n} training linked to its certificate type.",
            "{n} trainings linked to their certificate type.",
            self.linked,
        ).format(n=self.linked)
