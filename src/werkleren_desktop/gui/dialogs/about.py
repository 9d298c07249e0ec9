"""Help › About: name, version, what the program is for, where the data lives."""

from __future__ import annotations

import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from werkleren_desktop._version import __version__
from werkleren_desktop.gui.icons import app_icon
from werkleren_desktop.gui.widgets import heading, paragraph
from werkleren_desktop.i18n import _


class AboutDialog(QDialog):
    def __init__(self, data_folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About Werkleren Desktop"))
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(72, 72))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)

        self.version_label = paragraph(_("Version {version}").format(version=__version__))
        details = paragraph(
            _("Python {python}, Qt {qt}, PySide6 {pyside}").format(
                python=platform.python_version(), qt=qVersion(), pyside=PySide6.__version__
            )
        )
        folder = paragraph(_("Data folder: {folder}").format(folder=data_folder))

        text = QVBoxLayout()
        text.setSpacing(8)
        text.addWidget(heading("Werkleren Desktop", 1.5))
        text.addWidget(self.version_label)
        text.addWidget(
            paragraph(
                _(
                    "Workplace learning at the heart of small organisations: learning "
                    "groups, vital week cycles, learning from work situations, training and "
                    "talent-development conversations. Everything stays on this computer."
                )
            )
        )
        text.addWidget(folder)
        text.addWidget(details)

        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(icon)
        row.addLayout(text, 1)
        buttons = QDialogButtonBox()
        buttons.addButton(_("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
