"""Mensen through the window: add, edit, find, record leaving, import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from tests.conftest import TODAY
from tests.gui.helpers import clear_and_type, type_text
from werkleren_desktop.domain.constants import RequestKind, RequestStatus
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.gui.people.person_dialog import PersonDialog
from werkleren_desktop.gui.people.table_model import StatusFilter
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import list_people, save_person
from werkleren_desktop.services.requests import list_requests

D = dt.date


@pytest.fixture
def page(make_window, store):
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij De Korenschoof"))
    boss = save_person(
        store.sessions, PersonInput("Anouk", "Bakker", D(2010, 1, 1), job_title="Eigenaar"), TODAY
    )
    save_person(
        store.sessions,
        PersonInput(
            "Bram", "de Vries", D(2015, 1, 1), manager_id=boss, job_title="Bakker", birth_year=1965
        ),
        TODAY,
    )
    save_person(
        store.sessions,
        PersonInput(
            "Chantal", "Smit", D(2012, 1, 1), manager_id=boss, out_of_service=D(2024, 6, 30)
        ),
        TODAY,
    )
    window = make_window()
    window.show_area("people")
    return window.people_page


def shown_names(page) -> list[str]:
    return [page.model.data(page.model.index(r, 0)) for r in range(page.model.rowCount())]


def test_the_list_shows_who_is_in_service(page) -> None:
    assert shown_names(page) == ["Bakker, Anouk", "Vries, Bram de"]
    assert page.count_label.text() == "2 in dienst · 1 vertrokken"


def test_adding_a_person(page, qtbot, store) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, PersonDialog) and dialog.windowTitle() == "Nieuwe persoon"
    type_text(qtbot, dialog.first_name, "Şükrü")
    type_text(qtbot, dialog.last_name, "Yılmaz")
    type_text(qtbot, dialog.email, "sukru@korenschoof.nl")
    type_text(qtbot, dialog.job_title, "Leerling-bakker")
    dialog.manager.setCurrentIndex(dialog.manager.findText("Anouk Bakker"))
    dialog.in_service.setDate(QDate(2025, 9, 1))
    type_text(qtbot, dialog.hours, "32,5")
    type_text(qtbot, dialog.birth_year, "2006")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert "Yılmaz, Şükrü" in shown_names(page)
    assert page.panel.name.text() == "Şükrü Yılmaz"  # the new person is selected
    assert "Anouk Bakker" in page.panel.details.text()
    assert "32,5" in page.panel.details.text()
    stored = next(p for p in list_people(store.sessions) if p.first_name == "Şükrü")
    assert stored.contract_minutes == 1950 and stored.birth_year == 2006


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("first_name", "", "Vul de voornaam in."),
        ("email", "sukru@", "‘sukru@’ is geen e-mailadres."),
        ("birth_year", "87", "‘87’ is geen jaar; schrijf het als 1987."),
        ("hours", "veel", "‘veel’ is geen aantal uren."),
    ],
)
def test_bad_input_is_explained_and_the_form_stays(
    page, qtbot, store, field, text, message
) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.first_name, "Şükrü")
    type_text(qtbot, dialog.last_name, "Yılmaz")
    clear_and_type(qtbot, getattr(dialog, field), text)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == message
    assert dialog.last_name.text() == "Yılmaz"  # nothing typed is lost
    assert len(list_people(store.sessions)) == 3


def test_out_of_service_before_in_service(page, qtbot) -> None:
    page.select_record(page.model.row_at(1).id)  # Bram
    page.edit_person()
    dialog = page.dialog
    dialog.out_of_service.check.setChecked(True)
    dialog.out_of_service.edit.setDate(QDate(2014, 12, 31))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "De datum uit dienst kan niet vóór de datum in dienst liggen."
    )


def test_a_manager_loop_is_refused(page, qtbot, store) -> None:
    page.select_record(page.model.row_at(0).id)  # Anouk, who manages Bram
    page.edit_person()
    dialog = page.dialog
    assert dialog.windowTitle() == "Persoon wijzigen"
    dialog.manager.setCurrentIndex(dialog.manager.findText("Bram de Vries"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == (
        "Bram de Vries kan niet de leidinggevende van Anouk Bakker zijn: Anouk Bakker is al, "
        "direct of hogerop, leidinggevende van Bram de Vries."
    )
    assert dialog.manager.findText("Anouk Bakker") == -1  # nobody manages themselves


def test_editing_by_double_click(page, qtbot) -> None:
    index = page.model.index(1, 0)
    rect = page.table.visualRect(index)
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.panel.name.text() == "Bram de Vries"
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    dialog = page.dialog
    assert dialog.first_name.text() == "Bram"
    clear_and_type(qtbot, dialog.job_title, "Meesterbakker")
    qtbot.keyClick(dialog.job_title, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert page.model.data(page.model.index(1, 1)) == "Meesterbakker"


def test_closing_with_unsaved_text_asks_first(page, qtbot, fake_prompts) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.first_name, "Half")
    fake_prompts.confirm_answer = False
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.first_name.text() == "Half"
    assert fake_prompts.asked == ["Sluiten zonder op te slaan wat je hebt ingevuld?"]


def test_search_and_filters(page, qtbot) -> None:
    type_text(qtbot, page.search, "bakker")  # name or job title
    assert shown_names(page) == ["Bakker, Anouk", "Vries, Bram de"]
    clear_and_type(qtbot, page.search, "vries")
    assert shown_names(page) == ["Vries, Bram de"]
    page.search.clear()
    page.status_box.setCurrentIndex(page.status_box.findData(StatusFilter.LEFT))
    assert shown_names(page) == ["Smit, Chantal"]
    page.status_box.setCurrentIndex(page.status_box.findData(StatusFilter.ALL))
    page.manager_box.setCurrentIndex(page.manager_box.findText("Anouk Bakker"))
    assert shown_names(page) == ["Smit, Chantal", "Vries, Bram de"]


def test_sorting_by_a_column(page, qtbot) -> None:
    page.table.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # in service, newest first
    assert shown_names(page) == ["Vries, Bram de", "Bakker, Anouk"]


def test_recording_leaving_keeps_the_person(page, qtbot, store) -> None:
    page.select_record(page.model.row_at(1).id)
    qtbot.mouseClick(page.panel.leave_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.date.setDate(QDate(2026, 10, 31))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert shown_names(page) == ["Bakker, Anouk"]
    page.status_box.setCurrentIndex(page.status_box.findData(StatusFilter.LEFT))
    assert "Vries, Bram de" in shown_names(page)
    bram = next(p for p in list_people(store.sessions) if p.first_name == "Bram")
    assert bram.out_of_service == D(2026, 10, 31)


def test_import_from_the_window(page, qtbot, fake_prompts, tmp_path: Path, store) -> None:
    path = tmp_path / "personeel.csv"
    path.write_bytes(
        "Voornaam;Achternaam;E-mail;Leidinggevende;In dienst;Geboortejaar\r\n"
        "Zoë;van den Berg-IJzerman;zoe@korenschoof.nl;Anouk Bakker;01-03-2019;1990\r\n"
        "IJsbrand;de Groot;;Zoë van den Berg-IJzerman;15-08-2022;\r\n"
        "Piet;Puk;;Klaas Vaak;01-01-2020;\r\n".encode("cp1252", errors="strict")
    )
    fake_prompts.import_file = path
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.summary.text().startswith("3 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 met fouten.")
    model = dialog.model
    assert model.data(model.index(2, 3)) == (
        "Onbekende leidinggevende ‘Klaas Vaak’. Geïmporteerd zonder leidinggevende."
    )
    assert dialog.import_button.text() == "3 importeren"
    assert len(list_people(store.sessions)) == 3  # nothing stored before confirming
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "Berg-IJzerman, Zoë van den" in shown_names(page)
    assert len(list_people(store.sessions)) == 6

    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    again = page.dialog
    assert again.summary.text().startswith("0 nieuw, 0 gewijzigd, 3 ongewijzigd")
    assert not again.import_button.isEnabled()
    again.reject()


def test_import_asks_for_the_columns_it_needs(page, qtbot, fake_prompts, tmp_path) -> None:
    path = tmp_path / "lijst.csv"
    path.write_text("Naam;Start\nJansen;01-01-2020\n", encoding="utf-8")
    fake_prompts.import_file = path
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.error_label.text() == ("Geef aan welke kolom dit bevat: Voornaam, In dienst.")
    assert not dialog.import_button.isEnabled()
    # the user points the columns out
    dialog.column_boxes["first_name"].setCurrentIndex(1)  # "Naam" holds the first name
    dialog.column_boxes["in_service"].setCurrentIndex(2)
    assert dialog.error_label.text() == ""
    assert dialog.model.rowCount() == 1


def test_an_unreadable_file_is_explained(page, qtbot, fake_prompts, tmp_path) -> None:
    fake_prompts.import_file = tmp_path / "foto.jpg"
    fake_prompts.import_file.write_bytes(b"\xff\xd8")
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    assert page.error_label.text() == (
        "Kies een CSV- of Excel-bestand (.xlsx); foto.jpg is geen van beide."
    )


def test_the_last_conversation_in_the_person_form(page, qtbot, store) -> None:
    """Noted in the form for the time before the program: a date before the person came
    is explained with the form kept open; a good one shows in the panel."""
    from werkleren_desktop.services.people import get_person

    bram = page.model.row_at(1).id
    page.select_record(bram)
    page.edit_person()
    dialog = page.dialog
    assert not dialog.last_conversation.edit.isEnabled()  # none known: not filled in
    dialog.last_conversation.check.setChecked(True)
    dialog.last_conversation.edit.setDate(QDate(2014, 9, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.error_label.text() == (
        "Het laatste gesprek kan niet vóór de datum in dienst liggen."
    )
    assert dialog.focusWidget() is dialog.last_conversation.edit
    dialog.last_conversation.edit.setDate(QDate(2026, 9, 18))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert get_person(store.sessions, bram).last_conversation_on == D(2026, 9, 18)
    assert "Laatste gesprek</td><td>18 september 2026" in page.panel.details.text()


def test_a_learning_request_is_recorded_and_answered_on_the_persons_page(
    page, qtbot, store
) -> None:
    """The owner records what Bram asked for (his request, of his manager Anouk), and
    later Anouk's answer: declined without a reason is said at the field and kept."""
    row = shown_names(page).index("Vries, Bram de")
    page.table.selectRow(row)
    panel = page.panel
    assert "Nog geen leervragen." in panel.requests.text()
    panel.requests.linkActivated.emit("#new")
    dialog = page.dialog
    assert dialog.windowTitle() == "Nieuwe leervraag van Bram de Vries"
    dialog.accept()  # nothing asked yet
    assert dialog.isVisible() and dialog.error_label.text() == "Zeg waar hij of zij om vraagt."
    qtbot.keyClicks(dialog.question, "Zuurdesem leren van iemand die het kan")
    dialog.kind.setCurrentIndex(dialog.kind.findData(RequestKind.EXPERT))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()
    assert "Zuurdesem leren" in panel.requests.text()
    assert "Wacht op antwoord" in panel.requests.text()
    (asked,) = list_requests(store.sessions)
    assert asked.addressed_to_name == "Anouk Bakker"
    panel.requests.linkActivated.emit(f"#{asked.id}")
    answer = page.dialog
    answer.status.setCurrentIndex(answer.status.findData(RequestStatus.DECLINED))
    qtbot.mouseClick(answer.save_button, Qt.MouseButton.LeftButton)
    assert answer.isVisible()
    assert "met een reden" in answer.error_label.text()
    qtbot.keyClicks(answer.answer, "Eerst de nieuwe oven")
    qtbot.mouseClick(answer.save_button, Qt.MouseButton.LeftButton)
    assert not answer.isVisible(), answer.error_label.text()
    assert "Afgewezen: Eerst de nieuwe oven" in panel.requests.text()
    assert list_requests(store.sessions)[0].status is RequestStatus.DECLINED


def test_the_panels_links_are_followed_with_the_keyboard(page, qtbot) -> None:
    """Tab reaches a link in the person's panel, Enter follows it: recording a learning
    request needs no mouse."""
    page.table.selectRow(shown_names(page).index("Vries, Bram de"))
    label = page.panel.requests
    label.setFocus()
    qtbot.keyClick(label, Qt.Key.Key_Tab)  # to the first link: record a new one
    qtbot.keyClick(label, Qt.Key.Key_Return)
    assert page.dialog.windowTitle() == "Nieuwe leervraag van Bram de Vries"
    page.dialog.discard()
