"""In Dutch, no English source text may show anywhere: not on a page, a menu or a dialog.

test_translations.py checks the catalog and the code; this test catches strings that
were translated too early (at import, before the language was chosen) or not at all.
"""

from __future__ import annotations

import re

from babel.messages.pofile import read_po
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from tests.conftest import TODAY
from werkleren_desktop.i18n import po_path
from werkleren_desktop.services.demo import DemoSize, generate_demo


def english_only_texts() -> set[str]:
    """Source texts whose Dutch translation differs: seeing one means it was not translated."""
    with po_path("nl").open("rb") as handle:
        catalog = read_po(handle, locale="nl")
    texts, dutch = set(), set()
    for message in catalog:
        if (
            isinstance(message.id, str)
            and isinstance(message.string, str)
            and message.id
            and message.string != message.id
        ):
            texts.add(clean(message.id))
            dutch.add(clean(message.string))
    return texts - dutch  # "Start" is the Dutch for "Home" as well as English


def clean(text: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text).replace("&", "")
    return " ".join(text.split())


def shown_texts(root: QWidget) -> list[str]:
    texts = [root.windowTitle()]
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QTabWidget):
            texts.extend(widget.tabText(i) for i in range(widget.count()))
        if isinstance(widget, QComboBox):
            texts.extend(widget.itemText(i) for i in range(widget.count()))
        if isinstance(widget, QListWidget):
            texts.extend(widget.item(i).text() for i in range(widget.count()))
            texts.extend(widget.item(i).toolTip() for i in range(widget.count()))
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            texts.extend(
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(model.columnCount())
            )
        texts.append(widget.toolTip())
        texts.extend(action.text() for action in widget.actions())
    return [clean(t) for t in texts if t]


def assert_dutch(root: QWidget) -> None:
    english = english_only_texts()
    leaked = sorted({t for t in shown_texts(root) if t in english})
    assert leaked == [], f"English texts shown in the Dutch interface: {leaked}"


def test_welcome_page_is_dutch(make_window) -> None:
    assert_dutch(make_window())


def test_every_page_menu_and_dialog_is_dutch(make_window, store) -> None:
    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    window = make_window()
    for menu_action in window.menuBar().actions():
        assert_dutch(menu_action.menu())
    for key in window.page_of_area:
        window.show_area(key)
        assert_dutch(window)
    window.open_settings()
    assert_dutch(window.settings_dialog)
    window.settings_dialog.reject()
    window.open_about()
    assert_dutch(window.about_dialog)

    # the forms behind the pages, with their previews
    window.show_area("situations")
    window.situations_page.new_situation()
    assert_dutch(window.situations_page.dialog)
    window.situations_page.dialog.discard()
    window.show_area("conversations")
    page = window.conversations_page
    page.tabs.setCurrentIndex(1)  # every conversation: loaded when its tab shows
    assert page.conversation_rows is not None
    signed = next(r for r in page.conversation_rows if r.locked)
    page.open_conversation(signed.id)
    assert_dutch(page.dialog)
    page.dialog.correction_requested.emit()
    assert_dutch(page.correction_dialog)
    page.correction_dialog.discard()
    page.dialog.preview_requested.emit("record")
    assert_dutch(page.preview)
    page.dialog.reject()
    page.open_conversation(None)
    assert_dutch(page.dialog)
    page.dialog.discard()
    window.show_area("scans")
    scans = window.scans_page
    assert scans.panel.report is not None  # the demo's latest scan, compared with one before
    for index in range(scans.panel.tabs.count()):
        scans.panel.tabs.setCurrentIndex(index)
        assert_dutch(window)
    scans.add_form()
    assert_dutch(scans.dialog)
    scans.dialog.discard()
    scans.new_scan()
    assert_dutch(scans.dialog)
    scans.dialog.discard()
    scans.show_report_pdf()
    assert_dutch(scans.preview)
    scans.preview.close()


def test_the_check_finds_an_english_text(make_window) -> None:
    window = make_window()
    window.welcome_page.start_button.setText("Start with your own organisation")
    english = english_only_texts()
    assert "Start with your own organisation" in [t for t in shown_texts(window) if t in english]
