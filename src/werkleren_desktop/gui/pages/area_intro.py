"""The page of an area that this version does not fill yet: what it is for, honestly."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from werkleren_desktop.gui.navigation import Area
from werkleren_desktop.gui.widgets import Card, heading, hint, paragraph
from werkleren_desktop.i18n import _


class AreaIntroPage(QWidget):
    def __init__(self, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.area = area
        card = Card(_("What this area is for"))
        card.body.addWidget(paragraph(_(area.description)))
        card.body.addWidget(
            hint(_("This area is not available yet in this version of Werkleren Desktop."))
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(16)
        layout.addWidget(heading(_(area.title), 2.0))
        layout.addWidget(paragraph(_(area.summary)))
        layout.addWidget(card)
        layout.addStretch(1)
