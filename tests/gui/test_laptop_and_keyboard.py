"""A 1366×768 laptop (the test screen, see tests/offscreen-screen.json) and the keyboard
alone: dialogs fit, Tab leaves lists, Enter opens, Delete asks, Ctrl+N and Ctrl+F work,
Escape then Enter keeps what was typed, and Qt's own dialogs speak Dutch."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAccessible, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
)

from tests.conftest import TODAY
from tests.gui.helpers import type_text
from werkleren_desktop.db.models import TrainingForm
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.training import TrainingInput
from werkleren_desktop.gui.cycles.table_model import PeriodFilter
from werkleren_desktop.gui.screen_fit import TITLE_BAR
from werkleren_desktop.services.groups import save_group
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import list_people, save_person
from werkleren_desktop.services.training import list_trainings, save_training

D = dt.date


@pytest.fixture
def window(make_window, store):
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    for first, last in (("Anouk", "Bakker"), ("Şükrü", "Yılmaz"), ("Zoë", "van den Berg")):
        save_person(store.sessions, PersonInput(first, last, D(2015, 1, 1)), TODAY)
    anouk = list_people(store.sessions)[0].id
    save_group(store.sessions, GroupInput("Brood", D(2026, 1, 1)))
    save_training(
        store.sessions,
        TrainingInput((anouk,), "BHV", TrainingForm.COURSE, D(2026, 3, 1), D(2026, 3, 2)),
        TODAY,
    )
    return make_window()


def fits(dialog: QDialog) -> bool:
    area = QGuiApplication.primaryScreen().availableGeometry()
    frame = dialog.geometry()
    return (
        area.height() == 768
        and frame.height() <= area.height() - TITLE_BAR
        and frame.top() >= area.top()
        and frame.bottom() <= area.bottom()
        and frame.right() <= area.right()
    )


def press(qtbot, widget, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(widget, key, modifier)


def test_every_dialog_fits_the_laptop_screen(window, qtbot, fake_prompts) -> None:
    window.show_area("conversations")
    page = window.conversations_page
    page.print_blank()  # the print preview asked for 860 pixels
    preview = page.preview
    qtbot.waitExposed(preview)
    assert fits(preview) and preview.print_button.isVisible()
    preview.reject()
    window.open_settings()
    settings = window.settings_dialog
    assert fits(settings)
    settings.reject()
    for area, button in (("people", "new_button"), ("situations", "new_button")):
        window.show_area(area)
        page = window.pages.currentWidget()
        qtbot.mouseClick(getattr(page, button), Qt.MouseButton.LeftButton)
        assert fits(page.dialog), area
        page.dialog.discard()


def test_tab_leaves_a_list_and_enter_opens_its_row(window, qtbot) -> None:
    window.show_area("people")
    page = window.people_page
    page.table.setFocus()
    page.table.selectRow(1)
    press(qtbot, page.table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not page.table  # on to the buttons beside it
    page.table.setFocus()
    press(qtbot, page.table, Qt.Key.Key_Return)
    assert page.dialog.isVisible()
    assert page.dialog.first_name.text() == page.model.row_at(1).first_name
    page.dialog.discard()
    press(qtbot, page.table, Qt.Key.Key_F2)
    assert page.dialog.isVisible()
    page.dialog.discard()


def test_delete_asks_then_deletes(window, qtbot, fake_prompts, store) -> None:
    window.show_area("training")
    page = window.training_page
    page.table.setFocus()
    page.table.selectRow(0)
    fake_prompts.confirm_answer = False
    press(qtbot, page.table, Qt.Key.Key_Delete)
    assert fake_prompts.asked[-1].startswith("‘BHV’ van Anouk Bakker verwijderen?")
    assert fake_prompts.destructive[-1]  # Enter out of habit keeps it
    assert len(list_trainings(store.sessions, 2026)) == 1
    fake_prompts.confirm_answer = True
    press(qtbot, page.table, Qt.Key.Key_Delete)
    assert list_trainings(store.sessions, 2026) == []


@pytest.mark.parametrize(
    ("area", "title"),
    [
        ("people", "Nieuwe persoon"),
        ("groups", "Nieuwe leergroep"),
        ("situations", "Nieuwe werkleersituatie"),
        ("training", "Nieuwe opleiding"),
        ("cycles", "Weekcyclus plannen"),
        ("agreements", "Nieuwe werkafspraak"),
    ],
)
def test_ctrl_n_makes_a_new_record_on_every_list_page(window, qtbot, area, title) -> None:
    window.show_area(area)
    page = window.pages.currentWidget()
    press(qtbot, window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.dialog is not None)  # the button is pressed, visibly
    assert page.dialog.isVisible()
    assert page.dialog.windowTitle() == title
    page.dialog.reject()


def test_ctrl_f_goes_to_the_search(window, qtbot) -> None:
    for area in ("people", "groups", "situations", "training", "conversations"):
        window.show_area(area)
        page = window.pages.currentWidget()
        window.sidebar.setFocus()
        press(qtbot, window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is page.search, area


def test_escape_then_enter_keeps_what_was_typed(window, qtbot, fake_prompts) -> None:
    window.show_area("groups")
    page = window.groups_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.name, "Zuurdesem")
    fake_prompts.confirm_answer = False  # "Keep editing", as Enter now answers
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert fake_prompts.destructive[-1] and dialog.isVisible()
    assert dialog.name.text() == "Zuurdesem"
    dialog.discard()


def test_tab_moves_on_from_a_multi_line_field(window, qtbot) -> None:
    window.show_area("groups")
    page = window.groups_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.theme.setFocus()
    type_text(qtbot, dialog.theme, "Hoe vinden we de oorzaak?")
    press(qtbot, dialog.theme, Qt.Key.Key_Tab)
    assert "\t" not in dialog.theme.toPlainText()
    assert QApplication.focusWidget() is not dialog.theme
    assert all(e.tabChangesFocus() for e in dialog.findChildren(QPlainTextEdit))
    dialog.discard()


def test_typing_a_date_replaces_it(window, qtbot) -> None:
    window.show_area("people")
    page = window.people_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    field = dialog.in_service
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, "15-03-2021")
    assert field.date().toString("dd-MM-yyyy") == "15-03-2021"
    dialog.first_name.setFocus()
    field.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(field, "1-9-2019")
    assert field.date().toString("dd-MM-yyyy") == "01-09-2019"
    dialog.discard()


def test_qt_own_dialogs_speak_dutch(window) -> None:
    translate = QCoreApplication.translate
    assert translate("QFileDialog", "Look in:") == "Zoeken in:"
    assert translate("QFileDialog", "Files of type:") == "Bestanden van type:"
    assert translate("QPrintPreviewDialog", "Print Preview") == "Afdrukvoorbeeld"


def test_closing_the_demo_is_only_offered_in_the_demo(window) -> None:
    assert not window.close_demo_action.isEnabled()


def test_a_digit_typed_in_the_attendance_grid_sets_the_score(window, qtbot, store) -> None:
    from werkleren_desktop.db.models import AttendanceStatus
    from werkleren_desktop.domain.cycles import SessionTimes, cycle_days
    from werkleren_desktop.services.cycles import CycleDraft, plan_cycle
    from werkleren_desktop.services.groups import add_member

    group = save_group(store.sessions, GroupInput("Taart", D(2026, 1, 1)))
    add_member(store.sessions, group, list_people(store.sessions)[0].id, D(2026, 1, 1))
    plan_cycle(
        store.sessions,
        CycleDraft(group, cycle_days(D(2026, 11, 16)), SessionTimes(), ("",) * 4),
    )
    window.show_area("cycles")
    page = window.cycles_page
    page.period_box.setCurrentIndex(page.period_box.findData(PeriodFilter.ALL))
    page.table.selectRow(0)
    page.panel.sessions.selectRow(0)
    qtbot.mouseClick(page.panel.attendance_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    status = dialog.status_boxes[0]
    status.setCurrentIndex(status.findData(AttendanceStatus.PRESENT))
    energy = dialog.energy_boxes[0]
    energy.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(energy, "4")
    assert energy.value() == 4
    dialog.discard()


def test_f1_opens_the_guide_at_the_page_in_view(window, qtbot) -> None:
    window.show_area("cycles")
    press(qtbot, window, Qt.Key.Key_F1)
    guide = window.guide_dialog
    assert guide is not None and guide.isVisible() and guide.windowTitle() == "Handleiding"
    assert guide.section == "cycles"
    assert guide.contents.currentItem().text() == "Weekcycli"
    assert "vier opeenvolgende werkdagen" in guide.browser.toPlainText()
    window.show_area("people")
    press(qtbot, window, Qt.Key.Key_F1)
    assert window.guide_dialog is guide and guide.section == "people"
    guide.close()


def test_the_guide_has_a_section_for_every_area_in_both_languages() -> None:
    from werkleren_desktop.gui.dialogs.guide import guide_html, sections
    from werkleren_desktop.gui.navigation import AREAS

    for language in ("nl", "en"):
        anchors = [anchor for anchor, _title in sections(guide_html(language))]
        assert anchors[0] == "way-of-working"
        assert {area.key for area in AREAS} <= set(anchors), language
    assert [a for a, _t in sections(guide_html("nl"))] == [
        a for a, _t in sections(guide_html("en"))
    ]


def test_a_deleted_record_comes_back_with_ctrl_z_or_the_status_bar(
    window, qtbot, fake_prompts, store
) -> None:
    window.show_area("training")
    page = window.training_page
    page.table.setFocus()
    page.table.selectRow(0)
    press(qtbot, page.table, Qt.Key.Key_Delete)
    assert list_trainings(store.sessions, 2026) == []
    assert window.statusBar().currentMessage() == "Opleiding ‘BHV’ verwijderd."
    assert window.undo_button.isVisible() and window.undo_button.text() == "Terugzetten"
    page.table.setFocus()
    press(qtbot, page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [t.title for t in list_trainings(store.sessions, 2026)] == ["BHV"]
    assert page.model.rowCount() == 1
    assert window.statusBar().currentMessage() == "Opleiding ‘BHV’ teruggezet."
    assert not window.undo_button.isVisible()
    # again, and back through the status bar's button
    page.table.selectRow(0)
    press(qtbot, page.table, Qt.Key.Key_Delete)
    qtbot.mouseClick(window.undo_button, Qt.MouseButton.LeftButton)
    assert len(list_trainings(store.sessions, 2026)) == 1


def test_ctrl_z_in_a_text_field_undoes_the_typing_not_a_delete(
    window, qtbot, fake_prompts, store
) -> None:
    window.show_area("training")
    page = window.training_page
    page.table.setFocus()
    page.table.selectRow(0)
    press(qtbot, page.table, Qt.Key.Key_Delete)
    page.search.setFocus()
    type_text(qtbot, page.search, "abc")
    press(qtbot, page.search, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.search.text() != "abc"
    assert list_trainings(store.sessions, 2026) == []  # still deleted


CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QPlainTextEdit,
    QTextEdit,
    QAbstractItemView,
)


def unnamed(root) -> list[str]:
    """The controls a screen reader would have no name for (as Qt's accessibility
    interface reports it: own text, a form's label, an accessible name)."""
    found = []
    for kind in CONTROLS:
        for widget in root.findChildren(kind):
            if not widget.isVisibleTo(root) or isinstance(widget, QHeaderView):
                continue
            if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox)):
                continue  # the editor inside a combo box or spin box: named by it
            interface = QAccessible.queryAccessibleInterface(widget)
            if not (interface.text(QAccessible.Text.Name) or "").strip():
                found.append(type(widget).__name__)
    return found


