"""A form saved after another manager changed the same record (#28): the window shows
who changed what, field by field, and the user keeps theirs, takes the other's, or
merges; nothing is overwritten unseen. The other manager is a process of its own (on
the shared server with a login of its own; on a laptop, a second window on the file)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import text

from tests.conftest import TODAY
from tests.gui.helpers import clear_and_type
from tests.managers import other_manager_url, run_as_other_manager
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.gui.dialogs.conflict import ConflictDialog
from werkleren_desktop.services.groups import save_group
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.storage.data_store import DataStore

D = dt.date


@pytest.fixture
def anna(store: DataStore) -> int:
    create_organisation(store.sessions, OrganisationSettings(name="Installatiebedrijf Wit"))
    return save_person(
        store.sessions,
        PersonInput("Anna", "de Wit", D(2019, 3, 1), job_title="Leerling", notes="Start"),
        TODAY,
    )


def other_manager_changes_anna(store: DataStore, anna: int) -> None:
    run_as_other_manager(
        other_manager_url(store),
        f"""
        from dataclasses import replace
        from werkleren_desktop.services.people import read_person, save_person
        person, stamp = read_person(sessions, {anna})
        save_person(sessions, replace(person, job_title="Monteur", notes="Haalt VCA"),
                    dt.date(2026, 11, 30), {anna}, stamp.version)
        """,
    )


def stored_anna(store: DataStore, anna: int) -> tuple[str, str, str]:
    with store.sessions() as db:
        row = db.execute(
            text("SELECT last_name, job_title, notes FROM person WHERE id = :id"), {"id": anna}
        ).one()
    return row[0], row[1], row[2]


@pytest.fixture
def form(make_window, store: DataStore, anna: int, qtbot):
    """Anna's form, opened from the people page; then changed by the other manager."""
    window = make_window()
    window.show_area("people")
    page = window.people_page
    page.select_record(anna)
    page.edit_person()
    dialog = page.dialog
    other_manager_changes_anna(store, anna)
    clear_and_type(qtbot, dialog.last_name, "de Wit-Bos")
    dialog.notes.setPlainText("Wil lassen leren")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    return dialog


def test_the_stale_form_opens_the_choice_with_who_changed_what(form, store, anna) -> None:
    conflict = form.conflict
    assert isinstance(conflict, ConflictDialog) and conflict.isVisible()
    assert form.isVisible()  # the form and what was typed stay
    assert stored_anna(store, anna) == ("de Wit", "Monteur", "Haalt VCA")  # nothing saved
    assert "Anna de Wit" in conflict.windowTitle() or "Anna de Wit" in _texts(conflict)
    login = other_manager_url(store)
    if store.paths.server_url:  # the other's own login is named
        assert login.split("//")[1].split("@")[0] + " heeft het gewijzigd op" in _texts(conflict)
    else:  # the same user, in a second window
        assert "U zelf, in een ander venster of op een andere computer," in _texts(conflict)
    rows = {c.label: c for c in conflict.changes}
    assert set(rows) == {"Achternaam", "Functie", "Notities"}
    assert (rows["Achternaam"].mine, rows["Achternaam"].theirs) == ("de Wit-Bos", "de Wit")
    assert rows["Functie"].theirs_changed and not rows["Functie"].mine_changed
    assert rows["Notities"].both_changed
    # what each changed alone is chosen already; where both changed, theirs is not
    assert conflict.theirs_buttons["job_title"].isChecked()
    assert conflict.mine_buttons["last_name"].isChecked()
    assert conflict.mine_buttons["notes"].isChecked()


