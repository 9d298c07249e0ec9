"""Help › Guide: the built-in guide, in the interface's language, one section per area
and one on the way of working. F1 opens it at the section of the page in view."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from werkleren_desktop.i18n import _, current_language

GUIDE = Path(__file__).parent.parent.parent / "assets" / "guide"
_SECTION = re.compile(r'<h2 id="([\w-]+)">(.*?)</h2>')


def guide_html(language: str) -> str:
    path = GUIDE / f"{language}.html"
    if not path.exists():
        path = GUIDE / "nl.html"  # Dutch is the program's first language
    return path.read_text(encoding="utf-8")


def sections(html: str) -> list[tuple[str, str]]:
    """(anchor, title) of each section, in order."""
    return [(anchor, re.sub(r"<[^>]+>", "", title)) for anchor, title in _SECTION.findall(html)]


class GuideDialog(QDialog):
    """Not modal: the guide stays open beside the window while the user works."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Guide"))
        self.setWindowFlag(Qt.WindowType.WindowContextHelpButtonHint, False)
        html = guide_html(current_language())
        self.contents = QListWidget()
        self.contents.setAccessibleName(_("Contents"))
        for anchor, title in sections(html):
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, anchor)
            self.contents.addItem(item)
        self.contents.setMaximumWidth(
            self.contents.sizeHintForColumn(0) + 2 * self.contents.frameWidth() + 24
        )
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(_("Guide"))
        self.browser.setOpenExternalLinks(False)
        self.browser.setHtml(html)
        self.browser.document().setDocumentMargin(12)
        self.contents.currentItemChanged.connect(
            lambda item, _old: (
                self.browser.scrollToAnchor(item.data(Qt.ItemDataRole.UserRole))
                if item is not None
                else None
            )
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.contents)
        row.addWidget(self.browser, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.resize(900, 640)

    @property
    def section(self) -> str | None:
        item = self.contents.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def show_section(self, anchor: str) -> None:
        for row in range(self.contents.count()):
            if self.contents.item(row).data(Qt.ItemDataRole.UserRole) == anchor:
                self.contents.setCurrentRow(row)
                return
        self.contents.setCurrentRow(0)
