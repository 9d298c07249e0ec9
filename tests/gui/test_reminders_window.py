"""Reminders as a calendar file from the home page (services.reminders)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from tests.conftest import TODAY
from tests.services.test_reminders import read
from werkleren_desktop.gui.pages.reminders import RemindersDialog
from werkleren_desktop.services.demo import DemoSize, generate_demo
from werkleren_desktop.storage.data_store import DataStore


@pytest.fixture
def demo(store: DataStore) -> DataStore:
    generate_demo(store.sessions, DemoSize.SMALL, today=TODAY)
    return store


def test_the_home_page_writes_the_file_with_the_days_chosen(
    demo: DataStore, make_window, fake_prompts, qtbot, tmp_path
) -> None:
    """Home › Reminders in your calendar…: the days ahead chosen by the keyboard, then
    where the file goes; the file is written in the background and the status bar says
    what it holds."""
    window = make_window()
    page = window.home_page
    qtbot.mouseClick(page.reminders_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, RemindersDialog) and dialog.focusWidget() is dialog.days
    qtbot.keyClick(dialog.days, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.days, "7")
    fake_prompts.save_file = tmp_path / "herinneringen.ics"
    qtbot.keyClick(dialog.days, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: fake_prompts.save_file.exists())
    events = read(fake_prompts.save_file.read_bytes())
    far = [e for e in events.values() if (e.day - TODAY).days > 7]
    assert far and all(e.alarms == (dt.timedelta(days=-7, hours=9),) for e in far)
    assert "geschreven naar" in window.statusBar().currentMessage()