def test_merging_field_by_field(form, store, anna, qtbot) -> None:
    conflict = form.conflict
    conflict.theirs_buttons["notes"].setChecked(True)
    qtbot.mouseClick(conflict.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert stored_anna(store, anna) == ("de Wit-Bos", "Monteur", "Haalt VCA")


def test_keeping_all_of_mine(form, store, anna, qtbot) -> None:
    qtbot.mouseClick(form.conflict.mine_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert stored_anna(store, anna) == ("de Wit-Bos", "Leerling", "Wil lassen leren")


def test_taking_theirs_shows_it_in_the_form_and_saves_nothing(form, store, anna, qtbot) -> None:
    qtbot.mouseClick(form.conflict.theirs_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.conflict is None
    assert (form.last_name.text(), form.job_title.text()) == ("de Wit", "Monteur")
    assert form.notes.toPlainText() == "Haalt VCA"
    assert "versie van de ander" in form.error_label.text()
    assert not form.has_unsaved_changes()  # closing asks nothing
    assert stored_anna(store, anna) == ("de Wit", "Monteur", "Haalt VCA")
    # changed on from there, the form saves without another choice
    form.notes.setPlainText("Haalt VCA; wil lassen leren")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not form.isVisible())
    assert stored_anna(store, anna)[2] == "Haalt VCA; wil lassen leren"


def test_back_to_the_form_saves_nothing_and_asks_again(form, store, anna, qtbot) -> None:
    qtbot.mouseClick(form.conflict.back_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.conflict is None
    assert form.last_name.text() == "de Wit-Bos"
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert isinstance(form.conflict, ConflictDialog)


def test_a_change_that_touches_nothing_in_the_form_saves_without_asking(
    make_window, store, anna, qtbot
) -> None:
    """The other saved the same values (a save without changes raises the version):
    nothing to choose between, so the form simply saves."""
    group = save_group(store.sessions, GroupInput("Lassen", D(2026, 1, 1), theme="Dun plaatwerk"))
    window = make_window()
    window.show_area("groups")
    page = window.groups_page
    page.select_record(group)
    page.edit_group()
    dialog = page.dialog
    run_as_other_manager(
        other_manager_url(store),
        f"""
        from werkleren_desktop.services.groups import group_detail, save_group
        detail = group_detail(sessions, {group}, dt.date(2026, 11, 30))
        save_group(sessions, detail.group, {group}, detail.stamp.version)
        """,
    )
    dialog.theme.setPlainText("Dun plaatwerk, TIG")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.conflict is None
    with store.sessions() as db:
        assert db.execute(text("SELECT theme FROM learning_group")).scalar() == (
            "Dun plaatwerk, TIG"
        )


def test_a_situation_form_offers_the_answers_field_by_field(
    make_window, store, anna, qtbot
) -> None:
    from werkleren_desktop.db.models import SituationKind
    from werkleren_desktop.domain.situations import SituationInput
    from werkleren_desktop.services.situations import list_questions, save_situation

    question = list_questions(store.sessions)[0]
    leak = SituationInput(TODAY, "Lek na het solderen", SituationKind.ANALYSE, (anna,))
    situation = save_situation(store.sessions, leak, TODAY)
    window = make_window()
    window.show_area("situations")
    page = window.situations_page
    page.select_record(situation)
    page.edit_situation()
    dialog = page.dialog
    run_as_other_manager(
        other_manager_url(store),
        f"""
        from dataclasses import replace
        from werkleren_desktop.domain.situations import Answer
        from werkleren_desktop.services.situations import read_situation, save_situation
        situation, stamp = read_situation(sessions, {situation})
        answer = Answer({question.id}, {question.text!r}, "De fitting was niet schoon")
        save_situation(sessions, replace(situation, answers=(answer,)), dt.date(2026, 11, 30),
                       {situation}, stamp.version)
        """,
    )
    clear_and_type(qtbot, dialog.title, "Lek na het solderen van koper")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    conflict = dialog.conflict
    assert isinstance(conflict, ConflictDialog)
    rows = {c.label: c for c in conflict.changes}
    assert rows[question.text].theirs == "De fitting was niet schoon"
    qtbot.mouseClick(conflict.merge_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    with store.sessions() as db:
        assert db.execute(text("SELECT title FROM learning_situation")).scalar() == (
            "Lek na het solderen van koper"
        )
        assert db.execute(text("SELECT answer FROM situation_answer")).scalar() == (
            "De fitting was niet schoon"
        )


def _texts(widget) -> str:
    from PySide6.QtWidgets import QLabel

    return " ".join(label.text() for label in widget.findChildren(QLabel))


def test_a_form_that_keeps_no_version_says_the_conflict_in_a_sentence(qtbot) -> None:
    from PySide6.QtWidgets import QFormLayout, QLineEdit

    from werkleren_desktop.errors import EditConflictError
    from werkleren_desktop.gui.dialogs.form_dialog import FormDialog

    class Plain(FormDialog):
        def save(self) -> None:
            raise EditConflictError("raised by the save")

    form = Plain("Plain")
    layout = QFormLayout()
    layout.addRow("Naam", QLineEdit("Anna"))
    form.finish_layout(layout)
    qtbot.addWidget(form)
    form.show()
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.conflict is None
    assert form.error_label.text() == (
        "Iemand anders heeft dit gewijzigd terwijl u het bewerkte; er is niets opgeslagen en "
        "wat u invulde blijft staan."
    )
