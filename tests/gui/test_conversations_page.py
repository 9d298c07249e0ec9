"""Gesprekken through the window: plan, prepare, print, hold, sign, lock and correct."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt

from tests.conftest import TODAY
from tests.gui.helpers import clear_and_type, type_text
from werkleren_desktop.db.models import AgreementOwner
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.services.conversations import get_conversation, list_conversations
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person

D = dt.date


@pytest.fixture
def page(make_window, store):
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk & Zn."))
    manager = save_person(store.sessions, PersonInput("Marieke", "de Boer", D(2010, 1, 1)), TODAY)
    save_person(
        store.sessions,
        PersonInput("Şükrü", "Yılmaz", D(2019, 2, 14), job_title="Monteur", manager_id=manager),
        TODAY,
    )
    window = make_window()
    window.show_area("conversations")
    return window.conversations_page


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_plan_prepare_hold_sign_and_lock(page, qtbot, store, fake_prompts, tmp_path) -> None:
    # who is due: six-monthly from 14 February, so 14 August has passed
    assert page.due_model.rowCount() == 1
    assert page.due_model.data(page.due_model.index(0, 3)) == "te laat"
    page.due_table.selectRow(0)
    qtbot.mouseClick(page.open_due_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.windowTitle() == "Talentontwikkelgesprek plannen"
    assert dialog.person.currentText() == "Yılmaz, Şükrü"
    dialog.planned_on.setDate(QDate(2026, 12, 3))
    type_text(qtbot, dialog.place, "Kantoor")
    dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.preparation["talents"], "Uitleggen aan leerlingen.")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert page.due_model.data(page.due_model.index(0, 3)) == "gepland"

    # the preparation form, previewed, saved and printed
    page.tabs.setCurrentIndex(1)
    page.conversations_table.selectRow(0)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.windowTitle() == "Talentontwikkelgesprek met Şükrü Yılmaz"
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    preview = page.preview
    assert preview.isVisible() and preview.page_labels
    fake_prompts.save_file = tmp_path / "voorbereiding.pdf"
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    text = pdf_text(fake_prompts.save_file.read_bytes())
    assert "Şükrü Yılmaz" in text and "Uitleggen aan leerlingen." in text
    assert "donderdag 3 december 2026 om 10:00, Kantoor" in text
    fake_prompts.print_file = tmp_path / "printer.pdf"
    qtbot.mouseClick(preview.print_button, Qt.MouseButton.LeftButton)
    assert len(PdfReader(fake_prompts.print_file).pages) == len(preview.pages)
    preview.close()

    # held earlier than planned: notes and an agreement
    dialog.tabs.setCurrentIndex(2)
    # what was prepared stands in the conversation's parts as a start
    assert dialog.notes["talents"].toPlainText() == "Uitleggen aan leerlingen."
    dialog.held.setChecked(True)
    dialog.held_on.setDate(QDate(2026, 11, 27))
    clear_and_type(qtbot, dialog.notes["talents"], "Wil leerlingen begeleiden.")
    qtbot.mouseClick(dialog.agreements.add_button, Qt.MouseButton.LeftButton)
    row = dialog.agreements.rows[0]
    type_text(qtbot, row.what, "Een leerling begeleiden")
    row.owner.setCurrentIndex(row.owner.findData(AgreementOwner.BOTH))
    # the signatures tab: signing saves the form first
    dialog.tabs.setCurrentIndex(3)
    dialog.professional_box.signed_on.setDate(QDate(2026, 11, 29))
    qtbot.mouseClick(dialog.professional_box.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Een handtekening kan niet in de toekomst gedateerd zijn."
    dialog.professional_box.signed_on.setDate(QDate(2026, 11, 28))
    dialog.professional_box.mark.setCurrentIndex(1)  # voor akkoord
    qtbot.mouseClick(dialog.professional_box.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.professional_box.status.text() == (
        "Getekend door Şükrü Yılmaz op 28 november 2026, voor akkoord."
    )
    assert not dialog.locked_banner.isVisible()
    # who signs is the person concerned, shown, not typed
    assert dialog.manager_box.name.isReadOnly() and dialog.professional_box.name.isReadOnly()
    # the second signature locks the record: asked first, and Enter answers no
    fake_prompts.confirm_answer = False
    qtbot.mouseClick(dialog.manager_box.sign_button, Qt.MouseButton.LeftButton)
    assert fake_prompts.asked[-1].startswith("Met deze handtekening wordt het verslag vergrendeld")
    assert fake_prompts.destructive[-1] and not dialog.locked_banner.isVisible()
    fake_prompts.confirm_answer = True
    qtbot.mouseClick(dialog.manager_box.sign_button, Qt.MouseButton.LeftButton)
    assert dialog.locked_banner.isVisible()
    assert dialog.notes["talents"].isReadOnly() and not dialog.save_button.isVisible()
    assert dialog.cancel_button.text() == "Sluiten"
    (stored,) = list_conversations(store.sessions)
    view = get_conversation(store.sessions, stored.id)
    assert view.locked and view.held_on == D(2026, 11, 27)
    assert [a.what for a in view.agreements] == ["Een leerling begeleiden"]

    # a correction needs a reason and is kept with the record
    qtbot.mouseClick(dialog.correct_button, Qt.MouseButton.LeftButton)
    correction = page.correction_dialog
    correction.part.setCurrentIndex(correction.part.findData("talents"))
    assert correction.text.toPlainText() == "Wil leerlingen begeleiden."
    clear_and_type(qtbot, correction.text, "Wil leerlingen en stagiairs begeleiden.")
    qtbot.mouseClick(correction.save_button, Qt.MouseButton.LeftButton)
    assert correction.error_label.text() == (
        "Een ondertekend verslag wordt alleen met een reden gewijzigd; geef aan waarom."
    )
    type_text(qtbot, correction.reason, "Stagiairs vergeten")
    qtbot.mouseClick(correction.save_button, Qt.MouseButton.LeftButton)
    assert not correction.isVisible()
    assert dialog.notes["talents"].toPlainText() == "Wil leerlingen en stagiairs begeleiden."
    assert "Reden: Stagiairs vergeten" in dialog.corrections.text()

    # the record prints with both signatures and the correction
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    fake_prompts.save_file = tmp_path / "verslag.pdf"
    qtbot.mouseClick(page.preview.save_button, Qt.MouseButton.LeftButton)
    text = pdf_text(fake_prompts.save_file.read_bytes())
    assert "☒ voor akkoord" in text and "Reden: Stagiairs vergeten" in text
    dialog.reject()
    assert page.due_model.data(page.due_model.index(0, 3)) == "gehouden"
    page.tabs.setCurrentIndex(2)
    assert page.agreements_model.rowCount() == 1
    assert page.agreements_model.data(page.agreements_model.index(0, 2)) == "beiden"


def test_planning_needs_a_person_and_keeps_what_was_typed(page, qtbot) -> None:
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.preparation["went_well"], "Veel geleerd")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Kies de professional met wie het gesprek is."
    assert dialog.tabs.currentIndex() == 0
    assert dialog.preparation["went_well"].toPlainText() == "Veel geleerd"
    dialog.person.setCurrentIndex(dialog.person.findText("Yılmaz, Şükrü"))
    dialog.planned_on.setDate(QDate(2018, 1, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "De datum ligt voordat deze persoon in dienst kwam."


def test_a_preparation_entered_on_someones_behalf_says_they_brought_it_in(
    page, qtbot, store
) -> None:
    """On a laptop the owner types in what the professional prepared on paper: the
    record says the professional brought it in (ingebracht door)."""
    qtbot.mouseClick(page.plan_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.person.setCurrentIndex(dialog.person.findText("Yılmaz, Şükrü"))
    dialog.planned_on.setDate(QDate(2026, 12, 3))
    dialog.tabs.setCurrentIndex(1)
    type_text(qtbot, dialog.preparation["talents"], "Uitleggen aan leerlingen.")
    assert dialog.brought_in.text() == (
        "Ingebracht door de professional (namens hem of haar ingevoerd)"
    )
    dialog.brought_in.setFocus()
    qtbot.keyClick(dialog.brought_in, Qt.Key.Key_Space)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    (row,) = list_conversations(store.sessions)
    assert get_conversation(store.sessions, row.id).preparation_brought_in
    page.open_conversation(row.id)
    assert page.dialog.brought_in.isChecked()
    page.dialog.reject()


def test_a_blank_form(page, qtbot, fake_prompts, tmp_path) -> None:
    qtbot.mouseClick(page.blank_button, Qt.MouseButton.LeftButton)
    fake_prompts.save_file = tmp_path / "leeg.pdf"
    qtbot.mouseClick(page.preview.save_button, Qt.MouseButton.LeftButton)
    text = pdf_text(fake_prompts.save_file.read_bytes())
    assert "Talentontwikkelgesprek" in text and "Şükrü" not in text


def test_home_person_page_and_settings_show_the_conversations(page, qtbot, store) -> None:
    from werkleren_desktop.services.organisation import load_settings

    window = page.window()
    window.show_area("home")
    text = window.home_page.conversations_text.text()
    assert "1 te laat · 0 aan de beurt · 0 gepland · 0 gehouden" in text
    assert "Şükrü Yılmaz, met Marieke de Boer" in text

    # from the person page: plan one, then open it from there
    window.show_area("people")
    person = next(r.id for r in window.people_page.model.all_rows if r.first_name == "Şükrü")
    window.people_page.select_record(person)
    label = window.people_page.panel.conversations
    assert "Nog geen talentontwikkelgesprek." in label.text()
    label.linkActivated.emit("#plan")
    assert window.current_area() == "conversations"
    dialog = page.dialog
    assert dialog.person.currentText() == "Yılmaz, Şükrü"
    dialog.planned_on.setDate(QDate(2026, 12, 10))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    window.show_area("people")
    window.people_page.select_record(person)
    assert "10 december 2026</a> · gepland" in label.text()
    (row,) = list_conversations(store.sessions)
    label.linkActivated.emit(f"#{row.id}")
    assert page.dialog.windowTitle() == "Talentontwikkelgesprek met Şükrü Yılmaz"
    page.dialog.reject()

    # fixed months in the settings: then the conversation is due by the end of September
    window.settings_action.trigger()
    settings = window.settings_dialog
    settings.tabs.setCurrentWidget(settings.conversations_tab)
    assert settings.tabs.tabText(settings.tabs.currentIndex()) == "Gesprekken"
    settings.fixed_months_radio.setChecked(True)
    settings.month_boxes[0].setCurrentIndex(settings.month_boxes[0].findText("maart"))
    settings.month_boxes[1].setCurrentIndex(settings.month_boxes[1].findText("mei"))
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    assert settings.error_label.text() == (
        "Kies in elke helft van het jaar een maand, bijvoorbeeld maart en september."
    )
    assert settings.tabs.currentWidget() is settings.conversations_tab
    settings.month_boxes[1].setCurrentIndex(settings.month_boxes[1].findText("september"))
    qtbot.mouseClick(settings.save_button, Qt.MouseButton.LeftButton)
    assert not settings.isVisible()
    stored = load_settings(store.sessions)
    assert stored is not None and stored.conversation_months == (3, 9)
    window.show_area("conversations")
    due = window.conversations_page.due_model  # the window rebuilt its pages
    assert due.data(due.index(0, 2)) == "30-09-2026"


def test_the_first_day_many_last_conversations_noted_at_once(make_window, store, qtbot) -> None:
    """An owner who starts today with 14 people sees 13 of them overdue; choosing them
    all and noting the day of their last conversation makes the list honest."""
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk & Zn."))
    owner = save_person(store.sessions, PersonInput("Marieke", "de Boer", D(2010, 1, 1)), TODAY)
    for n in range(13):
        save_person(
            store.sessions,
            PersonInput(f"Collega{n}", "Jansen", D(2018, 1, 1 + n), manager_id=owner),
            TODAY,
        )
    window = make_window()
    window.show_area("conversations")
    page = window.conversations_page
    assert page.count_label.text().startswith("tweede helft van 2026: 13 te laat")
    assert page.due_model.headerData(5, Qt.Orientation.Horizontal) == "Laatst gehouden"

    page.due_status_box.setCurrentIndex(page.due_status_box.findText("te laat"))
    page.due_table.setFocus()
    qtbot.keyClick(page.due_table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.mouseClick(page.note_last_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.windowTitle() == "Laatste gesprek vastleggen"
    dialog.held_on.setFocus(Qt.FocusReason.TabFocusReason)
    type_text(qtbot, dialog.held_on, "18-09-2026")
    with qtbot.waitSignal(page.status_message) as said:
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert said.args == ["Laatste gesprek vastgelegd voor 13 mensen."]
    qtbot.waitUntil(lambda: "13 gehouden" in page.count_label.text())
    assert page.count_label.text().startswith("tweede helft van 2026: 0 te laat")
    page.due_status_box.setCurrentIndex(0)
    qtbot.waitUntil(lambda: page.due_model.rowCount() == 13)
    assert {page.due_model.data(page.due_model.index(r, 5)) for r in range(13)} == {"18-09-2026"}


def test_nothing_chosen_says_how_to_choose(page, qtbot) -> None:
    page.due_table.clearSelection()
    qtbot.mouseClick(page.note_last_button, Qt.MouseButton.LeftButton)
    assert page.error_label.text() == (
        "Kies eerst de mensen in de lijst (Ctrl+A kiest iedereen in de lijst)."
    )
