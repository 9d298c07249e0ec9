"""On a full disk the form stays open with what was typed and one clear sentence."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.db.test_storage_errors import fill_the_disk
from tests.gui.helpers import type_text
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.services.organisation import create_organisation


@pytest.mark.sqlite_file  # the laptop's disk filled (SQLite's page limit)
def test_the_form_keeps_what_was_typed_on_a_full_disk(make_window, store, qtbot) -> None:
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    window = make_window()
    window.show_area("people")
    fill_the_disk(store.engine)
    qtbot.mouseClick(window.people_page.new_button, Qt.MouseButton.LeftButton)
    dialog = window.people_page.dialog
    type_text(qtbot, dialog.first_name, "Anna")
    type_text(qtbot, dialog.last_name, "de Wit")
    dialog.notes.setPlainText("Aantekeningen. " * 20_000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "schijf is vol" in dialog.error_label.text()
    assert dialog.first_name.text() == "Anna"
