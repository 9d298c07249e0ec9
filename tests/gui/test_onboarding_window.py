"""Onboarding through the window: the plan made from the person page (the buddy
proposed, the steps dated on working days), then ticked off with the keyboard and
printed."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import TODAY
from tests.services.test_onboarding import org  # noqa: F401  (the organisation)
from werkleren_desktop.gui.people.onboarding import ChecklistDialog, OnboardingDialog
from werkleren_desktop.services.onboarding import read_plan


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def test_a_plan_made_ticked_off_and_printed(make_window, qtbot, store, org) -> None:  # noqa: F811
    window = make_window()
    window.show_area("people")
    page = window.people_page
    page.status_box.setCurrentIndex(page.status_box.findText("Alle"))
    page.select_record(org["new"])
    assert page.panel.onboarding.text() == "Geen inwerkplan."
    click(qtbot, page.panel.onboarding_button)
    dialog = page.dialog
    assert isinstance(dialog, OnboardingDialog) and dialog.focusWidget() is dialog.starts_on
    assert dialog.buddy.currentData() == org["old"]  # same function, longest in service
    assert dialog.buddy.currentText().startswith("Oscar Jansen · Monteur · sinds 2009")
    dates = [dialog.steps.item(r, 2).text() for r in range(dialog.steps.rowCount())]  # type: ignore[union-attr]
    assert "04-01-2027" in dates  # working day 2, after Christmas and the closing days
    assert dialog.plan_conversation.isChecked()
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()
    assert page.panel.onboarding.text().startswith("Eerste werkdag 24 december 2026 · buddy")

    click(qtbot, page.panel.onboarding_button)
    checklist = page.dialog
    assert isinstance(checklist, ChecklistDialog) and checklist.focusWidget() is checklist.list
    checklist.list.setCurrentRow(0)
    qtbot.keyClick(checklist.list, Qt.Key.Key_Space)
    plan = read_plan(store.sessions, org["new"])
    assert plan is not None and plan.steps[0].done_on == TODAY
    assert "gedaan" in checklist.list.item(0).text()
    assert "1 van" in checklist.summary.text()
    click(qtbot, checklist.print_button)
    assert checklist.preview is not None and checklist.preview.windowTitle() == "Inwerkplan"
    checklist.preview.close()
    checklist.reject()
    assert "1 van" in page.panel.onboarding.text()
