"""The exit conversation through the person page: typed, refused while empty (the form
stays open), saved, said on the page, and printed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.gui.helpers import type_text
from tests.services.test_exit_conversation import leaver  # noqa: F401  (the leaver)
from werkleren_desktop.gui.people.exit_conversation import ExitDialog
from werkleren_desktop.services.exit_conversation import read_exit


def test_an_exit_conversation_written_down_and_printed(
    make_window,
    qtbot,
    store,
    leaver,  # noqa: F811
) -> None:
    window = make_window()
    window.show_area("people")
    page = window.people_page
    page.select_record(leaver)
    qtbot.mouseClick(page.panel.exit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ExitDialog) and dialog.focusWidget() is dialog.answers["reason"]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.text() == "Schrijf minstens één antwoord op."
    type_text(qtbot, dialog.answers["reason"], "Een baan dichter bij huis")
    qtbot.keyClick(dialog.answers["reason"], Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.answers["went_well"]  # Tab goes on, no tab typed
    type_text(qtbot, dialog.answers["handover"], "De storingen bij de vaste klanten")
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.preview is not None and dialog.preview.windowTitle() == "Vertrekgesprek"
    dialog.preview.close()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    record = read_exit(store.sessions, leaver).record
    assert record is not None and record.reason == "Een baan dichter bij huis"
    assert "Vertrekgesprek gehouden op" in page.panel.onboarding.text()
