"""Functions and skills through the window: a function with what it requires, the job
titles mapped once from the matrix's banner, the matrix per function, a skill granted by
a training and built by a situation, and a level seen written down on the person page."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from tests.conftest import TODAY
from tests.gui.helpers import pick, type_text
from werkleren_desktop.db.models import TrainingStatus
from werkleren_desktop.domain.constants import SituationKind
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.qualifications import FunctionInput, SkillInput
from werkleren_desktop.gui.training.functions import (
    FunctionDialog,
    FunctionsDialog,
    MapTitlesDialog,
    SkillSeenDialog,
)
from werkleren_desktop.services.certificates import list_certificate_types
from werkleren_desktop.services.functions import (
    list_functions,
    save_function,
    save_skill,
)
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import list_people, save_person

D = dt.date


@pytest.fixture
def org(store):
    create_organisation(store.sessions, OrganisationSettings(name="Van Dijk"))
    boss = save_person(
        store.sessions, PersonInput("Łukasz", "Wójcik", D(2015, 1, 1), job_title="Teamleider"),
        TODAY,
    )  # fmt: skip
    for first, last, title in (("Sanne", "Jansen", "Monteur"), ("Kees", "de Graaf", "Monteur"),
                               ("Eva", "Smit", "Planner")):  # fmt: skip
        save_person(
            store.sessions,
            PersonInput(first, last, D(2020, 1, 1), job_title=title, manager_id=boss),
            TODAY,
        )
    return {"solderen": save_skill(store.sessions, SkillInput("Solderen"))}


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def matrix_page(make_window, qtbot):
    window = make_window()
    window.show_area("training")
    page = window.training_page
    page.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: page.matrix_tab.model.rowCount() > 0)
    return page


def test_a_function_with_what_it_requires_through_its_form(make_window, qtbot, store, org) -> None:
    page = matrix_page(make_window, qtbot)
    click(qtbot, page.matrix_tab.functions_button)
    listing = page.dialog
    assert isinstance(listing, FunctionsDialog) and listing.windowTitle() == "Functies"
    click(qtbot, listing.new_button)
    form = listing.form
    assert isinstance(form, FunctionDialog) and form.focusWidget() is form.name
    # Save without a name: said in Dutch, the form stays with what was chosen
    bhv = next(
        form.certificates.item(i) for i in range(form.certificates.count())
        if form.certificates.item(i).text() == "BHV"
    )  # fmt: skip
    bhv.setCheckState(Qt.CheckState.Checked)
    box = form.skills[org["solderen"]]
    box.setCurrentIndex(box.findData(3))
    click(qtbot, form.save_button)
    assert form.isVisible() and form.error_label.text() == (
        "Geef de functie een naam, bijvoorbeeld Monteur."
    )
    assert form.focusWidget() is form.name
    type_text(qtbot, form.name, "Monteur")
    click(qtbot, form.save_button)
    assert not form.isVisible()
    assert listing.model.rowCount() == 1
    assert listing.model.index(0, 1).data() == "BHV; Solderen 3"
    (monteur,) = list_functions(store.sessions)
    assert [c for _i, c in monteur.certificates] == ["BHV"]
    assert [(n, level) for _i, n, level in monteur.skills] == [("Solderen", 3)]


def test_titles_are_mapped_from_the_banner_and_the_matrix_shows_one_function(
    make_window, qtbot, store, org
) -> None:
    types = {t.name: t.id for t in list_certificate_types(store.sessions)}
    save_function(store.sessions, FunctionInput("Monteur", certificates=(types["BHV"],),
                                                skills=((org["solderen"], 3),)))  # fmt: skip
    # (the people whose title is its name hold it: certain; the others wait)
    save_person(store.sessions, PersonInput("Ali", "Demir", D(2022, 1, 1),
                job_title="Monteur VCA"), TODAY)  # fmt: skip
    page = matrix_page(make_window, qtbot)
    tab = page.matrix_tab
    assert tab.titles_banner.isVisibleTo(page)
    assert tab.titles_text.text().startswith("3 functietitels")
    click(qtbot, tab.titles_button)
    dialog = page.dialog
    assert isinstance(dialog, MapTitlesDialog)
    # a title that names the function likely is proposed as it; the others as new ones
    assert dialog.choices["Monteur VCA"].currentText() == "Monteur"
    assert dialog.choices["Planner"].currentText() == "Een nieuwe functie ‘Planner’"
    teamleider = dialog.choices["Teamleider"]
    teamleider.setCurrentIndex(teamleider.findData(None))  # left as typed
    assert dialog.focusWidget() is dialog.choices["Monteur VCA"]
    click(qtbot, dialog.save_button)
    qtbot.waitUntil(lambda: not tab.titles_banner.isVisibleTo(page) or
                    tab.titles_text.text().startswith("1 functietitel"))  # fmt: skip
    assert tab.titles_text.text().startswith("1 functietitel")
    held = {p.first_name: p.job_title for p in list_people(store.sessions)}
    assert held == {"Łukasz": "Teamleider", "Sanne": "Monteur", "Kees": "Monteur",
                    "Eva": "Planner", "Ali": "Monteur"}  # fmt: skip
    # one function's holders: what they need, and what is missing in bold and red
    assert tab.function.findText("Monteur") > 0
    tab.function.setCurrentIndex(tab.function.findText("Monteur"))
    model = tab.model
    qtbot.waitUntil(lambda: model.rowCount() == 3)
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Naam", "Functie", "BHV", "Solderen",
    ]  # fmt: skip
    assert [model.index(1, c).data() for c in range(4)] == [
        "Graaf, Kees de", "Monteur", "ontbreekt", "ontbreekt, 3 nodig",
    ]  # fmt: skip
    assert model.index(1, 2).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(1, 3).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f6d3d0"
    assert "vereist: 3 · doet het zelfstandig" in model.index(1, 3).data(
        Qt.ItemDataRole.ToolTipRole
    )


def test_a_training_grants_a_skill_and_the_person_page_shows_it(
    make_window, qtbot, store, org
) -> None:
    save_function(store.sessions, FunctionInput("Monteur", skills=((org["solderen"], 3),)))
    window = make_window()
    window.show_area("training")
    page = window.training_page
    click(qtbot, page.new_button)
    dialog = page.dialog
    pick(dialog.people, "Sanne")
    type_text(qtbot, dialog.title, "Hardsolderen")
    dialog.starts_on.setDate(QDate(2026, 10, 5))
    dialog.ends_on.setDate(QDate(2026, 10, 5))
    dialog.status.setCurrentIndex(dialog.status.findData(TrainingStatus.DONE))
    assert not dialog.skill_level.isEnabled()
    dialog.skill.setCurrentIndex(dialog.skill.findText("Solderen"))
    assert dialog.skill_level.isEnabled() and dialog.skill_level.currentData() == 3
    dialog.skill_level.setCurrentIndex(dialog.skill_level.findData(2))
    click(qtbot, dialog.save_button)
    assert not dialog.isVisible()

    window.show_area("people")
    people = window.people_page
    sanne = next(p for p in list_people(store.sessions) if p.first_name == "Sanne")
    people.select_record(sanne.id)
    shown = people.panel.qualifications.text()
    assert "Functie Monteur: 1 vereiste vraagt aandacht." in shown
    assert "Solderen: niveau 2, 3 nodig" in shown
    assert "Solderen: niveau 2 · doet het met hulp (opleiding 05-10-2026 ‘Hardsolderen’)" in shown

    # a level seen at work, written down on the person page
    click(qtbot, people.panel.skill_button)
    seen = people.dialog
    assert isinstance(seen, SkillSeenDialog) and seen.focusWidget() is seen.skill
    click(qtbot, seen.save_button)
    assert seen.isVisible() and seen.error_label.text() == "Kies de vaardigheid."
    seen.skill.setCurrentIndex(seen.skill.findText("Solderen"))
    click(qtbot, seen.save_button)
    assert seen.error_label.text() == "Kies een niveau van 1 tot 4."
    assert seen.focusWidget() is seen.level
    seen.level.setCurrentIndex(seen.level.findData(3))
    type_text(qtbot, seen.note, "Gasleiding bij de klant helemaal zelf gesoldeerd")
    click(qtbot, seen.save_button)
    assert not seen.isVisible()
    shown = people.panel.qualifications.text()
    assert "Functie Monteur: alles wat vereist is, is in orde." in shown
    assert "gezien op het werk" in shown


def test_a_situation_builds_a_skill_only_when_it_is_about_performing_better(
    make_window, qtbot, store, org
) -> None:
    window = make_window()
    window.show_area("situations")
    page = window.situations_page
    click(qtbot, page.new_button)
    dialog = page.dialog
    assert not dialog.skill_row.isVisibleTo(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(SituationKind.PERFORM))
    assert dialog.skill_row.isVisibleTo(dialog)
    dialog.skill.setCurrentIndex(dialog.skill.findText("Solderen"))
    assert dialog.skill_level.currentData() == 2  # with help, proposed
    dialog.kind.setCurrentIndex(dialog.kind.findData(SituationKind.ANALYSE))
    assert not dialog.skill_row.isVisibleTo(dialog)
    assert dialog.form_input(strict=False).skill_id is None  # (not saved with another kind)
