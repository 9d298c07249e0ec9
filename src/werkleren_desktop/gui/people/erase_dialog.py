"""Erasing a person: what goes and what changes, shown before anything happens.

The full name and a surname nobody else has are replaced wherever they stand; where
only the first name stands (or a surname others share), the user ticks what is about
this person.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.gui.widgets import hint, paragraph
from werkleren_desktop.i18n import _, n_
from werkleren_desktop.services.privacy import ErasurePlan, Mention


def _line(mention: Mention) -> str:
    return f"{mention.where}: {mention.excerpt}"


class EraseDialog(QDialog):
    def __init__(self, plan: ErasurePlan, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setWindowTitle(_("Erase {name}").format(name=plan.name))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        layout.addWidget(
            paragraph(
                _(
                    "Erase {name} and all their data for good: their details, attendance, "
                    "training and conversation records, and the learning situations only "
                    "they took part in ({situations}). Shared records keep working with the "
                    "name replaced by ‘former colleague’. This cannot be undone."
                ).format(name=plan.name, situations=plan.situations_removed)
            )
        )
        self.mentions = QListWidget()
        self.mentions.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        for mention in plan.mentions:
            self.mentions.addItem(_line(mention))
        if plan.mentions:
            layout.addWidget(
                paragraph(
                    n_(
                        "The name is also replaced in {n} place:",
                        "The name is also replaced in {n} places:",
                        len(plan.mentions),
                    ).format(n=len(plan.mentions))
                )
            )
            layout.addWidget(self.mentions, 1)
        self.first_names = QListWidget()
        for mention in plan.first_name_mentions:
            item = QListWidgetItem(_line(mention))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.first_names.addItem(item)
        if plan.first_name_mentions:
            layout.addWidget(
                paragraph(
                    _(
                        "Here only the first name (or a surname others have too) is written. "
                        "Tick what is about {name}; that is replaced too."
                    ).format(name=plan.name)
                )
            )
            layout.addWidget(self.first_names, 1)
        layout.addWidget(
            hint(
                _(
                    "Backups made before keep the data until they are rotated away: after a "
                    "year at the latest."
                )
            )
        )
        buttons = QDialogButtonBox()
        self.erase_button = buttons.addButton(
            _("Erase for good"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.keep_button = buttons.addButton(_("Keep"), QDialogButtonBox.ButtonRole.RejectRole)
        # Enter keeps the person: the erase button never becomes the default, also when
        # it has the focus
        self.erase_button.setAutoDefault(False)
        self.keep_button.setDefault(True)
        self.erase_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def chosen(self) -> list[Mention]:
        """The first-name mentions the user ticked."""
        return [
            mention
            for index, mention in enumerate(self.plan.first_name_mentions)
            if self.first_names.item(index).checkState() == Qt.CheckState.Checked
        ]
