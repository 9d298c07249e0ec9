"""The workbook of a week cycle through the window: fill it in, see it on the cycle,
print the session guide, a save over another's change, a message on the right tab."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import text

from tests.conftest import TODAY
from tests.gui.helpers import type_text
from werkleren_desktop.domain.constants import SituationKind
from werkleren_desktop.domain.cycles import DayPlan, SessionTimes, WorkbookInput, cycle_days
from werkleren_desktop.domain.groups import GroupInput
from werkleren_desktop.domain.organisation import OrganisationSettings
from werkleren_desktop.domain.people import PersonInput
from werkleren_desktop.domain.situations import SituationInput
from werkleren_desktop.gui.dialogs.conflict import ConflictDialog
from werkleren_desktop.services.cycles import CycleDraft, plan_cycle
from werkleren_desktop.services.groups import add_member, save_group
from werkleren_desktop.services.organisation import create_organisation
from werkleren_desktop.services.people import save_person
from werkleren_desktop.services.situations import save_situation
from werkleren_desktop.services.workbook import cycle_workbook, save_workbook

D = dt.date


@pytest.fixture
def window(make_window, store):
    create_organisation(store.sessions, OrganisationSettings(name="Thuiszorg De Linde"))
    group = save_group(store.sessions, GroupInput("Wondzorg", D(2026, 1, 1)))
    anna = save_person(store.sessions, PersonInput("Anna", "de Wit", D(2020, 1, 1)), TODAY)
    add_member(store.sessions, group, anna, D(2026, 1, 1))
    save_situation(
        store.sessions,
        SituationInput(D(2026, 11, 10), "Wond geneest niet", SituationKind.ANALYSE, (anna,)),
        TODAY,
    )
    times = SessionTimes(dt.time(14), 60, "Leerlokaal")
    plan_cycle(store.sessions, CycleDraft(group, cycle_days(D(2026, 11, 30)), times, ("",) * 4))
    window = make_window()
    window.show_area("cycles")
    page = window.cycles_page
    page.table.selectRow(0)
    return window


def open_workbook(qtbot, page):
    qtbot.mouseClick(page.panel.workbook_button, Qt.MouseButton.LeftButton)
    return page.dialog


def test_filling_in_the_workbook_shows_it_on_the_cycle(window, qtbot, store) -> None:
    page = window.cycles_page
    dialog = open_workbook(qtbot, page)
    assert dialog.windowTitle() == "Werkboek van Wondzorg"
    type_text(qtbot, dialog.question, "Hoe voorkomen we dat een wond weer opengaat?")
    assert dialog.situations.count() == 1  # Anna's situation of before the cycle
    item = dialog.situations.item(0)
    assert "Wond geneest niet" in item.text() and "Anna de Wit" in item.text()
    item.setCheckState(Qt.CheckState.Checked)
    dialog.tabs.setCurrentIndex(1)
    dialog.methods[0].setCurrentIndex(dialog.methods[0].findText("Situatieronde"))
    dialog.methods[1].setCurrentIndex(dialog.methods[1].findText("Doordenken met AI"))
    type_text(qtbot, dialog.notes[0], "Foto's van drie wonden vergeleken")
    dialog.tabs.setCurrentIndex(2)
    type_text(qtbot, dialog.outcome, "Een vast verbandprotocol")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    shown = page.panel.workbook.text()
    for expected in (
        "Hoe voorkomen we dat een wond weer opengaat?",
        "Dag 1: Situatieronde — Foto&#x27;s van drie wonden vergeleken",
        "Dag 2: Doordenken met AI",
        "Wond geneest niet",
        "Een vast verbandprotocol",
    ):
        assert expected in shown, shown
    with store.engine.connect() as sql:  # what was stored, read by hand
        question, outcome = sql.execute(text("SELECT question, outcome FROM week_cycle")).one()
        methods = sql.execute(
            text(
                "SELECT m.name FROM cycle_session s LEFT JOIN working_method m"
                " ON m.id = s.method_id ORDER BY s.day_number"
            )
        ).scalars()
        assert question.startswith("Hoe voorkomen") and outcome == "Een vast verbandprotocol"
        assert list(methods) == ["Situatieronde", "Doordenken met AI", None, None]
        assert sql.execute(text("SELECT count(*) FROM cycle_situation")).scalar() == 1


def test_printing_the_session_guide(window, qtbot, store, fake_prompts, tmp_path) -> None:
    page = window.cycles_page
    book = cycle_workbook(store.sessions, page.panel.detail.id)
    days = tuple(DayPlan(d.session_id, None) for d in book.days)
    save_workbook(store.sessions, book.cycle_id, WorkbookInput("Waarom gaat het mis?", (), days))
    qtbot.mouseClick(page.panel.guide_button, Qt.MouseButton.LeftButton)
    preview = page.preview
    assert preview.isVisible() and preview.windowTitle() == "Sessiegids"
    assert preview.suggested_name.startswith("sessiegids Wondzorg 2026-11-30")
    fake_prompts.save_file = tmp_path / "gids.pdf"
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    reader = PdfReader(io.BytesIO(fake_prompts.save_file.read_bytes()))
    assert len(reader.pages) == 4
    assert "Waarom gaat het mis?" in reader.pages[3].extract_text()
    preview.reject()


def test_a_save_over_another_change_opens_the_choice(window, qtbot, store) -> None:
    page = window.cycles_page
    dialog = open_workbook(qtbot, page)
    type_text(qtbot, dialog.question, "Mijn vraag")
    book = cycle_workbook(store.sessions, page.panel.detail.id)  # meanwhile, elsewhere
    days = tuple(DayPlan(d.session_id, None) for d in book.days)
    save_workbook(store.sessions, book.cycle_id, WorkbookInput("Andere vraag", (), days))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert isinstance(dialog.conflict, ConflictDialog) and dialog.conflict.isVisible()
    assert [c.label for c in dialog.conflict.changes] == ["Vraag"]
    qtbot.mouseClick(dialog.conflict.mine_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert cycle_workbook(store.sessions, book.cycle_id).question == "Mijn vraag"


def test_a_message_shows_on_the_tab_of_its_field_and_keeps_the_form(window, qtbot) -> None:
    page = window.cycles_page
    dialog = open_workbook(qtbot, page)
    dialog.tabs.setCurrentIndex(1)
    dialog.notes[2].setPlainText("x" * 4001)
    dialog.tabs.setCurrentIndex(0)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == 1 and dialog.focusWidget() is dialog.notes[2]
    assert "notities van dag 3" in dialog.error_label.text()
    assert len(dialog.notes[2].toPlainText()) == 4001


def test_a_week_cycle_started_from_a_situation(window, qtbot, store) -> None:
    window.show_area("situations")
    page = window.situations_page
    page.table.selectRow(0)
    assert page.panel.cycle_button.isVisible()
    qtbot.mouseClick(page.panel.cycle_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert dialog.question.toPlainText() == "Wond geneest niet"
    assert "Pakt de situatie ‘Wond geneest niet’ uit het leerlogboek op." in [
        label.text() for label in dialog.findChildren(type(page.panel.empty))
    ]
    dialog.start.setDate(dialog.start.date().addDays(21))
    dialog.question.setPlainText("Waarom geneest deze wond niet?")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "Weekcyclus gepland" in window.statusBar().currentMessage()
    with store.engine.connect() as sql:
        question, title = sql.execute(
            text(
                "SELECT c.question, s.title FROM week_cycle c"
                " JOIN cycle_situation l ON l.cycle_id = c.id"
                " JOIN learning_situation s ON s.id = l.situation_id"
            )
        ).one()
    assert (question, title) == ("Waarom geneest deze wond niet?", "Wond geneest niet")
