"""Attendance of formal training through the training page: the course's participants
against its days, marked, printed and saved."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from tests.services.test_training_attendance import course  # noqa: F401  (the course)
from werkleren_desktop.gui.training.attendance import AttendanceDialog
from werkleren_desktop.services.training_attendance import read_course

D = dt.date


def test_the_dialog_marks_with_the_keyboard_prints_and_saves(
    make_window,
    qtbot,
    store,
    course,  # noqa: F811
) -> None:
    window = make_window()
    window.show_area("training")
    page = window.training_page
    page.select_record(course[0])
    qtbot.mouseClick(page.panel.attendance_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, AttendanceDialog) and dialog.focusWidget() is dialog.table
    item = dialog.table.item(0, 0)
    assert item is not None and item.checkState() == Qt.CheckState.PartiallyChecked
    # Space: not marked yet → present → absent
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    assert item.checkState() == Qt.CheckState.Checked
    qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.preview is not None and dialog.preview.windowTitle() == "Presentielijst"
    dialog.preview.close()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    read = read_course(store.sessions, course[0])
    assert read.participants[0].marks == {D(2026, 11, 19): True}
    assert read.participants[1].marks == {D(2026, 11, 19): False}
