"""The first page on an empty data folder: name the organisation, or explore a demo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.db.engine import SessionFactory
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.errors import UserError
from werkleren_desktop.gui.icons import app_icon
from werkleren_desktop.gui.widgets import Card, ErrorLabel, heading, hint, paragraph
from werkleren_desktop.i18n import LANGUAGES, _, current_language
from werkleren_desktop.services.organisation import create_organisation


class WelcomePage(QWidget):
    organisation_ready = Signal()
    demo_requested = Signal()
    server_requested = Signal()
    language_chosen = Signal(str)

    def __init__(self, sessions: SessionFactory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sessions = sessions

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText(_("For example: Bakkerij De Korenschoof"))
        self.name_edit.setAccessibleName(_("Name of the organisation"))
        self.name_edit.returnPressed.connect(self.start_empty)
        self.start_button = QPushButton(_("Start"))
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_empty)
        self.demo_button = QPushButton(_("Explore a demo organisation"))
        self.demo_button.clicked.connect(self.demo_requested)
        self.error_label = ErrorLabel()
        self.language_box = QComboBox()
        self.language_box.setAccessibleName(_("Language"))
        for code, name in LANGUAGES.items():
            self.language_box.addItem(name, code)
        self.language_box.setCurrentIndex(self.language_box.findData(current_language()))
        self.language_box.currentIndexChanged.connect(
            lambda: self.language_chosen.emit(self.language_box.currentData())
        )

        own = Card(_("Start with your own organisation"))
        own.body.addWidget(
            paragraph(
                _(
                    "Enter the name of your organisation. You can change it, and add a logo, "
                    "working days and closing days, later under File › Settings."
                )
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.name_edit, 1)
        row.addWidget(self.start_button)
        own.body.addLayout(row)
        own.body.addWidget(self.error_label)
        self.server_button = QPushButton(_("Connect to a shared server…"))
        self.server_button.clicked.connect(self.server_requested)
        own.body.addWidget(
            hint(
                _(
                    "Does your organisation keep its data on a shared server, with several "
                    "managers? Then connect to it instead."
                )
            )
        )
        own.body.addWidget(self.server_button, 0, Qt.AlignmentFlag.AlignLeft)
        own.body.addStretch(1)

        demo = Card(_("Look around first?"))
        demo.body.addWidget(
            paragraph(
                _(
                    "Open a made-up installation company of about 25 people with two years of "
                    "history. It is kept apart from your own data: you can go back and "
                    "start your own organisation at any time."
                )
            )
        )
        demo.body.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        demo.body.addStretch(1)

        cards = QHBoxLayout()
        cards.setSpacing(20)
        cards.addWidget(own, 3)
        cards.addWidget(demo, 2)

        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(56, 56))
        title_row = QHBoxLayout()
        title_row.setSpacing(14)
        title_row.addWidget(icon)
        title_row.addWidget(heading(_("Welcome to Werkleren Desktop"), 2.0), 1)
        title_row.addWidget(self.language_box, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(14)
        column.addLayout(title_row)
        column.addWidget(
            paragraph(
                _(
                    "Make learning the heart of your organisation: learning groups of young and "
                    "old, vital week cycles, learning from real work situations, training with "
                    "budgets and talent-development conversations. Everything stays on this "
                    "computer."
                )
            )
        )
        column.addSpacing(10)
        column.addLayout(cards)
        column.addStretch(1)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(40, 40, 40, 40)
        outer.addStretch(1)
        outer.addLayout(column, 8)
        outer.addStretch(1)

    def start_empty(self) -> None:
        self.error_label.clear_message()
        settings = OrganisationSettings(name=self.name_edit.text(), language=current_language())
        try:
            create_organisation(self.sessions, settings)
        except UserError as error:
            self.error_label.show_message(str(error))
            self.name_edit.setFocus()
            return
        self.organisation_ready.emit()

    def set_busy(self, busy: bool) -> None:
        """While the demo is being made: nothing to click twice, and say what happens."""
        for widget in (self.name_edit, self.start_button, self.demo_button):
            widget.setEnabled(not busy)
        self.demo_button.setText(
            _("Making the demo organisation…") if busy else _("Explore a demo organisation")
        )

    def show_error(self, message: str) -> None:
        self.error_label.show_message(message)