def test_every_control_has_a_name_for_screen_readers(window, qtbot) -> None:
    for area in (
        "home",
        "people",
        "groups",
        "cycles",
        "situations",
        "training",
        "conversations",
        "overview",
        "scans",
    ):
        window.show_area(area)
        assert unnamed(window.pages.currentWidget()) == [], area
    window.show_area("people")
    qtbot.mouseClick(window.people_page.new_button, Qt.MouseButton.LeftButton)
    assert unnamed(window.people_page.dialog) == []
    window.people_page.dialog.discard()
    window.show_area("situations")
    qtbot.mouseClick(window.situations_page.new_button, Qt.MouseButton.LeftButton)
    assert unnamed(window.situations_page.dialog) == []
    window.situations_page.dialog.discard()


def test_the_layout_holds_with_larger_text(make_window, store, qtbot) -> None:
    """The system's text size at 140%: dialogs still fit, panels do not scroll sideways."""
    from PySide6.QtWidgets import QScrollArea

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    normal = app.font()
    larger = app.font()
    larger.setPointSizeF(normal.pointSizeF() * 1.4)
    app.setFont(larger)
    try:
        create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
        save_person(
            store.sessions, PersonInput("Şükrü", "Yılmaz-Van den Berg", D(2015, 1, 1)), TODAY
        )
        window = make_window()
        window.show_area("people")
        page = window.people_page
        page.table.selectRow(0)
        qtbot.wait(50)
        scroll = page.panel.findChild(QScrollArea)
        assert not scroll.horizontalScrollBar().isVisible()
        assert page.panel.name.text() == "Şükrü Yılmaz-Van den Berg"
        assert page.panel.name.width() >= page.panel.name.sizeHint().width() or (
            page.panel.name.wordWrap()
        )
        qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
        assert fits(page.dialog)
        page.dialog.discard()
    finally:
        app.setFont(normal)
