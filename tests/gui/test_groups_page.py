"""Leergroepen through the window: start, fill, watch the mix, let go, close."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from tests.conftest import TODAY
from tests.gui.helpers import clear_and_type, type_text
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.gui.groups.table_model import GroupFilter
from werkleren_desktop.services.groups import list_groups
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person

D = dt.date
PEOPLE = [
    ("Łukasz", "Wójcik", 1999),
    ("Sanne", "Jansen", 2001),
    ("Kees", "Visser", 1962),
    ("Ria", "Bos", None),
    ("Ayşe", "Çelik", 1998),
]


@pytest.fixture
def window(make_window, store):
    create_organisation(store.sessions, OrganisationSettings(name="Bakkerij"))
    for first, last, year in PEOPLE:
        save_person(store.sessions, PersonInput(first, last, D(2020, 1, 1), birth_year=year), TODAY)
    window = make_window()
    window.show_area("groups")
    return window


def start_group(qtbot, page, name: str) -> None:
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.name, name)
    type_text(qtbot, dialog.theme, "Hoe bakken we met minder energie?")
    dialog.starts.setDate(QDate(2026, 9, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def add_member(qtbot, page, name: str) -> None:
    qtbot.mouseClick(page.panel.add_member_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    line = dialog.person.lineEdit()
    type_text(qtbot, line, name)
    dialog.person.setCurrentIndex(dialog.person.findText(name, Qt.MatchFlag.MatchStartsWith))
    dialog.joined.setDate(QDate(2026, 9, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.error_label.text()


def test_a_group_needs_a_name(window, qtbot) -> None:
    page = window.groups_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Vul de naam van de groep in."


def test_end_before_start_is_refused(window, qtbot) -> None:
    page = window.groups_page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.name, "Energie")
    dialog.starts.setDate(QDate(2026, 9, 1))
    dialog.ends.check.setChecked(True)
    dialog.ends.edit.setDate(QDate(2026, 8, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "De einddatum kan niet vóór de startdatum liggen."


def test_starting_and_filling_a_group_shows_its_mix(window, qtbot, store) -> None:
    page = window.groups_page
    start_group(qtbot, page, "Energiezuinig bakken")
    assert page.model.row_at(0).name == "Energiezuinig bakken"
    assert page.panel.name.text() == "Energiezuinig bakken"

    add_member(qtbot, page, "Łukasz Wójcik")
    add_member(qtbot, page, "Sanne Jansen")
    mix = page.panel.mix
    assert mix.size_label.text() == "2 leden"
    assert mix.size_advice.text() == (
        "Een leergroep werkt het best met 3 tot 6 leden; deze heeft er 2."
    )
    assert mix.generation_warning.text() == (
        "Het jongste en het oudste lid met een bekend geboortejaar schelen 2 jaar: de groep "
        "mengt jong en oud niet (minstens 15 jaar)."
    )

    add_member(qtbot, page, "Kees Visser")
    add_member(qtbot, page, "Ria Bos")
    assert mix.size_label.text() == "4 leden"
    assert not mix.size_advice.isVisible()
    assert not mix.generation_warning.isVisible()
    assert mix.bars["under_30"].value() == 2 and mix.bars["60_plus"].value() == 1
    assert mix.unknown.text() == "Geboortejaar onbekend van 1 lid."
    assert page.model.data(page.model.index(0, 2)) == "4"


def test_a_member_leaves_and_stays_in_the_history(window, qtbot) -> None:
    page = window.groups_page
    start_group(qtbot, page, "Brood")
    add_member(qtbot, page, "Łukasz Wójcik")
    add_member(qtbot, page, "Kees Visser")
    page.panel.members.selectRow(0)
    assert page.panel.end_member_button.isEnabled()
    qtbot.mouseClick(page.panel.end_member_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.date.setDate(QDate(2026, 8, 1))  # before joining
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == (
        "De datum waarop iemand de groep verlaat kan niet vóór de datum van instappen liggen."
    )
    dialog.date.setDate(QDate(2026, 10, 31))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    members = page.panel.members
    assert members.rowCount() == 2  # history kept
    assert members.item(0, 3).text() == "31-10-2026"
    assert page.panel.mix.size_label.text() == "1 lid"


def test_someone_cannot_join_twice(window, qtbot) -> None:
    page = window.groups_page
    start_group(qtbot, page, "Brood")
    add_member(qtbot, page, "Ria Bos")
    qtbot.mouseClick(page.panel.add_member_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.person.findText("Ria Bos", Qt.MatchFlag.MatchStartsWith) == -1  # offered no more
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.error_label.text() == "Kies een persoon uit de lijst."


def test_an_outside_expert_and_closing_the_group(window, qtbot, store) -> None:
    page = window.groups_page
    start_group(qtbot, page, "Zuurdesem")
    qtbot.mouseClick(page.panel.edit_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    type_text(qtbot, dialog.expert_name, "Marloes de Haan (bakkersvakschool)")
    type_text(qtbot, dialog.expert_contact, "marloes@example.nl")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.panel.expert.text() == "Marloes de Haan (bakkersvakschool) (marloes@example.nl)"

    qtbot.mouseClick(page.panel.close_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    dialog.date.setDate(QDate(2026, 11, 27))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert page.model.rowCount() == 0  # the list shows active groups
    page.status_box.setCurrentIndex(page.status_box.findData(GroupFilter.CLOSED))
    assert page.model.row_at(0).name == "Zuurdesem"
    page.select_record(page.model.row_at(0).id)
    assert page.panel.status.text() == "Gesloten"
    assert not page.panel.add_member_button.isEnabled()
    assert list_groups(store.sessions, TODAY)[0].ends == D(2026, 11, 27)

    qtbot.mouseClick(page.panel.close_button, Qt.MouseButton.LeftButton)  # reopen
    assert page.panel.status.text() == "Actief"


def test_the_person_page_shows_their_groups(window, qtbot) -> None:
    page = window.groups_page
    start_group(qtbot, page, "Brood")
    add_member(qtbot, page, "Ayşe Çelik")
    window.show_area("people")
    people = window.people_page
    clear_and_type(qtbot, people.search, "Çelik")
    people.table.selectRow(0)
    assert people.panel.name.text() == "Ayşe Çelik"
    assert "Brood" in people.panel.groups.text()
    assert "1 september 2026 tot nu" in people.panel.groups.text()


def test_everyone_in_a_mixed_group_and_those_in_none_added(window, qtbot, store) -> None:
    page = window.groups_page
    start_group(qtbot, page, "Energiezuinig bakken")
    add_member(qtbot, page, "Łukasz Wójcik")  # 1999
    add_member(qtbot, page, "Kees Visser")  # 1962: 37 years apart, the group mixes
    line = page.mixing.text()
    assert "In een gemengde groep: 2 van de 5 mensen in dienst (40 %)" in line
    assert "minstens 15 jaar schelen" in line and "3 mensen zitten in geen groep" in line
    # reached with Tab, the link follows with Enter at once (gui.widgets.link_paragraph)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.mixing.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(page.mixing.hasFocus)
    assert page.mixing.selectedText() == "3 mensen zitten in geen groep"
    qtbot.keyClick(page.mixing, Qt.Key.Key_Return)
    dialog = page.dialog
    assert dialog.windowTitle() == "Mensen in geen leergroep"
    names = [dialog.people.item(i).text() for i in range(dialog.people.count())]
    assert names == ["Ria Bos", "Ayşe Çelik", "Sanne Jansen"]
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text() == "Vink minstens één persoon aan."
    dialog.people.item(1).setCheckState(Qt.CheckState.Checked)
    dialog.people.item(2).setCheckState(Qt.CheckState.Checked)
    assert dialog.group.currentText() == "Energiezuinig bakken (2 leden)"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    line = page.mixing.text()
    assert "4 van de 5 mensen in dienst (80 %)" in line and "1 persoon zit in geen groep" in line


def test_the_sign_up_sheet_starts_with_the_requests_for_a_group(
    window, qtbot, store, fake_prompts, tmp_path
) -> None:
    from pypdf import PdfReader

    from werkleren_desktop.domain.constants import RequestKind
    from werkleren_desktop.domain.requests import RequestInput
    from werkleren_desktop.services.people import list_people
    from werkleren_desktop.services.requests import ask

    sanne = next(p.id for p in list_people(store.sessions) if p.first_name == "Sanne")
    ask(
        store.sessions,
        RequestInput(sanne, RequestKind.GROUP, "Samen leren deeg kneden zonder pijn", TODAY),
        TODAY,
    )
    page = window.groups_page
    qtbot.mouseClick(page.signup_button, Qt.MouseButton.LeftButton)
    preview = page.preview
    assert preview.isVisible() and preview.windowTitle() == "Intekenlijst"
    fake_prompts.save_file = tmp_path / "intekenlijst.pdf"
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    first = " ".join(PdfReader(fake_prompts.save_file).pages[0].extract_text().split())
    assert "Vraag 1 Samen leren deeg kneden zonder pijn gevraagd door Sanne Jansen" in first
    preview.reject()


def test_what_the_group_learned_on_screen_and_on_paper(
    window, qtbot, store, fake_prompts, tmp_path
) -> None:
    from pypdf import PdfReader

    from werkleren_desktop.domain.constants import SituationKind
    from werkleren_desktop.domain.situations import SituationInput
    from werkleren_desktop.services.people import list_people
    from werkleren_desktop.services.situations import save_situation

    page = window.groups_page
    start_group(qtbot, page, "Energiezuinig bakken")
    group_id = page.panel.detail.id
    kees = next(p.id for p in list_people(store.sessions) if p.first_name == "Kees")
    save_situation(
        store.sessions,
        SituationInput(
            TODAY - dt.timedelta(days=10),
            "Oven te vroeg aan",
            SituationKind.IMPROVE,
            (kees,),
            group_id=group_id,
            outcome="Oven pas om zes uur aan",
            next_step="Tijdschakelaar laten plaatsen",
        ),
        TODAY,
    )
    qtbot.mouseClick(page.panel.lessons_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.windowTitle() == "Wat we leerden: Energiezuinig bakken"
    shown = dialog.text.text()
    assert "Uit het werk" in shown and "Oven te vroeg aan" in shown
    assert "Tijdschakelaar laten plaatsen" in shown
    dialog.first.setDate(dialog.last.date().addDays(1))  # a period that ends before it starts
    assert dialog.error_label.text() == "De einddatum kan niet vóór de startdatum liggen."
    assert not dialog.print_button.isEnabled()
    dialog.first.setDate(dialog.last.date().addMonths(-3))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    fake_prompts.save_file = tmp_path / "geleerd.pdf"
    qtbot.mouseClick(dialog.preview.save_button, Qt.MouseButton.LeftButton)
    text = " ".join(PdfReader(fake_prompts.save_file).pages[0].extract_text().split())
    assert "Wat we leerden: Energiezuinig bakken" in text and "Oven pas om zes uur aan" in text
    dialog.preview.reject()
    dialog.reject()
